import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import './page-state.scss';

/** Loading, error and empty states, worded plainly. An error always offers 「重试」. */
export function LoadingState({ text = '正在加载，请稍候…' }: { text?: string }) {
  return (
    <View className='page-state'>
      <Text className='page-state__text'>{text}</Text>
    </View>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  return (
    <View className='page-state page-state--error'>
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
  return (
    <View className='page-state page-state--empty'>
      <Text className='page-state__text'>{text}</Text>
      {action ? <View className='page-state__action'>{action}</View> : null}
    </View>
  );
}
