import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state';
import { useMyVolunteer } from '../../../hooks/use-my-volunteer';
import { hoursText } from '../../../services/volunteer-text';
import { EventCard, TeamCard } from '../../components/cards';
import { RotatingQr } from '../../components/rotating-qr';
import { useElderClass } from '../../../hooks/use-elder';
import './index.scss';

export default function MyVolunteerPage() {
  const elder = useElderClass();
  const m = useMyVolunteer();
  const { mine } = m;
  if (mine.loading && !mine.data) return <LoadingState />;
  if (mine.error || !mine.data) return <ErrorState message={mine.error ?? '没有取到您的志愿记录，请点“重试”。'} onRetry={() => void mine.reload()} />;
  const d = mine.data;
  return (
    <View className={`page my-volunteer${elder}`}>
      <View className='card my-volunteer__total'>
        <Text className='muted'>累计确认志愿工时</Text>
        <Text className='my-volunteer__hours'>{hoursText(d.totalConfirmedMinutes)} 小时</Text>
        <Button type='primary' fill='outline' onClick={() => void m.goPoints()}>
          我的积分与兑换
        </Button>
      </View>

      <View className='section-title'>即将参加（{d.upcoming.length}）</View>
      {d.upcoming.length === 0 ? (
        <EmptyState
          text='还没有报名的活动。'
          action={
            <Button type='primary' onClick={() => void m.goTeams()}>
              去看看志愿队
            </Button>
          }
        />
      ) : (
        d.upcoming.map((e) => <EventCard key={e.id} event={e} onTap={() => void m.openEvent(e.id)} />)
      )}

      <View className='section-title'>我的队伍（{d.teams.length}）</View>
      {d.teams.length === 0 ? <Text className='muted'>还没有加入志愿队。</Text> : d.teams.map((t) => <TeamCard key={t.id} team={t} onTap={() => void m.openTeam(t.id)} />)}

      <View className='section-title'>我的志愿码</View>
      <View className='card'>
        <Text className='my-volunteer__qr-title'>出示给队长扫码签到</Text>
        <RotatingQr initial={d.personalQr} refresh={m.personalCode} label='我的志愿码' />
      </View>

      {d.history.length > 0 ? (
        <>
          <View className='section-title'>参加记录</View>
          {d.history.map((e) => (
            <EventCard key={e.id} event={e} onTap={() => void m.openEvent(e.id)} />
          ))}
        </>
      ) : null}
    </View>
  );
}
