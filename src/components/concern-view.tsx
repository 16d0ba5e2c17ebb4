import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Tag } from '@nutui/nutui-react-taro';
import type { ConcernEvent, Moderation } from '../../core/model';
import type { ConcernDetail, ConcernMessageView, RouteView } from '../../core/views';
import { PhotoGallery } from './photo-picker';
import { ReportLink } from './report-link';
import { dueText, fullTime } from '../services/format';
import { eventText, roleText, statusTagType, statusText } from '../services/status-text';
import './concern-view.scss';

/** The committee chain a concern was routed to, e.g. `某镇 / 某村 / 某经济社 / 第一网格`. */
export function routePath(route: RouteView): string {
  return [route.townName, route.villageName, route.cooperativeName, route.gridName].filter((s): s is string => !!s).join(' / ');
}

/** Header, route, thread and timeline of one concern; shared by the resident and staff pages (`children` follow the header). */
export function ConcernView({ concern, children }: { concern: ConcernDetail; children?: ReactNode }) {
  return (
    <View className='concern-view'>
      <ConcernHeader concern={concern} />
      {children}
      <ConcernRoute route={concern.route} />
      <ConcernThread thread={concern.thread} concernId={concern.id} />
      <ConcernTimeline timeline={concern.timeline} />
    </View>
  );
}

export function ConcernHeader({ concern }: { concern: ConcernDetail }) {
  return (
    <View className='card concern-view__header'>
      <View className='concern-view__title-row'>
        <Text className='concern-view__category'>{concern.categoryName}</Text>
        <Tag type={statusTagType(concern.status)} round>
          {statusText(concern.status)}
        </Tag>
      </View>
      {concern.moderation !== 'published' ? <ReviewMark moderation={concern.moderation} note={descriptionReviewNote(concern.moderation, concern.mine)} /> : null}
      <Text className='concern-view__desc'>{concern.description}</Text>
      {concern.moderation === 'published' && !concern.mine ? (
        <View className='concern-view__report'>
          <ReportLink concernId={concern.id} label='举报这条诉求的描述' />
        </View>
      ) : null}
      <PhotoGallery urls={concern.photoUrls} label='现场照片' />
      {concern.myHiddenPhotos > 0 ? <Text className='muted concern-view__held-photos'>{`您有 ${concern.myHiddenPhotos} 张照片正在审核或未通过审核，暂时只有您自己能看到。`}</Text> : null}
      <View className='concern-view__meta'>
        <Text>地点：{concern.placeName}</Text>
      </View>
      <View className='concern-view__meta'>
        <Text>
          反映人：{concern.reporterName}
          {concern.mine ? '（我）' : ''}
        </Text>
      </View>
      {concern.source === 'team' ? (
        <View className='concern-view__meta'>
          <Text>来源：志愿服务队发现</Text>
        </View>
      ) : null}
      {concern.mine && concern.volunteerAction ? (
        <View className='concern-view__meta'>
          <Text>{`志愿行动：已交由${concern.volunteerAction.teamName}处理（${ACTION_STEP_TEXT[concern.volunteerAction.status]}）`}</Text>
        </View>
      ) : null}
      <View className='concern-view__meta'>
        <Text>反映时间：{fullTime(concern.createdAt)}</Text>
      </View>
      <ConcernClocks concern={concern} />
      {concern.rating ? (
        <View className='concern-view__meta'>
          <Text>
            居民评价：{RATING_LABEL[concern.rating.value]}
            {concern.rating.comment ? `（${concern.rating.comment}）` : ''}
          </Text>
        </View>
      ) : null}
    </View>
  );
}

type Unpublished = Exclude<Moderation, 'published'>;

const REVIEW_TAG: Record<Unpublished, string> = { held: '待审核', rejected: '未通过审核' };

/** What the held (or rejected) description means for who reads it: the resident who wrote it, or a handler who must act. */
export function descriptionReviewNote(moderation: Unpublished, mine: boolean): string {
  if (mine) {
    return moderation === 'held'
      ? '您的描述正在审核：审核通过前只有您和办理人员能看到，不会公开。诉求照常办理。'
      : '您的描述未通过审核：只有您和办理人员能看到，不会公开。诉求照常办理。';
  }
  return moderation === 'held'
    ? '这段描述未通过自动检查，正在等待镇里审核，暂不公开，也不会出现在通知和导出中。问题如属实，请照常办理。'
    : '这段描述未通过审核，不会公开。问题如属实，请照常办理。';
}

const OWN_MESSAGE_NOTE: Record<Unpublished, string> = {
  held: '这条消息正在审核，审核通过前只有您和办理人员能看到。',
  rejected: '这条消息未通过审核，只有您和办理人员能看到。',
};

/** The 待审核 / 未通过审核 mark on a piece of text, with what it means for the reader. */
function ReviewMark({ moderation, note }: { moderation: Unpublished; note: string | null }) {
  return (
    <View className='concern-view__review' role='note'>
      <Tag type={moderation === 'held' ? 'warning' : 'danger'} round>
        {REVIEW_TAG[moderation]}
      </Tag>
      {note ? <Text className='concern-view__review-note'>{note}</Text> : null}
    </View>
  );
}

