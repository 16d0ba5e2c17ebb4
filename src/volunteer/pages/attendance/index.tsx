import { Text, View } from '@tarojs/components';
import { Button, Input, Tag } from '@nutui/nutui-react-taro';
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state';
import { HOURS_REASON_MAX, useAttendance } from '../../../hooks/use-attendance';
import { shortTime } from '../../../services/format';
import { HOURS_NOTE_TEXT, SIGNUP_STATUS_TEXT, eventWindow, hoursText } from '../../../services/volunteer-text';
import '../event/index.scss';
import { useElderClass } from '../../../hooks/use-elder';
import { PrivacyGate } from '../../../components/privacy-gate';
import { ShareFileButton } from '../../../components/share-file';
import './index.scss';

/** After a reason its author sees while it is held or rejected (others see the placeholder). */
const REASON_REVIEW_TEXT = { published: '', held: '，原因审核中', rejected: '，原因未通过审核' } as const;

export default function AttendancePage() {
  const elder = useElderClass();
  const a = useAttendance();
  const { sheet } = a;
  if (sheet.loading && !sheet.data) return <LoadingState />;
  if (sheet.error || !sheet.data) return <ErrorState message={sheet.error ?? '没有取到签到名单，请点“重试”。'} onRetry={() => void sheet.reload()} />;
  const { event, rows, audit, ended, checkinOpen } = sheet.data;

  return (
    <View className={`page attendance${elder}`}>
      <PrivacyGate />
      <View className='card'>
        <Text className='vevent__title'>{event.title}</Text>
        <Text className='muted'>{eventWindow(event)} · 在场满活动时长60%才计工时，按签到签退时间计算，超出活动时间的部分不计。</Text>
      </View>
      <View className='actions'>
        <Button type='primary' block disabled={!ended || a.busy !== null} loading={a.busy === 'confirm'} onClick={() => void a.confirmAll()}>
          {ended ? '按系统计算确认工时' : '活动结束后可确认工时'}
        </Button>
        <Button fill='outline' block loading={a.busy === 'export'} disabled={a.busy !== null} onClick={() => void a.exportCsv()}>
          导出签到和工时（CSV）
        </Button>
        {a.ready ? <ShareFileButton file={a.ready} onDone={a.clearReady} /> : null}
      </View>
      {a.actionError ? <Text className='error-text'>{a.actionError}</Text> : null}

      <View className='section-title'>名单（{rows.length}）</View>
      {rows.length > 0 ? <Input value={a.search} onChange={a.setSearch} placeholder='搜索姓名' clearable className='attendance__search' /> : null}
      {rows.length === 0 ? (
        <EmptyState text='还没有人报名。街坊报名后会出现在这里，下拉页面可刷新。' />
      ) : (
        <View className='card'>
          {a.shown.length === 0 ? <Text className='muted'>没有找到这个名字。</Text> : null}
          {a.shown.map((r) => (
            <View key={r.signUpId} className='attendance__row'>
              <View className='attendance__name'>
                <Text>
                  {r.name}
                  {r.partyMember ? '（党员）' : ''}
                </Text>
                <Tag type={r.status === 'signed' ? 'success' : 'warning'} round>
                  {SIGNUP_STATUS_TEXT[r.status]}
                </Tag>
              </View>
              <Text className='muted'>
                签到 {r.checkInAt ? shortTime(r.checkInAt) : '—'} · 签退 {r.checkOutAt ? shortTime(r.checkOutAt) : '—'}
              </Text>
              <Text>
                计算 {hoursText(r.computedMinutes)} 小时{HOURS_NOTE_TEXT[r.note] ? `（${HOURS_NOTE_TEXT[r.note]}）` : ''} · 确认 {r.confirmedMinutes === null ? '未确认' : `${hoursText(r.confirmedMinutes)} 小时`}
              </Text>
              {checkinOpen && r.status === 'signed' && r.checkOutAt === null ? (
                <Button size='small' type='primary' fill='outline' loading={a.busy === `mark:${r.signUpId}`} disabled={a.busy !== null} onClick={() => void a.mark(r.signUpId)}>
                  {r.checkInAt === null ? '代为签到' : '代为签退'}
                </Button>
              ) : null}
              {ended && r.status === 'signed' ? (
                a.editing?.signUpId === r.signUpId ? (
                  <View className='attendance__edit'>
                    <Input type='digit' value={a.editing.hours} onChange={(v) => a.setEditing({ ...a.editing!, hours: v })} placeholder='工时（小时）' />
                    <Input value={a.editing.reason} onChange={(v) => a.setEditing({ ...a.editing!, reason: v })} placeholder='修改原因（必填，留档备查）' maxLength={HOURS_REASON_MAX} />
                    <Button size='small' type='primary' loading={a.busy === 'edit'} disabled={a.busy !== null} onClick={() => void a.saveEdit()}>
                      保存修改
                    </Button>
                  </View>
                ) : (
                  <Button size='small' fill='outline' onClick={() => a.startEdit(r.signUpId, r.confirmedMinutes ?? r.computedMinutes)}>
                    修改工时
                  </Button>
                )
              ) : null}
            </View>
          ))}
        </View>
      )}

      {audit.length > 0 ? (
        <>
          <View className='section-title'>工时记录</View>
          <View className='card'>
            {/* One entry per line (issue 17): each is its own block, never inline text joined by a newline. */}
            {audit.map((x) => (
              <View key={x.id} className='attendance__audit-line'>
                <Text className='muted'>
                  {`${shortTime(x.at)} ${x.actorName}：${x.personName} ${x.fromMinutes === null ? '' : `${hoursText(x.fromMinutes)} → `}${hoursText(x.toMinutes)} 小时${x.reason ? `（${x.reason}${REASON_REVIEW_TEXT[x.reasonModeration]}）` : ''}`}
                </Text>
              </View>
            ))}
          </View>
        </>
      ) : null}
    </View>
  );
}
