import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ErrorState, LoadingState } from '../../../components/page-state';
import { useElderClass } from '../../../hooks/use-elder';
import { useMyPoints } from '../../../hooks/use-points';
import { shortTime } from '../../../services/format';
import { POINTS_KIND_TEXT, REDEMPTION_STATUS_TEXT, signedPoints } from '../../../services/points-text';
import '../../../components/points.scss';

/** 我的积分 (issue 20): the balance of each place, what earned or spent each point, and the redemptions. */
export default function MyPointsPage() {
  const elder = useElderClass();
  const m = useMyPoints();
  const { points } = m;
  if (points.loading && !points.data) return <LoadingState />;
  if (points.error || !points.data) return <ErrorState message={points.error ?? '没有取到您的积分，请点“重试”。'} onRetry={() => void points.reload()} />;
  const d = points.data;
  const total = d.balances.reduce((s, b) => s + b.balance, 0);
  return (
    <View className={`page points${elder}`}>
      <View className='card points__balance'>
        <Text className='muted'>当前可用积分</Text>
        <Text className='points__number'>{`${total} 分`}</Text>
        <Text className='muted'>参加志愿服务、反映的问题经确认办结，可获得积分。</Text>
      </View>

      <View className='section-title'>积分兑换</View>
      {m.places.length === 0 ? (
        <Text className='muted'>加入志愿队或获得积分后，可在这里查看本村居（经济社）的兑换物品。</Text>
      ) : (
        <View className='card'>
          {m.places.map((p) => (
            <View key={p.nodeId} className='points__row'>
              <View className='points__what'>
                <Text>{p.placeName}</Text>
                <Text className='muted'>{`可用 ${p.balance} 分`}</Text>
              </View>
              <Button size='small' type='primary' onClick={() => void m.goRewards(p.nodeId)}>
                去兑换
              </Button>
            </View>
          ))}
        </View>
      )}

      {d.redemptions.length > 0 ? (
        <>
          <View className='section-title'>我的兑换</View>
          <View className='card'>
            {d.redemptions.map((r) => (
              <View key={r.id} className='points__row'>
                <View className='points__what'>
                  <Text>{`${r.rewardName}（${r.points} 分）`}</Text>
                  <Text className='muted'>{`兑换码 ${r.code} · ${shortTime(r.at)}`}</Text>
                </View>
                <Text className={r.status === 'pending' ? 'points__plus' : 'points__minus'}>{REDEMPTION_STATUS_TEXT[r.status]}</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}

      <View className='section-title'>积分记录</View>
      {d.history.length === 0 ? (
        <Text className='muted'>还没有积分记录。</Text>
      ) : (
        <View className='card'>
          {d.history.map((h) => (
            <View key={h.id} className='points__row' aria-label={`${POINTS_KIND_TEXT[h.kind]} ${signedPoints(h.points)} 分`}>
              <View className='points__what'>
                <Text>{`${POINTS_KIND_TEXT[h.kind]}：${h.note}`}</Text>
                <Text className='muted'>{`${shortTime(h.at)} · ${h.placeName}`}</Text>
              </View>
              <Text className={h.points > 0 ? 'points__plus' : 'points__minus'}>{`${signedPoints(h.points)} 分`}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}
