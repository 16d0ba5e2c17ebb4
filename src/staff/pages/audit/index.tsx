import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import type { AuditEntryView } from '../../../../core/views';
import { AuditFilterBar } from '../../../components/audit-filters';
import { ListFooter } from '../../../components/list-footer';
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state';
import { useAudit } from '../../../hooks/use-audit';
import { useElderClass } from '../../../hooks/use-elder';
import { auditActionText, auditOutcomeText, subjectLink } from '../../../services/admin-text';
import { fullTime } from '../../../services/format';
import { roleText } from '../../../services/status-text';
import './index.scss';

/** What the entry acted on, for people: a concern by category and case number (tap opens it), never a bare id. */
function Target({ target }: { target: AuditEntryView['target'] }) {
  if (!target) return null;
  switch (target.kind) {
    case 'concern':
    case 'event':
    case 'team': {
      const link = subjectLink({ kind: target.kind, id: target.id });
      const text = target.kind === 'concern' ? `诉求：${target.categoryName} · 案件编号 ${target.id}` : link.label;
      return (
        <View className='audit__line' role='link' onClick={() => void Taro.navigateTo({ url: link.url })}>
          <Text className='audit__link'>{text}</Text>
        </View>
      );
    }
    case 'person':
      return <Text className='muted audit__line'>{`对象：${target.name}`}</Text>;
    case 'year':
      return <Text className='muted audit__line'>{`对象：${target.year}年节假日安排`}</Text>;
  }
}

/** 操作记录: the town's audit log (who did what, when, from which node), newest first; it cannot be edited. */
export default function AuditPage() {
  const elder = useElderClass();
  const list = useAudit();
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const body =
    list.loading && list.items.length === 0 ? (
      <LoadingState text='正在读取操作记录…' />
    ) : list.error ? (
      <ErrorState message={list.error} onRetry={() => void list.reload()} />
    ) : list.items.length === 0 ? (
      <EmptyState text={list.filtered ? '没有符合筛选条件的操作记录。' : '本镇还没有操作记录。'} />
    ) : (
      <View>
        {list.items.map((e) => (
          <View className={`card audit__item${e.outcome === 'ok' ? '' : ' audit__item--refused'}`} key={e.id}>
            <View className='audit__head'>
              <Text className='audit__action'>{auditActionText(e.action)}</Text>
              <Text className={e.outcome === 'ok' ? 'audit__outcome' : 'audit__outcome audit__outcome--refused'}>{auditOutcomeText(e.outcome)}</Text>
            </View>
            <Text className='audit__line'>{`${e.actorName}（${roleText(e.actorRole)}）`}</Text>
            <Text className='muted audit__line'>{`所属：${e.nodeName ?? (e.nodeId === null ? '区级' : '已撤销的单位')}`}</Text>
            <Target target={e.target} />
            <Text className='muted audit__line'>{fullTime(e.at)}</Text>
          </View>
        ))}
        <ListFooter {...list} />
      </View>
    );

  return (
    <View className={`page audit${elder}`}>
      <Text className='muted audit__hint'>工作人员和管理员的每次操作（包括被拒绝的尝试）都会记录在这里，记录不能修改或删除。</Text>
      <AuditFilterBar {...list} />
      {body}
    </View>
  );
}
