import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { ErrorState, LoadingState } from '../../../components/page-state';
import { CANCEL_REASON_MAX, useVolunteerEvent } from '../../../hooks/use-volunteer-event';
import { errorText } from '../../../services/error-text';
import { fullTime, shortTime } from '../../../services/format';
import { AUDIENCE_TEXT, EVENT_REVIEW_TEXT, eventWindow, hoursText, placesText, mySignUpText, signupBlockedText } from '../../../services/volunteer-text';
import { RotatingQr } from '../../components/rotating-qr';
import { ActionResultBox } from '../../components/action-result-box';
import { useElderClass } from '../../../hooks/use-elder';
import { PrivacyGate } from '../../../components/privacy-gate';
import { CodeEntry } from '../../../components/code-entry';
import { ReportLink } from '../../../components/report-link';
import { FlagPlaceCard } from '../../components/flag-place';
import './index.scss';

/** The H5 build has no camera scanner: the code is entered as text there (issue 16, item 7). */
const H5 = process.env.TARO_ENV === 'h5';

export default function EventPage() {
  const elder = useElderClass();
  const v = useVolunteerEvent();
  const { event } = v;
  if (event.loading && !event.data) return <LoadingState />;
  if (event.error || !event.data) return <ErrorState message={event.error ?? '没有取到这个活动，请点“重试”。'} onRetry={() => void event.reload()} />;
  const e = event.data;
  const open = e.status === 'open';
  const held = e.myStatus === 'signed' || e.myStatus === 'waitlisted';

  return (
    <View className={`page vevent${elder}`}>
      <PrivacyGate />
      <View className='card'>
        <Text className='vevent__title'>{e.title}</Text>
        <Text className='vevent__line'>时间：{eventWindow(e)}</Text>
        <Text className='vevent__line'>地点：{e.place}</Text>
        <Text className='vevent__line'>报名截止：{fullTime(e.signupDeadline)}</Text>
        <Text className='muted' onClick={() => void v.goTeam(e.teamId)} {...{ role: 'button' }}>
          {e.teamName} · {placesText(e)} · {AUDIENCE_TEXT[e.openTo]}
          {e.waitlist ? ' · 满员可候补' : ''}
        </Text>
        {e.description ? <Text className='vevent__desc'>{e.description}</Text> : null}
        {e.moderation === 'published' && !e.iLead ? <ReportLink eventId={e.id} label='举报这个活动的内容' /> : null}
      </View>

      {e.action ? <ActionResultBox action={e.action} eventId={e.id} iLead={e.iLead} onDone={event.reload} /> : null}

      {open && e.moderation !== 'published' ? (
        <View className='card'>
          <Text className='vevent__status'>{EVENT_REVIEW_TEXT[e.moderation].tag}</Text>
          <Text className='muted'>{EVENT_REVIEW_TEXT[e.moderation].explain}</Text>
        </View>
      ) : null}

      {!open ? (
        <View className='card'>
          <Text className='vevent__status'>活动已取消</Text>
          {e.cancelReason ? <Text className='vevent__line'>原因：{e.cancelReason}</Text> : null}
          {e.iLead && e.cancelModeration === 'held' ? <Text className='muted'>取消原因正在审核，审核通过后报名的街坊才能看到；取消通知已发出。</Text> : null}
        </View>
      ) : null}

      {held ? (
        <View className='card'>
          <Text className='vevent__status'>{e.myStatus === 'signed' ? (mySignUpText(e) === '已参加' ? '您已参加' : '您已报名') : `候补中：第 ${e.myPosition ?? '?'} 位`}</Text>
          {e.myStatus === 'waitlisted' ? <Text className='muted'>有人取消时按先后自动递补，并通知您。</Text> : null}
          {e.myCheckInAt ? <Text className='vevent__line'>签到：{shortTime(e.myCheckInAt)}</Text> : null}
          {e.myCheckOutAt ? <Text className='vevent__line'>签退：{shortTime(e.myCheckOutAt)}</Text> : null}
          {e.myConfirmedMinutes !== null ? <Text className='vevent__line'>确认工时：{hoursText(e.myConfirmedMinutes)} 小时</Text> : null}
          {e.myStatus === 'signed' && open ? <Text className='muted'>{`${shortTime(e.checkinOpensAt)} 起可扫现场二维码签到，离开时再扫一次签退。`}</Text> : null}
        </View>
      ) : null}

      <View className='actions'>
        {open && !held && !e.signupBlocked ? (
          <Button type='primary' size='xlarge' block loading={v.busy === 'signup'} disabled={v.busy !== null} onClick={() => void v.signUp()}>
            {e.signedCount >= e.capacity ? '报名候补' : '我要报名'}
          </Button>
        ) : null}
        {open && !held && e.signupBlocked ? <Text className='muted'>{signupBlockedText(e, errorText)}</Text> : null}
        {e.checkinOpen && e.myStatus === 'signed' && !H5 ? (
          <Button type='primary' size='xlarge' block loading={v.busy === 'scan'} disabled={v.busy !== null} onClick={() => void v.scanEvent()}>
            扫码签到 / 签退
          </Button>
        ) : null}
        {e.checkinOpen && e.myStatus === 'signed' && H5 ? (
          <CodeEntry label='输入签到码签到 / 签退' placeholder='网页版不能扫码：请粘贴或输入现场签到码' busy={v.busy === 'scan'} onSubmit={(c) => void v.enterEventCode(c)} />
        ) : null}
        {open && held && Date.now() < Date.parse(e.startAt) ? (
          <Button fill='outline' block loading={v.busy === 'cancel'} disabled={v.busy !== null} onClick={() => void v.cancel()}>
            取消报名
          </Button>
        ) : null}
      </View>
      {v.notice ? <Text className='vevent__notice'>{v.notice}</Text> : null}
      {v.actionError ? <Text className='error-text'>{v.actionError}</Text> : null}

      {e.iLead ? (
        <>
          <View className='section-title'>队长工具</View>
          {e.checkinQr && open ? (
            <View className='card'>
              <Text className='vevent__qr-title'>现场签到码</Text>
              <RotatingQr initial={e.checkinQr} refresh={v.checkinCode} label='活动签到二维码' />
              <Text className='muted'>请队员用「扫码签到 / 签退」扫描此码。</Text>
            </View>
          ) : null}
          <View className='actions'>
            {e.checkinOpen && !H5 ? (
              <Button type='primary' fill='outline' block loading={v.busy === 'scanPerson'} disabled={v.busy !== null} onClick={() => void v.scanPerson()}>
                扫居民志愿码签到
              </Button>
            ) : null}
            {e.checkinOpen && H5 ? (
              <CodeEntry label='输入居民志愿码签到' placeholder='网页版不能扫码：请输入居民出示的志愿码' busy={v.busy === 'scanPerson'} onSubmit={(c) => void v.enterPersonCode(c)} />
            ) : null}
            <Button type='primary' fill='outline' block onClick={() => void v.goAttendance()}>
              签到名单与工时
            </Button>
            {open ? <FlagPlaceCard eventId={e.id} /> : null}
          </View>
          {open ? (
            <View className='card'>
              <Text className='vevent__line'>取消活动</Text>
              <TextArea value={v.reason} onChange={v.setReason} placeholder='请填写取消原因，会通知已报名的街坊' maxLength={CANCEL_REASON_MAX} autoSize status={v.reasonError ? 'error' : 'default'} />
              {v.reasonError ? <Text className='error-text'>{v.reasonError}</Text> : null}
              <Button type='danger' fill='outline' block loading={v.busy === 'cancelEvent'} disabled={v.busy !== null} onClick={() => void v.cancelEvent()}>
                取消活动并通知
              </Button>
            </View>
          ) : null}
        </>
      ) : null}
    </View>
  );
}
