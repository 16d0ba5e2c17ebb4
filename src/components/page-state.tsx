import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import { useElderClass } from '../hooks/use-elder';
import './page-state.scss';

/** Loading, error and empty states, worded plainly. An error always offers 「重试」. */
// Each may be a page's whole content (a page returns it early), so each carries the 大字模式 class itself.
export function LoadingState({ text = '正在加载，请稍候…' }: { text?: string }) {
  const elder = useElderClass();
  return (
    <View className={`page-state${elder}`} aria-live='polite'>
      <Text className='page-state__text'>{text}</Text>
    </View>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const elder = useElderClass();
  return (
    <View className={`page-state page-state--error${elder}`} role='alert'>
      <Text className='page-state__title'>出错了</Text>
      <Text className='page-state__text'>{message}</Text>
      {onRetry ? (
        <Button className='page-state__action' type='primary' onClick={onRetry}>
          重试
        </Button>
      ) : null}
    </View>
  );
}

export function EmptyState({ text, action }: { text: string; action?: ReactNode }) {
  const elder = useElderClass();
  return (
    <View className={`page-state page-state--empty${elder}`}>
      <Text className='page-state__text'>{text}</Text>
      {action ? <View className='page-state__action'>{action}</View> : null}
    </View>
  );
}
