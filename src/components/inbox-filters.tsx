import { View } from '@tarojs/components';
import type { InboxCounts } from '../../core/views';
import type { InboxFilter, InboxScope } from '../hooks/use-inbox';
import { Chip, ChipRow } from './chip';

const TABS: { scope: InboxScope; title: string }[] = [
  { scope: 'open', title: '待办' },
  { scope: 'all', title: '全部' },
];

export const FILTERS: { filter: InboxFilter | null; title: string; empty: string }[] = [
  { filter: null, title: '全部待办', empty: '暂无待办诉求，辛苦了。' },
  { filter: 'dueToday', title: '今天到期', empty: '今天没有到期的诉求。' },
  { filter: 'overdue', title: '已超期', empty: '没有超期的诉求。' },
  { filter: 'toAccept', title: '待签收', empty: '没有等待签收的诉求。' },
  { filter: 'toDispatch', title: '待派单', empty: '派单队列是空的，没有等待派单的诉求。' },
];

/** What an empty list says for this scope and filter. */
export function emptyText(scope: InboxScope, filter: InboxFilter | null): string {
  if (scope !== 'open') return '还没有诉求。居民反映的问题会出现在这里。';
  return (FILTERS.find((f) => f.filter === filter) ?? FILTERS[0]).empty;
}

function countOf(counts: InboxCounts | null, f: InboxFilter | null): string {
  const n = counts && f ? counts[f] : null;
  return n === null || n === undefined ? '' : ` ${n}`;
}

/** 待派单 is the town dispatcher's: shown only to those the counts give a queue. */
function shownFilters(counts: InboxCounts | null) {
  return FILTERS.filter((f) => f.filter !== 'toDispatch' || (typeof counts?.toDispatch === 'number'));
}

export interface InboxFiltersProps {
  scope: InboxScope;
  filter: InboxFilter | null;
  counts: InboxCounts | null;
  setScope: (s: InboxScope) => void;
  pickFilter: (f: InboxFilter | null) => void;
}

/** The workbench's 待办 / 全部 tabs and the 待办 filters with their counts, for the phone and the desk layout alike. */
export function InboxFilters(p: InboxFiltersProps) {
  return (
    <View className='inbox__bar'>
      <View className='inbox__tabs' role='tablist'>
        {TABS.map((t) => (
          <View
            key={t.scope}
            className={`inbox__tab${p.scope === t.scope ? ' inbox__tab--active' : ''}`}
            role='tab'
            aria-selected={p.scope === t.scope}
            onClick={() => p.setScope(t.scope)}
          >
            {t.title}
          </View>
        ))}
      </View>
      {p.scope === 'open' ? (
        <View className='inbox__filters'>
          <ChipRow>
            {shownFilters(p.counts).map((f) => (
              <Chip key={f.title} selected={p.filter === f.filter} onTap={() => p.pickFilter(f.filter)}>
                {`${f.title}${countOf(p.counts, f.filter)}`}
              </Chip>
            ))}
          </ChipRow>
        </View>
      ) : null}
    </View>
  );
}
