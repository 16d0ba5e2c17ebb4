import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { ErrorState, LoadingState } from '../../../components/page-state';
import { useElderClass } from '../../../hooks/use-elder';
import { REWARD_NAME_MAX, usePointsSettings } from '../../../hooks/use-points';
import '../../../components/points.scss';

function NotManager({ elder }: { elder: string }) {
  return (
    <View className={`page points-admin${elder}`}>
      <View className='card'>
        <Text>积分设置和核销由村（居）委会、经济社工作人员管理。</Text>
      </View>
    </View>
  );
}

/**
 * 积分设置 (issue 20): a village's or cooperative's committee turns points and the public ranking on or off
 * and keeps its rewards (item, points, stock); the town's admin sets the town's rates here.
 */
export default function PointsSettingsPage() {
  const elder = useElderClass();
  const s = usePointsSettings();
  const { profile, list } = s;
  if (profile.loading && !profile.data) return <LoadingState />;
  if (profile.error || !profile.data) return <ErrorState message={profile.error ?? '没有取到您的信息，请点“重试”。'} onRetry={() => void profile.reload()} />;

  if (s.isTown) {
    return (
      <View className={`page points-admin${elder}`}>
        <View className='card points__form'>
          <Text className='points__title'>{`${profile.data.nodeName ?? ''}积分标准`}</Text>
          <Text className='muted'>全镇各村居、经济社开展积分制时按此标准计分；不为登录等计分，也不扣分。</Text>
          <Text className='points__label'>每确认 1 小时志愿服务（分）</Text>
          <Input type='digit' value={s.rates.perHour} onChange={(v) => s.setRates({ perHour: v })} placeholder='例如：10' aria-label='每小时积分' />
          <Text className='points__label'>反映的问题经确认办结（分）</Text>
          <Input type='digit' value={s.rates.perReport} onChange={(v) => s.setRates({ perReport: v })} placeholder='例如：2' aria-label='每条反映积分' />
          {s.formError ? <Text className='error-text'>{s.formError}</Text> : null}
          <Button type='primary' block loading={s.busy === 'rates'} disabled={s.busy !== null} onClick={() => void s.saveRates()}>
            保存积分标准
          </Button>
          {s.actionError ? <Text className='error-text'>{s.actionError}</Text> : null}
        </View>
      </View>
    );
  }

  if (list.loading && !list.data) return <LoadingState />;
  // Staff of a grid or of the town node manage no place's points.
  if (list.errorCode === 'GRID.PLACE_NOT_FOUND' || list.errorCode === 'AUTH.FORBIDDEN') return <NotManager elder={elder} />;
  if (list.error || !list.data) return <ErrorState message={list.error ?? '没有取到积分设置，请点“重试”。'} onRetry={() => void list.reload()} />;
  const d = list.data;
  if (!d.canManage) return <NotManager elder={elder} />;
  const set = d.settings;
  return (
    <View className={`page points-admin${elder}`}>
      <View className='card'>
        <Text className='points__title'>{set.placeName}</Text>
        <View className='points__row'>
          <View className='points__what'>
            <Text>{`积分制：${set.enabled ? '已开启' : '未开启'}`}</Text>
            <Text className='muted'>{`志愿服务每小时 ${set.pointsPerHour} 分，反映问题经确认办结 ${set.pointsPerReport} 分（镇统一标准）`}</Text>
          </View>
          <Button size='small' type={set.enabled ? 'default' : 'primary'} loading={s.busy === 'enabled'} disabled={s.busy !== null} onClick={() => void s.saveSetting('enabled', !set.enabled)}>
            {set.enabled ? '关闭积分制' : '开启积分制'}
          </Button>
        </View>
        <View className='points__row'>
          <View className='points__what'>
            <Text>{`公开积分榜：${set.publicRanking ? '已公开' : '不公开'}`}</Text>
            <Text className='muted'>公开时只显示居民自己填写的称呼，不显示工作人员。</Text>
          </View>
          <Button size='small' loading={s.busy === 'publicRanking'} disabled={s.busy !== null} onClick={() => void s.saveSetting('publicRanking', !set.publicRanking)}>
            {set.publicRanking ? '不公开' : '公开'}
          </Button>
        </View>
        {s.actionError ? <Text className='error-text'>{s.actionError}</Text> : null}
      </View>

      <View className='section-title'>{`兑换物品（${d.items.length}）`}</View>
      <View className='card'>
        {d.items.length === 0 ? <Text className='muted'>还没有兑换物品。</Text> : null}
        {d.items.map((it) => (
          <View key={it.id} className='points__row'>
            <View className='points__what'>
              <Text>{it.name}</Text>
              <Text className='muted'>{`${it.points} 分 · 库存 ${it.stock} 件${it.active ? '' : ' · 已下架'}`}</Text>
            </View>
            <Button size='small' disabled={s.busy !== null} onClick={() => s.edit(it)}>
              编辑
            </Button>
          </View>
        ))}
      </View>

      <View className='card points__form' aria-label='兑换物品表单'>
        <Text className='points__title'>{s.draft.id ? '编辑兑换物品' : '添加兑换物品'}</Text>
        <Input value={s.draft.name} onChange={(v) => s.setDraft({ name: v })} placeholder='物品名称，例如：环保袋' maxLength={REWARD_NAME_MAX} aria-label='物品名称' />
        <Input type='digit' value={s.draft.points} onChange={(v) => s.setDraft({ points: v })} placeholder='所需积分' aria-label='所需积分' />
        <Input type='digit' value={s.draft.addStock} onChange={(v) => s.setDraft({ addStock: v })} placeholder={s.draft.id ? '增加库存（件，可不填）' : '库存（件）'} aria-label='增加库存' />
        <View className='points__row'>
          <Text>{s.draft.active ? '上架中：居民可兑换' : '已下架：居民看不到'}</Text>
          <Button size='small' onClick={() => s.setDraft({ active: !s.draft.active })}>
            {s.draft.active ? '下架' : '上架'}
          </Button>
        </View>
        {s.formError ? <Text className='error-text'>{s.formError}</Text> : null}
        <Button type='primary' block loading={s.busy === 'reward'} disabled={s.busy !== null} onClick={() => void s.saveReward()}>
          保存物品
        </Button>
        {s.draft.id ? (
          <Button block fill='outline' disabled={s.busy !== null} onClick={s.cancelEdit}>
            取消编辑
          </Button>
        ) : null}
      </View>
    </View>
  );
}
