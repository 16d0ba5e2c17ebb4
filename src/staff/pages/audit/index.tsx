import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { ListFooter } from '../../../components/list-footer';
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state';
import { useAudit } from '../../../hooks/use-audit';
import { useElderClass } from '../../../hooks/use-elder';
import { auditActionText, auditOutcomeText } from '../../../services/admin-text';
import { fullTime } from '../../../services/format';
import { roleText } from '../../../services/status-text';
import './index.scss';

/** 操作记录: the town's audit log (who did what, when, from which node), newest first; it cannot be edited. */
export default function AuditPage() {
  const elder = useElderClass();
  const list = useAudit();
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (list.loading && list.items.length === 0) return <LoadingState text='正在读取操作记录…' />;
  if (list.error) return <ErrorState message={list.error} onRetry={() => void list.reload()} />;
  if (list.items.length === 0) return <EmptyState text='本镇还没有操作记录。' />;

  return (
    <View className={`page audit${elder}`}>
      <Text className='muted audit__hint'>工作人员和管理员的每次操作（包括被拒绝的尝试）都会记录在这里，记录不能修改或删除。</Text>
      {list.items.map((e) => (
        <View className={`card audit__item${e.outcome === 'ok' ? '' : ' audit__item--refused'}`} key={e.id}>
          <View className='audit__head'>
            <Text className='audit__action'>{auditActionText(e.action)}</Text>
            <Text className={e.outcome === 'ok' ? 'audit__outcome' : 'audit__outcome audit__outcome--refused'}>{auditOutcomeText(e.outcome)}</Text>
          </View>
          <Text className='audit__line'>{`${e.actorName}（${roleText(e.actorRole)}）`}</Text>
          <Text className='muted audit__line'>{`所属：${e.nodeName ?? e.nodeId ?? '区级'}`}</Text>
          {e.targetId ? <Text className='muted audit__line'>{`对象编号：${e.targetId}`}</Text> : null}
          <Text className='muted audit__line'>{fullTime(e.at)}</Text>
        </View>
      ))}
      <ListFooter {...list} />
    </View>
  );
}
