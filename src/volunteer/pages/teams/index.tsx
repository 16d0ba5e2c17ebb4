import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state';
import { useTeams } from '../../../hooks/use-teams';
import { TeamCard } from '../../components/cards';
import { useElderClass } from '../../../hooks/use-elder';
import './index.scss';

export default function TeamsPage() {
  const elder = useElderClass();
  const t = useTeams();
  const { teams } = t;
  if (teams.loading && !teams.data) return <LoadingState />;
  if (teams.error || !teams.data) return <ErrorState message={teams.error ?? '没有取到志愿队，请点“重试”。'} onRetry={() => void teams.reload()} />;
  return (
    <View className={`page${elder}`}>
      <Text className='teams__intro muted'>加入身边的党群志愿服务队、街坊会，一起为村（社区）出份力。申请后由队长审核。</Text>
      <Button type='primary' fill='outline' block onClick={() => void t.goMine()}>
        我的志愿
      </Button>
      <View className='section-title'>附近的志愿队</View>
      {teams.data.items.length === 0 ? <EmptyState text='附近暂时没有志愿队。想参加或组建队伍，可以联系村（社区）党群服务中心。' /> : teams.data.items.map((team) => <TeamCard key={team.id} team={team} onTap={() => void t.open(team.id)} />)}
    </View>
  );
}
