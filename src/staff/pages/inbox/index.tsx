import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { InboxCounts } from '../../../../core/views';
import { Chip, ChipRow } from '../../../components/chip';
import { ConcernItem } from '../../../components/concern-item';
import { ListFooter } from '../../../components/list-footer';
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state';
import { type InboxFilter, type InboxScope, useInbox } from '../../../hooks/use-inbox';
import { useElderClass } from '../../../hooks/use-elder';
import { SubscribeSwitch } from '../../../components/subscribe-switch';
import './index.scss';

const TABS: { scope: InboxScope; title: string }[] = [
  { scope: 'open', title: '待办' },
  { scope: 'all', title: '全部' },
];

const FILTERS: { filter: InboxFilter | null; title: string; empty: string }[] = [
  { filter: null, title: '全部待办', empty: '暂无待办诉求，辛苦了。' },
  { filter: 'dueToday', title: '今天到期', empty: '今天没有到期的诉求。' },
  { filter: 'overdue', title: '已超期', empty: '没有超期的诉求。' },
  { filter: 'toAccept', title: '待签收', empty: '没有等待签收的诉求。' },
  { filter: 'toDispatch', title: '待派单', empty: '派单队列是空的，没有等待派单的诉求。' },
];

function countOf(counts: InboxCounts | null, f: InboxFilter | null): string {
  const n = counts && f ? counts[f] : null;
  return n === null || n === undefined ? '' : ` ${n}`;
}

/** 待派单 is the town dispatcher's: shown only to those the counts give a queue. */
function shownFilters(counts: InboxCounts | null) {
  return FILTERS.filter((f) => f.filter !== 'toDispatch' || (typeof counts?.toDispatch === 'number'));
}

export default function InboxPage() {
  const elder = useElderClass();
  const inbox = useInbox();
  usePullDownRefresh(() => {
    void inbox.reload().finally(() => Taro.stopPullDownRefresh());
  });
  const current = FILTERS.find((f) => f.filter === inbox.filter) ?? FILTERS[0];

  return (
    <View className={`page inbox${elder}`}>
      <SubscribeSwitch />
      <View className='inbox__tabs' role='tablist'>
        {TABS.map((t) => (
          <View
            key={t.scope}
            className={`inbox__tab${inbox.scope === t.scope ? ' inbox__tab--active' : ''}`}
            role='tab'
            aria-selected={inbox.scope === t.scope}
            onClick={() => inbox.setScope(t.scope)}
          >
            {t.title}
          </View>
        ))}
      </View>
      {inbox.scope === 'open' ? (
        <View className='inbox__filters'>
          <ChipRow>
            {shownFilters(inbox.counts).map((f) => (
              <Chip key={f.title} selected={inbox.filter === f.filter} onTap={() => inbox.pickFilter(f.filter)}>
                {`${f.title}${countOf(inbox.counts, f.filter)}`}
              </Chip>
            ))}
          </ChipRow>
        </View>
      ) : null}
      {inbox.loading && inbox.items.length === 0 ? (
        <LoadingState text='正在读取诉求，请稍候…' />
      ) : inbox.error ? (
        <ErrorState message={inbox.error} onRetry={() => void inbox.reload()} />
      ) : inbox.items.length === 0 ? (
        <EmptyState text={inbox.scope === 'open' ? current.empty : '还没有诉求。居民反映的问题会出现在这里。'} />
      ) : (
        <View>
          {inbox.loading ? <Text className='muted inbox__refreshing'>正在刷新…</Text> : null}
          {inbox.items.map((c) => (
            <ConcernItem key={c.id} item={c} placeLabel='反映地点' showDue={inbox.scope === 'open'} onTap={() => void inbox.open(c.id)} />
          ))}
          <ListFooter {...inbox} />
        </View>
      )}
    </View>
  );
}
