import { View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { ConcernItem } from '../../../components/concern-item';
import { ListFooter } from '../../../components/list-footer';
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state';
import { type InboxScope, useInbox } from '../../../hooks/use-inbox';
import './index.scss';

const TABS: { scope: InboxScope; title: string }[] = [
  { scope: 'open', title: '待办' },
  { scope: 'all', title: '全部' },
];

export default function InboxPage() {
  const inbox = useInbox();
  usePullDownRefresh(() => {
    void inbox.reload().finally(() => Taro.stopPullDownRefresh());
  });

  return (
    <View className='page inbox'>
      <View className='inbox__tabs'>
        {TABS.map((t) => (
          <View
            key={t.scope}
            className={`inbox__tab${inbox.scope === t.scope ? ' inbox__tab--active' : ''}`}
            ariaRole='tab'
            onClick={() => inbox.setScope(t.scope)}
          >
            {t.title}
          </View>
        ))}
      </View>
      {inbox.loading && inbox.items.length === 0 ? (
        <LoadingState />
      ) : inbox.error ? (
        <ErrorState message={inbox.error} onRetry={() => void inbox.reload()} />
      ) : inbox.items.length === 0 ? (
        <EmptyState text={inbox.scope === 'open' ? '暂无待办诉求' : '暂无诉求'} />
      ) : (
        <View>
          {inbox.items.map((c) => (
            <ConcernItem key={c.id} item={c} placeLabel='反映地点' showDue={inbox.scope === 'open'} onTap={() => void inbox.open(c.id)} />
          ))}
          <ListFooter {...inbox} />
        </View>
      )}
    </View>
  );
}
