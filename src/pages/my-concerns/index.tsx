import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { ConcernItem } from '../../components/concern-item';
import { ListFooter } from '../../components/list-footer';
import { EmptyState, ErrorState, LoadingState } from '../../components/page-state';
import { useMyConcerns } from '../../hooks/use-my-concerns';
import { useElderClass } from '../../hooks/use-elder';
import './index.scss';

export default function MyConcernsPage() {
  const elder = useElderClass();
  const list = useMyConcerns();
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (list.loading && list.items.length === 0) return <LoadingState />;
  if (list.error) return <ErrorState message={list.error} onRetry={() => void list.reload()} />;
  if (list.items.length === 0) {
    return (
      <EmptyState
        text='您还没有反映过问题。'
        action={
          <Button type='primary' onClick={() => void list.goReport()}>
            我要反映
          </Button>
        }
      />
    );
  }

  return (
    <View className={`page${elder}`}>
      {list.items.map((c) => (
        <ConcernItem key={c.id} item={c} onTap={() => void list.open(c.id)} />
      ))}
      <ListFooter {...list} />
    </View>
  );
}
