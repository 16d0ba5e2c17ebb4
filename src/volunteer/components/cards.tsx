import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { EventSummary, TeamSummary } from '../../../core/views';
import { AUDIENCE_TEXT, EVENT_REVIEW_TEXT, MEMBER_STATUS_TEXT, TEAM_KIND_TEXT, mySignUpText, eventWindow, hoursText, placesText } from '../../services/volunteer-text';
import './cards.scss';

export function TeamCard({ team, onTap }: { team: TeamSummary; onTap: () => void }) {
  return (
    <View className='card vcard' onClick={onTap} role='button'>
      <View className='vcard__head'>
        <Text className='vcard__title'>{team.name}</Text>
        {team.iLead ? (
          <Tag type='success' round>
            队长
          </Tag>
        ) : team.myStatus ? (
          <Tag type={team.myStatus === 'member' ? 'success' : 'default'} round>
            {MEMBER_STATUS_TEXT[team.myStatus]}
          </Tag>
        ) : null}
      </View>
      <Text className='muted'>
        {TEAM_KIND_TEXT[team.kind]} · {team.placeName} · {team.memberCount} 名队员
      </Text>
      {team.description ? <Text className='vcard__desc'>{team.description}</Text> : null}
    </View>
  );
}

export function EventCard({ event, onTap }: { event: EventSummary; onTap: () => void }) {
  const cancelled = event.status === 'cancelled';
  return (
    <View className={`card vcard${cancelled ? ' vcard--cancelled' : ''}`} onClick={onTap} role='button'>
      <View className='vcard__head'>
        <Text className='vcard__title'>{event.title}</Text>
        {cancelled ? (
          <Tag type='danger' round>
            已取消
          </Tag>
        ) : event.moderation !== 'published' ? (
          <Tag type={event.moderation === 'held' ? 'warning' : 'danger'} round>
            {EVENT_REVIEW_TEXT[event.moderation].tag}
          </Tag>
        ) : mySignUpText(event) ? (
          <Tag type={event.myStatus === 'signed' ? 'success' : 'warning'} round>
            {mySignUpText(event)}
          </Tag>
        ) : null}
      </View>
      <Text className='vcard__line'>{eventWindow(event)}</Text>
      <Text className='vcard__line'>{event.place}</Text>
      <Text className='muted'>
        {event.teamName ? `${event.teamName} · ` : ''}
        {placesText(event)} · {AUDIENCE_TEXT[event.openTo]}
      </Text>
      {event.myConfirmedMinutes !== null ? <Text className='vcard__hours'>确认工时 {hoursText(event.myConfirmedMinutes)} 小时</Text> : null}
    </View>
  );
}
