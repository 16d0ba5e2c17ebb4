import { Image, Text, View } from '@tarojs/components';
import { Button, Grid } from '@nutui/nutui-react-taro';
import boardIcon from '../../assets/tab/board.png';
import heartIcon from '../../assets/tab/heart.png';
import listIcon from '../../assets/tab/list.png';
import meIcon from '../../assets/tab/me.png';
import talkIcon from '../../assets/tab/talk.png';
import { AdminTools } from '../../components/admin-tools';
import { HomeLists } from '../../components/home-lists';
import { ErrorState, LoadingState } from '../../components/page-state';
import { YishiEntry } from '../../components/yishi-entry';
import { useHome } from '../../hooks/use-home';
import { roleText } from '../../services/status-text';
import { useElderClass } from '../../hooks/use-elder';
import './index.scss';

/** Home's entry grid: label, icon (src/assets/tab, scripts/make-tab-icons.ts) and where it goes. */
const ENTRIES = [
  { text: '我的诉求', icon: listIcon as string, go: 'goMine' },
  { text: '志愿服务', icon: heartIcon as string, go: 'goVolunteer' },
  { text: '我的志愿', icon: meIcon as string, go: 'goMyVolunteer' },
  { text: '公开栏', icon: boardIcon as string, go: 'goBoard' },
  { text: '街坊议事', icon: talkIcon as string, go: 'goYishi' },
] as const;

/** 切换身份 (local demo logins only): back to the login page, also from the error state. */
function SwitchIdentity({ onTap }: { onTap: () => unknown }) {
  return (
    <View className='home__switch' onClick={() => void onTap()} role='button'>
      <Text>切换身份</Text>
    </View>
  );
}

export default function HomePage() {
  const elder = useElderClass();
  const home = useHome();

  if (home.redirecting) return <LoadingState text='正在前往登录…' />;
  if (home.loading && !home.data) return <LoadingState />;
  if (home.error || !home.data) {
    return (
      <View className={`page${elder}`}>
        <ErrorState message={home.error ?? '没有取到您的信息，请点“重试”。'} onRetry={() => void home.reload()} />
        {home.canSwitchIdentity ? <SwitchIdentity onTap={home.goLogin} /> : null}
      </View>
    );
  }

  const me = home.data;
  return (
    <View className={`page home${elder}`}>
      <View className='card home__me'>
        <Text className='home__hello'>您好，{me.name}</Text>
        <Text className='muted'>
          {roleText(me.role)}
          {me.nodeName ? ` · ${me.nodeName}` : ''}
        </Text>
      </View>

      {home.calendarMissing.length > 0 ? (
        <View className='card home__calendar'>
          <Text className='home__calendar-title'>{`${home.calendarMissing.join('、')}年节假日安排尚未录入`}</Text>
          <Text className='home__calendar-text'>
            {`办理时限暂按只排除周末计算，节假日会被算作工作日。${home.canEditCalendar ? '请录入国务院办公厅公布的安排。' : '请提醒区管理员录入国务院办公厅公布的安排。'}`}
          </Text>
          <Button type='primary' fill='outline' block onClick={() => void home.goCalendar()}>
            {home.canEditCalendar ? '去录入节假日安排' : '查看节假日安排'}
          </Button>
        </View>
      ) : null}

      <View className='actions'>
        <Button type='primary' size='xlarge' block onClick={() => void home.goReport()}>
          我要反映
        </Button>
      </View>

      {/* Issue 17, item 5: the entries of a WeChat service, as a grid of icons. */}
      <View className='card home__entries'>
        <Grid columns={3} center square={false} className='home__grid'>
          {ENTRIES.map((e) => (
            <Grid.Item key={e.text} className='home__entry' onClick={() => void home[e.go]()} text={<Text className='home__entry-text'>{e.text}</Text>}>
              <Image className='home__entry-icon' src={e.icon} mode='aspectFit' aria-hidden />
            </Grid.Item>
          ))}
        </Grid>
      </View>

      <View className='actions'>
        <YishiEntry me={me} />
        {me.teamId ? (
          <Button type='primary' fill='outline' size='xlarge' block onClick={() => void home.goMyTeam()}>
            我带的队伍
          </Button>
        ) : null}
        {home.isHandler ? (
          <View className='home__messages home__inbox'>
            <Button type='primary' fill='outline' size='xlarge' block onClick={() => void home.goInbox()}>
              诉求工作台
            </Button>
            {home.dueToday > 0 ? (
              <Text className='home__badge' aria-label={`今天到期 ${home.dueToday} 件`}>
                {home.dueToday > 99 ? '99+' : String(home.dueToday)}
              </Text>
            ) : null}
            {home.overdue > 0 ? <Text className='home__overdue'>{`另有 ${home.overdue} 件已超期，请尽快办理`}</Text> : null}
          </View>
        ) : null}
        {home.isHandler ? (
          <Button type='default' fill='outline' size='xlarge' block onClick={() => void home.goDashboard()}>
            办理统计
          </Button>
        ) : null}
        {/* Points (issue 20): committee staff of a village or cooperative, and the town's admin (its rates). */}
        {home.isHandler && (me.role === 'staff' || me.role === 'admin') ? (
          <Button type='default' fill='outline' size='xlarge' block onClick={() => void home.goPointsSettings()}>
            积分设置
          </Button>
        ) : null}
        {home.isHandler && me.role === 'staff' ? (
          <Button type='default' fill='outline' size='xlarge' block onClick={() => void home.goRedeem()}>
            积分核销
          </Button>
        ) : null}
        {/* Admin (issue 19): what needs attention, then the tools in sections. */}
        {home.isAdmin ? <AdminTools home={home} /> : null}
      </View>

      <HomeLists home={home} />

      <View className='home__links'>
        <View className='home__link' onClick={() => void home.goPrivacy()}>
          <Text>个人信息与隐私</Text>
        </View>
        <View className='home__link' onClick={() => void home.goFeedback()}>
          <Text>投诉建议</Text>
        </View>
      </View>

      <Text className='home__hint muted'>家门口遇到的烦心事，都可以在这里反映，村（社区）网格员会及时处理并答复您。</Text>

      {home.canSwitchIdentity ? <SwitchIdentity onTap={home.goLogin} /> : null}
    </View>
  );
}