/** A volunteer action's step taken by its team's leader (a resident) is the team's: named as 志愿服务队, never as a person. */
function actorRoleText(ev: ConcernEvent): string {
  return ev.type.startsWith('action_') && ev.actorRole === 'resident' ? '志愿服务队' : roleText(ev.actorRole);
}

/** How far the volunteer action on a resident's own concern got: the team is named, never a volunteer. */
const ACTION_STEP_TEXT = { draft: '待安排时间', scheduled: '已安排志愿活动', reported: '志愿服务队已完成，等待办结', resolved: '已据此办结', cancelled: '已取消，由经办人继续办理' } as const;

const RATING_LABEL: Record<string, string> = { satisfied: '满意', basically_satisfied: '基本满意', unsatisfied: '不满意' };

/** The due times of this round (签收 and 办结 时限) and whether a clock was missed. */
export function ConcernClocks({ concern }: { concern: ConcernDetail }) {
  const s = concern.sla;
  if (s.ackDueAt === null && s.resolveDueAt === null) return null;
  return (
    <View className='concern-view__clocks'>
      {s.round > 1 ? <Text className='concern-view__meta'>{`第 ${s.round} 轮办理（重办）`}</Text> : null}
      {s.ackDueAt ? (
        <Text className='concern-view__meta'>
          签收时限：{fullTime(s.ackDueAt)}
          {s.ackedAt ? `（已于 ${fullTime(s.ackedAt)} 签收）` : ''}
        </Text>
      ) : null}
      {s.resolveDueAt ? (
        <Text className='concern-view__meta'>
          办结时限：{fullTime(s.resolveDueAt)}
          {s.resolvedAt ? `（已于 ${fullTime(s.resolvedAt)} 办结）` : ''}
        </Text>
      ) : null}
      {s.calendarGaps.length > 0 ? (
        <Text className='concern-view__meta'>{`${s.calendarGaps.join('、')}年节假日安排录入前计算的时限：只排除了周末，节假日也算作工作日。`}</Text>
      ) : null}
      {s.overdue ? <Text className='concern-view__overdue'>{dueText(s.dueAt, true) === '已超期' ? '已超期，已提醒上级跟进' : '曾超期'}</Text> : null}
    </View>
  );
}

export function ConcernRoute({ route }: { route: RouteView }) {
  return (
    <View className='card concern-view__route'>
      <View className='concern-view__line'>
        <Text className='concern-view__label'>分派至：</Text>
        <Text>{routePath(route)}</Text>
      </View>
      <View className='concern-view__line'>
        <Text className='concern-view__label'>分派理由：</Text>
        <Text>{route.reason}</Text>
      </View>
      {route.coOfficeName ? (
        <View className='concern-view__line'>
          <Text className='concern-view__label'>协办部门：</Text>
          <Text>{route.coOfficeName}</Text>
        </View>
      ) : null}
    </View>
  );
}

export function ConcernThread({ thread, concernId }: { thread: ConcernMessageView[]; concernId: string }) {
  return (
    <View className='concern-view__section'>
      <Text className='section-title'>沟通记录</Text>
      {thread.length === 0 ? (
        <View className='card'>
          <Text className='muted'>暂时还没有答复。网格员接手后会在这里答复您。</Text>
        </View>
      ) : (
        thread.map((m) => {
          const resident = m.authorRole === 'resident';
          return (
            <View key={m.id} className={`concern-view__msg ${resident ? 'concern-view__msg--resident' : 'concern-view__msg--handler'}`}>
              <Text className='concern-view__msg-author'>
                {m.authorName}（{roleText(m.authorRole)}）
              </Text>
              {m.moderation !== 'published' ? <ReviewMark moderation={m.moderation} note={m.authorOpenid !== '' ? OWN_MESSAGE_NOTE[m.moderation] : null} /> : null}
              <Text className='concern-view__msg-text'>{m.text}</Text>
              <PhotoGallery urls={m.photoUrls} label='回复照片' />
              <View className='concern-view__msg-foot'>
                <Text className='concern-view__msg-time'>{fullTime(m.at)}</Text>
                {m.moderation === 'published' && m.authorOpenid === '' ? <ReportLink concernId={concernId} messageId={m.id} label={`举报${m.authorName}的留言`} /> : null}
              </View>
            </View>
          );
        })
      )}
    </View>
  );
}

/** Timeline, oldest first and newest last. */
export function ConcernTimeline({ timeline }: { timeline: ConcernEvent[] }) {
  const events = [...timeline].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  return (
    <View className='concern-view__section'>
      <Text className='section-title'>办理进度</Text>
      <View className='card concern-view__timeline'>
        {events.map((ev) => (
          <View key={ev.id} className='concern-view__event'>
            <View className='concern-view__dot' />
            <View className='concern-view__event-body'>
              <Text className='concern-view__event-title'>
                {eventText(ev.type)}
                {ev.actorName ? ` · ${ev.actorName}（${actorRoleText(ev)}）` : ev.actorRole === 'system' ? ' · 系统' : ''}
              </Text>
              {ev.note ? <Text className='concern-view__event-note'>{ev.note}</Text> : null}
              <Text className='concern-view__event-time'>{fullTime(ev.at)}</Text>
            </View>
          </View>
        ))}
      </View>
    </View>
  );
}
