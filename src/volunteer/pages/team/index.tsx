import { Text, View } from '@tarojs/components';
import { Button, Tag, TextArea } from '@nutui/nutui-react-taro';
import { ErrorState, LoadingState } from '../../../components/page-state';
import { useTeam } from '../../../hooks/use-team';
import { ACTION_STEP_TEXT, MEMBER_STATUS_TEXT, TEAM_KIND_TEXT, TEAM_NOTE_MAX } from '../../../services/volunteer-text';
import { EventCard } from '../../components/cards';
import { useElderClass } from '../../../hooks/use-elder';
import './index.scss';

export default function TeamPage() {
  const elder = useElderClass();
  const t = useTeam();
  const { team } = t;
  if (team.loading && !team.data) return <LoadingState />;
  if (team.error || !team.data) return <ErrorState message={team.error ?? '没有取到这支队伍，请点“重试”。'} onRetry={() => void team.reload()} />;
  const d = team.data;
  const canApply = !d.iLead && (d.myStatus === null || d.myStatus === 'declined' || d.myStatus === 'left');
  const pending = d.members.filter((m) => m.status === 'pending');
  const members = d.members.filter((m) => m.status === 'member');

  return (
    <View className={`page team${elder}`}>
      <View className='card'>
        <Text className='team__name'>{d.name}</Text>
        <Text className='muted'>
          {TEAM_KIND_TEXT[d.kind]} · {d.placeName}
        </Text>
        <Text className='muted'>
          {' '}
          · 队长 {d.leaderNames.join('、')} · {d.memberCount} 名队员
        </Text>
        {d.description ? <Text className='team__desc'>{d.description}</Text> : null}
        {d.myStatus && !d.iLead ? <Text className='muted'>我的状态：{MEMBER_STATUS_TEXT[d.myStatus]}</Text> : null}
      </View>

      {canApply ? (
        <View className='card'>
          <Text className='team__label'>给队长留言（选填）</Text>
          <TextArea value={t.note} onChange={t.setNote} placeholder='例如：周末有空，会开车' maxLength={TEAM_NOTE_MAX} autoSize />
        </View>
      ) : null}
      <View className='actions'>
        {canApply ? (
          <Button type='primary' block size='large' loading={t.busy === 'apply'} disabled={t.busy !== null} onClick={() => void t.apply()}>
            申请加入
          </Button>
        ) : null}
        {d.iLead ? (
          <Button type='primary' block size='large' onClick={() => void t.createEvent()}>
            发起活动
          </Button>
        ) : null}
      </View>
      {t.actionError ? <Text className='error-text'>{t.actionError}</Text> : null}

      {d.iLead && pending.length > 0 ? (
        <>
          <View className='section-title'>待审核的申请（{pending.length}）</View>
          <View className='card'>
            {pending.map((m) => (
              <View key={m.id} className='team__member'>
                <View className='team__applicant'>
                  <Text className='team__member-name'>{m.name}</Text>
                  {m.note ? <Text className='team__note'>留言：{m.note}</Text> : null}
                </View>
                <View className='team__member-actions'>
                  <Button size='small' type='primary' disabled={t.busy !== null} onClick={() => void t.review(m.id, 'approve')}>
                    同意
                  </Button>
                  <Button size='small' disabled={t.busy !== null} onClick={() => void t.review(m.id, 'decline')}>
                    拒绝
                  </Button>
                </View>
              </View>
            ))}
          </View>
        </>
      ) : null}

      {d.iLead && (d.actions ?? []).length > 0 ? (
        <>
          <View className='section-title'>{`志愿行动（${(d.actions ?? []).length}）`}</View>
          {(d.actions ?? []).map((a) => (
            <View key={a.id} className='card' aria-label={a.title}>
              <Text className='team__name'>{a.title}</Text>
              <Text className='muted'>{`${ACTION_STEP_TEXT[a.status]} · ${a.startedByName}发起 · 共 ${a.concernIds.length} 条反映`}</Text>
              <Text className='team__desc'>{a.description}</Text>
              {a.status === 'draft' ? (
                <Button type='primary' block disabled={t.busy !== null} onClick={() => void t.scheduleAction(a.id)}>
                  安排时间
                </Button>
              ) : a.eventId ? (
                <Button fill='outline' block onClick={() => void t.openEvent(a.eventId!)}>
                  查看活动
                </Button>
              ) : null}
            </View>
          ))}
        </>
      ) : null}

      <View className='section-title'>活动</View>
      {d.events.length === 0 ? <Text className='muted'>近期没有活动，有新活动时会显示在这里。</Text> : d.events.map((e) => <EventCard key={e.id} event={e} onTap={() => void t.openEvent(e.id)} />)}

      <View className='section-title'>队员（{members.length}）</View>
      <View className='card'>
        {members.length === 0 ? <Text className='muted'>还没有队员。</Text> : null}
        {members.map((m) => (
          <View key={m.id} className='team__member'>
            <View className='team__member-name'>
              <Text>{m.name}</Text>
              {m.partyMember ? (
                <Tag type='danger' round>
                  党员
                </Tag>
              ) : null}
            </View>
            {d.iLead ? (
              <Button size='small' fill='outline' disabled={t.busy !== null} onClick={() => void t.setParty(m.id, !m.partyMember)}>
                {m.partyMember ? '取消党员标识' : '标为党员'}
              </Button>
            ) : null}
          </View>
        ))}
      </View>

      {d.myStatus === 'member' || d.myStatus === 'pending' ? (
        <View className='actions'>
          <Button fill='outline' block loading={t.busy === 'leave'} disabled={t.busy !== null} onClick={() => void t.leave()}>
            {d.myStatus === 'pending' ? '撤回申请' : '退出队伍'}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
