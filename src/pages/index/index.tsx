import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { AdminTools } from '../../components/admin-tools';
import { ErrorState, LoadingState } from '../../components/page-state';
import { YishiEntry } from '../../components/yishi-entry';
import { useHome } from '../../hooks/use-home';
import { roleText } from '../../services/status-text';
import { useElderClass } from '../../hooks/use-elder';
import './index.scss';

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
        <Button type='default' size='xlarge' block onClick={() => void home.goMine()}>
          我的诉求
        </Button>
        <View className='home__messages'>
          <Button type='default' size='xlarge' block onClick={() => void home.goMessages()}>
            消息
          </Button>
          {home.unread > 0 ? <Text className='home__badge'>{home.unread > 99 ? '99+' : String(home.unread)}</Text> : null}
        </View>
        <Button type='default' size='xlarge' block onClick={() => void home.goMe()}>
          我的（大字模式）
        </Button>
        <Button type='default' size='xlarge' block onClick={() => void home.goVolunteer()}>
          志愿服务
        </Button>
        <Button type='default' size='xlarge' block onClick={() => void home.goMyVolunteer()}>
          我的志愿
        </Button>
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
