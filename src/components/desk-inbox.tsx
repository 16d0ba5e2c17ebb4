import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ConcernSummary } from '../../core/views';
import type { useInbox } from '../hooks/use-inbox';
import { dueText, routedCommittee } from '../services/format';
import { ConcernTags } from './concern-tags';
import { HandlePanel } from './handle-panel';
import { InboxFilters } from './inbox-filters';
import { InboxState } from './inbox-state';
import { ListFooter } from './list-footer';
import { EmptyState } from './page-state';
import './desk-inbox.scss';

const COLUMNS = ['案件编号', '类别', '反映地点', '状态', '办理时限', '当前承办'] as const;

function Row({ c, selected, showDue, onPick }: { c: ConcernSummary; selected: boolean; showDue: boolean; onPick: () => void }) {
  const due = showDue ? dueText(c.sla.dueAt, c.sla.overdue) : null;
  return (
    <View className={`desk-table__row${selected ? ' desk-table__row--selected' : ''}`} role='row' aria-selected={selected} onClick={onPick}>
      <View className='desk-table__cell desk-table__cell--id' role='cell'>
        <Text>{c.id}</Text>
      </View>
      <View className='desk-table__cell' role='cell'>
        <Text className='desk-table__category'>{c.categoryName}</Text>
        <Text className='desk-table__desc'>{c.description}</Text>
      </View>
      <View className='desk-table__cell' role='cell'>
        <Text>{c.placeName}</Text>
      </View>
      <View className='desk-table__cell desk-table__cell--tags' role='cell'>
        <ConcernTags item={c} showDue={showDue} />
      </View>
      <View className={`desk-table__cell${c.sla.overdue ? ' desk-table__cell--late' : ''}`} role='cell'>
        <Text>{due ?? '—'}</Text>
      </View>
      <View className='desk-table__cell' role='cell'>
        <Text>{c.passedOn ? `已转出，现由${routedCommittee(c.route)}办理` : routedCommittee(c.route)}</Text>
      </View>
    </View>
  );
}

/**
 * The workbench at a desk (issue 16, item 9; H5 ≥ 1024 px): the filters on top, the concerns as a table,
 * and the selected one in a pane on the right with its moves — the same panel as the handling page, so a
 * dispatcher or town office works through the queue without leaving it.
 */
export function DeskInbox({ inbox }: { inbox: ReturnType<typeof useInbox> }) {
  const [selected, setSelected] = useState<string | null>(null);
  const shown = selected !== null && inbox.items.some((c) => c.id === selected) ? selected : null;
  return (
    <View className='desk-inbox'>
      <View className='desk-inbox__list'>
        <InboxFilters {...inbox} />
        <InboxState inbox={inbox}>
          <View className='desk-table' role='table' aria-label='诉求列表'>
            <View className='desk-table__row desk-table__row--head' role='row'>
              {COLUMNS.map((h) => (
                <View key={h} className='desk-table__cell' role='columnheader'>
                  <Text>{h}</Text>
                </View>
              ))}
            </View>
            {inbox.items.map((c) => (
              <Row key={c.id} c={c} selected={c.id === shown} showDue={inbox.scope === 'open'} onPick={() => setSelected(c.id)} />
            ))}
            <ListFooter {...inbox} />
          </View>
        </InboxState>
      </View>
      <View className='desk-inbox__pane' aria-label='诉求详情'>
        {shown ? (
          <HandlePanel
            key={shown}
            id={shown}
            inPane
            onMoved={() => void inbox.reload()}
            onRouteMoved={(text) => {
              setSelected(null);
              void Taro.showToast({ title: text, icon: 'none', duration: 3000 });
            }}
          />
        ) : (
          <EmptyState text='在左侧表格中点一条诉求，这里显示详情和办理操作。' />
        )}
      </View>
    </View>
  );
}
