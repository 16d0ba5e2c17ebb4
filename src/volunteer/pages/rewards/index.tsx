import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ErrorState, LoadingState } from '../../../components/page-state';
import { useElderClass } from '../../../hooks/use-elder';
import { useRewards } from '../../../hooks/use-points';
import { REDEMPTION_STATUS_TEXT } from '../../../services/points-text';
import { QrCode } from '../../components/qr-code';
import '../../../components/points.scss';

/** 积分兑换 of one village or cooperative (issue 20): its rewards, the public ranking when it shows one, and the code to collect with. */
export default function RewardsPage() {
  const elder = useElderClass();
  const r = useRewards();
  const { list } = r;
  if (list.loading && !list.data) return <LoadingState />;
  if (list.error || !list.data) return <ErrorState message={list.error ?? '没有取到兑换物品，请点“重试”。'} onRetry={() => void list.reload()} />;
  const d = list.data;
  const red = r.redeemed;
  return (
    <View className={`page rewards${elder}`}>
      <View className='card points__balance'>
        <Text className='muted'>{d.settings.placeName}</Text>
        <Text className='points__number'>{`${d.myBalance} 分`}</Text>
        <Text className='muted'>{`我在本地的可用积分 · 志愿服务每小时 ${d.settings.pointsPerHour} 分`}</Text>
      </View>

      {red ? (
        <View className='card' aria-label='兑换码'>
          <Text className='points__title'>{`兑换成功：${red.rewardName}`}</Text>
          <Text className='muted'>请到村（居）委会出示兑换码领取，工作人员扫码或输入兑换码后即可领取。</Text>
          <Text className='points__code'>{red.code}</Text>
          <QrCode text={red.code} label={`兑换码 ${red.code}`} />
          <Text className='muted'>{`状态：${REDEMPTION_STATUS_TEXT[red.status]} · 扣除 ${red.points} 分`}</Text>
          <Button block fill='outline' onClick={r.closeRedeemed}>
            知道了
          </Button>
        </View>
      ) : null}

      {!d.settings.enabled ? (
        <View className='card'>
          <Text>本村居（经济社）暂未开展积分兑换。</Text>
        </View>
      ) : (
        <>
          <View className='section-title'>可兑换物品</View>
          {d.items.length === 0 ? (
            <Text className='muted'>暂时没有可兑换的物品。</Text>
          ) : (
            <View className='card'>
              {d.items.map((it) => (
                <View key={it.id} className='points__row'>
                  <View className='points__what'>
                    <Text>{it.name}</Text>
                    <Text className='muted'>{`${it.points} 分 · 剩余 ${it.stock} 件`}</Text>
                  </View>
                  <Button
                    size='small'
                    type='primary'
                    loading={r.busy === `redeem:${it.id}`}
                    disabled={r.busy !== null || it.stock <= 0 || d.myBalance < it.points}
                    onClick={() => void r.redeem(it.id)}
                  >
                    {it.stock <= 0 ? '已兑完' : d.myBalance < it.points ? '积分不足' : '兑换'}
                  </Button>
                </View>
              ))}
            </View>
          )}
          {r.actionError ? <Text className='error-text'>{r.actionError}</Text> : null}
        </>
      )}

      {d.ranking ? (
        <>
          <View className='section-title'>积分榜</View>
          <View className='card'>
            {d.ranking.length === 0 ? <Text className='muted'>还没有人获得积分。</Text> : null}
            {d.ranking.map((row, i) => (
              <View key={`${i}-${row.name}`} className='points__row'>
                <Text>{`${i + 1}. ${row.name}`}</Text>
                <Text className='points__plus'>{`${row.earned} 分`}</Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
    </View>
  );
}
