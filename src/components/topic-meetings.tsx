import { Text, View } from '@tarojs/components';
import { Button, Input, Tag, TextArea } from '@nutui/nutui-react-taro';
import { MEETING_LIMITS } from '../../core/labels';
import type { TopicMeetingView } from '../../core/topics/topic-views';
import { useTopicMeeting } from '../hooks/use-topic-meeting';
import { shortTime } from '../services/format';

/** 议事会 of a topic: the meetings as residents read them; the committee records and corrects them. */
export function TopicMeetings({ topicId, meetings, canManage, onSaved }: { topicId: string; meetings: TopicMeetingView[]; canManage: boolean; onSaved: () => Promise<void> }) {
  const m = useTopicMeeting(topicId, onSaved);
  if (meetings.length === 0 && !canManage) return null;
  return (
    <View className='card topic__meetings'>
      <Text className='section-title'>{`议事会（${meetings.length}）`}</Text>
      {meetings.map((x) => (
        <View key={x.id} className='topic__meeting'>
          <Text className='topic__count'>{[shortTime(x.date), x.place, `到会 ${x.attendance} 人`].filter((s) => s !== '').join(' · ')}</Text>
          {x.underReview ? <Tag type='warning'>待审核</Tag> : null}
          {x.minutes ? <Text className='topic__text'>{`会议纪要：${x.minutes}`}</Text> : null}
          {canManage ? (
            <Button size='small' fill='none' onClick={() => m.edit(x)}>
              修改
            </Button>
          ) : null}
        </View>
      ))}
      {canManage ? (
        <View className='topic__form'>
          <Text className='muted'>{m.meetingId ? '修改这次议事会记录' : '记录一次议事会（线下开会后填写）'}</Text>
          <Input value={m.date} onChange={m.setDate} placeholder='日期，例如 2026-12-10' maxLength={10} />
          <Input value={m.time} onChange={m.setTime} placeholder='时间，例如 19:30' maxLength={5} />
          <Input value={m.place} onChange={m.setPlace} placeholder='地点，例如 村党群服务中心' maxLength={MEETING_LIMITS.placeMax} />
          <Input value={m.attendance} onChange={m.setAttendance} type='number' placeholder='到会人数' maxLength={6} />
          <TextArea value={m.minutes} onChange={m.setMinutes} placeholder='会议纪要（可不填）' maxLength={MEETING_LIMITS.minutesMax} autoSize />
          {m.actionError ? <Text className='error-text'>{m.actionError}</Text> : null}
          <Button type='primary' block disabled={!m.ready} loading={m.busy === 'meeting'} onClick={() => void m.save()}>
            {m.meetingId ? '保存修改' : '保存议事会记录'}
          </Button>
          {m.meetingId ? (
            <Button block onClick={m.cancel}>
              取消修改
            </Button>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
