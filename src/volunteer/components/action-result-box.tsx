import { Text, View } from '@tarojs/components';
import type { ActionView } from '../../../core/volunteers/action-views';
import { MessageBox } from '../../components/message-box';
import { useActionResult } from '../../hooks/use-action-result';
import { ACTION_STEP_TEXT } from '../../services/volunteer-text';

/**
 * The event page's 志愿行动 card (issue 20): what the event was started for, and for its leader, once the
 * hours are confirmed, the result (what was done, after-photos) the handlers resolve the concerns with.
 */
export function ActionResultBox({ action, eventId, iLead, onDone }: { action: ActionView; eventId: string; iLead: boolean; onDone: () => Promise<void> }) {
  const r = useActionResult(eventId, onDone);
  return (
    <>
      <View className='card' aria-label='志愿行动'>
        <Text className='vevent__line'>{`志愿行动：${action.title}`}</Text>
        <Text className='muted'>{`${ACTION_STEP_TEXT[action.status]} · 共 ${action.concernIds.length} 条居民反映 · ${action.startedByName}发起`}</Text>
        {action.result ? <Text className='vevent__desc'>{`行动结果：${action.result.text}`}</Text> : null}
        {action.result?.underReview ? <Text className='muted'>结果正在审核，审核通过后经办人才能据此办结。</Text> : null}
      </View>
      {iLead && action.status === 'scheduled' ? (
        <MessageBox
          title='填写行动结果'
          value={r.text}
          onChange={r.setText}
          placeholder='例如：清理垃圾 3 车，巷道已打扫干净（请先确认全部工时）'
          photos={r.photos}
          error={r.error}
          submitText='提交行动结果'
          onSubmit={() => void r.submit()}
          loading={r.busy === 'result'}
          disabled={r.busy !== null}
        />
      ) : null}
    </>
  );
}
