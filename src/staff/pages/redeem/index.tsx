import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { CodeEntry } from '../../../components/code-entry';
import { ErrorState, LoadingState } from '../../../components/page-state';
import { useElderClass } from '../../../hooks/use-elder';
import { REVERSE_REASON_MAX, useHandOver } from '../../../hooks/use-points';
import { shortTime } from '../../../services/format';
import { REDEMPTION_STATUS_TEXT } from '../../../services/points-text';
import '../../../components/points.scss';

/** The H5 build has no camera scanner: the code is typed there. */
const H5 = process.env.TARO_ENV === 'h5';

/** 积分核销 (issue 20): the committee scans or types a resident's redemption code to hand the item over, and may reverse it with a reason. */
export default function RedeemPage() {
  const elder = useElderClass();
  const h = useHandOver();
  const { profile } = h;
  if (profile.loading && !profile.data) return <LoadingState />;
  if (profile.error || !profile.data) return <ErrorState message={profile.error ?? '没有取到您的信息，请点“重试”。'} onRetry={() => void profile.reload()} />;
  return (
    <View className={`page points-admin${elder}`}>
      <View className='card'>
        <Text className='points__title'>{`${profile.data.nodeName ?? ''}积分兑换核销`}</Text>
        <Text className='muted'>请居民出示兑换码，核对物品后核销；核销后物品即视为已领取。</Text>
      </View>
      {!H5 ? (
        <View className='actions'>
          <Button type='primary' size='xlarge' block loading={h.busy === 'handOver'} disabled={h.busy !== null} onClick={() => void h.scan()}>
            扫兑换码
          </Button>
        </View>
      ) : null}
      <CodeEntry label='核销兑换码' placeholder='输入居民出示的 8 位兑换码' busy={h.busy === 'handOver'} onSubmit={(c) => void h.handOver(c)} />
      {h.notice ? <Text className='points__notice'>{h.notice}</Text> : null}
      {h.actionError ? <Text className='error-text'>{h.actionError}</Text> : null}

      {h.recent.errorCode === 'GRID.PLACE_NOT_FOUND' || h.recent.errorCode === 'AUTH.FORBIDDEN' ? (
        <Text className='error-text'>积分核销由村（居）委会、经济社工作人员办理。</Text>
      ) : h.recent.error ? (
        <Text className='error-text'>{h.recent.error}</Text>
      ) : null}
      {(h.recent.data ?? []).length > 0 ? (
        <>
          <View className='section-title'>{`最近兑换（${(h.recent.data ?? []).length}）`}</View>
          {(h.recent.data ?? []).map((r) => (
            <View key={r.id} className='card points__form'>
              <Text>{`${r.personName ?? ''} · ${r.rewardName}（${r.points} 分）`}</Text>
              <Text className='muted'>{`兑换码 ${r.code} · ${REDEMPTION_STATUS_TEXT[r.status]} · ${shortTime(r.handedAt ?? r.at)}`}</Text>
              {r.status === 'reversed' ? <Text className='muted'>{`撤销原因：${r.reverseReason ?? ''}`}</Text> : null}
              {r.status !== 'reversed' ? (
                <>
                  <TextArea value={h.reasons[r.id] ?? ''} onChange={(v) => h.setReason(r.id, v)} placeholder='撤销原因（必填），例如：物品有破损，已收回' maxLength={REVERSE_REASON_MAX} autoSize />
                  <Button type='danger' fill='outline' block loading={h.busy === `reverse:${r.id}`} disabled={h.busy !== null} onClick={() => void h.reverse(r.id)}>
                    {r.status === 'handed' ? '撤销核销' : '撤销兑换'}
                  </Button>
                </>
              ) : null}
            </View>
          ))}
        </>
      ) : null}
    </View>
  );
}
