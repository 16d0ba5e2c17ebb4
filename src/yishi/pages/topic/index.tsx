import { Text, View } from '@tarojs/components';
import { Button, Input, Tag, TextArea } from '@nutui/nutui-react-taro';
import { TOPIC_LIMITS } from '../../../../core/labels';
import type { TopicCommentView, TopicDetail } from '../../../../core/topics/topic-views';
import { Chip, ChipRow } from '../../../components/chip';
import { ErrorState, LoadingState } from '../../../components/page-state';
import { PhotoGallery } from '../../../components/photo-picker';
import { ReportLink } from '../../../components/report-link';
import { TopicMeetings } from '../../../components/topic-meetings';
import { TopicShare } from '../../../components/topic-share';
import { TopicVerify } from '../../../components/topic-verify';
import { useElderClass } from '../../../hooks/use-elder';
import { useTopic } from '../../../hooks/use-topic';
import { errorText } from '../../../services/error-text';
import { shortTime } from '../../../services/format';
import { statusText } from '../../../services/status-text';
import { ACTION_STEP_TEXT, PERIOD_DAYS, STAGE_TEXT, stageTagType } from '../../../services/topic-text';
import './index.scss';

type Page = ReturnType<typeof useTopic>;

function Result({ t }: { t: TopicDetail }) {
  const r = t.result;
  if (!r) return null;
  return (
    <View className='card topic__result'>
      <Text className='section-title'>议事结果</Text>
      {t.options.length > 0 ? <Text className='topic__count'>{`共 ${r.turnout} 人投票`}</Text> : null}
      {t.options.map((o) => (
        <Text key={o.id} className='topic__count'>{`${o.label}：${o.count ?? 0} 票`}</Text>
      ))}
      {r.decision !== null ? (
        <>
          <Text className='section-title'>委员会决定</Text>
          <Text className='topic__text'>{r.decision}</Text>
          <Text className='muted'>{`理由：${r.reasons ?? ''}`}</Text>
          <Text className='muted'>{`${r.decidedByName ?? ''} · ${r.decidedAt ? shortTime(r.decidedAt) : ''}`}</Text>
        </>
      ) : (
        <Text className='muted'>投票已截止，等待委员会公布决定。</Text>
      )}
      {r.concerns.map((c) => (
        <View key={c.id} className='topic__followup'>
          <Text className='topic__count'>{`落实事项：${c.categoryName ?? '诉求'}（${c.status ? statusText(c.status) : '已删除'}）`}</Text>
          {c.action ? <Text className='muted'>{`${c.action.teamName}：${ACTION_STEP_TEXT[c.action.status]}`}</Text> : null}
        </View>
      ))}
    </View>
  );
}

function Comment({ c, onReply }: { c: TopicCommentView; onReply?: () => void }) {
  const reportable = !c.mine && !c.underReview && !c.official;
  return (
    <View className={`topic__comment${c.parentId ? ' topic__reply' : ''}`}>
      <View>
        <Text>{c.authorName}</Text>
        {c.official ? <Tag type='primary'>委员会答复</Tag> : null}
        {c.underReview ? <Tag type='warning'>待审核</Tag> : null}
        <Text className='muted'>{` ${shortTime(c.at)}`}</Text>
      </View>
      <Text className='topic__text'>{c.text}</Text>
      {onReply ? (
        <Button size='small' fill='none' onClick={onReply}>
          回复
        </Button>
      ) : null}
      {reportable ? <ReportLink label={`举报${c.authorName}的留言`} topicCommentId={c.id} /> : null}
    </View>
  );
}

function Answer({ p }: { p: Page }) {
  return (
    <View className='card topic__form'>
      <Text className='section-title'>答复这个提议</Text>
      <Input value={p.reason} onChange={p.setReason} placeholder='答复理由（必填）' maxLength={200} />
      <TextArea value={p.options} onChange={p.setOptions} placeholder='纳入议事时的投票选项，每行一个（可不填，只讨论）' autoSize />
      <ChipRow>
        {PERIOD_DAYS.map((d) => (
          <Chip key={d} selected={p.days === d} onTap={() => p.setDays(d)}>{`议事${d}天`}</Chip>
        ))}
      </ChipRow>
      <Button type='primary' block disabled={p.reason.trim() === ''} loading={p.busy === 'accept'} onClick={() => void p.answer(true)}>
        纳入议事
      </Button>
      <Button block disabled={p.reason.trim() === ''} loading={p.busy === 'decline'} onClick={() => void p.answer(false)}>
        不采纳
      </Button>
    </View>
  );
}

function Decide({ p, t }: { p: Page; t: TopicDetail }) {
  return (
    <View className='card topic__form'>
      <Text className='section-title'>公布委员会决定</Text>
      <Input value={p.decision} onChange={p.setDecision} placeholder='决定，例如：建设村口小公园' maxLength={TOPIC_LIMITS.decisionMax} />
      <TextArea value={p.reasons} onChange={p.setReasons} placeholder='理由' maxLength={TOPIC_LIMITS.reasonsMax} autoSize />
      <Text className='muted'>需要落实的，可同时生成一条诉求交办（可不选）：</Text>
      <ChipRow>
        {(p.categories.data?.items ?? []).map((c) => (
          <Chip key={c.code} selected={p.category === c.code} onTap={() => p.setCategory(p.category === c.code ? null : c.code)}>
            {c.name}
          </Chip>
        ))}
      </ChipRow>
      {p.category ? <TextArea value={p.concern} onChange={p.setConcern} placeholder='要落实的事' maxLength={500} autoSize /> : null}
      {p.category && t.teams.length > 0 ? (
        <>
          <Text className='muted'>也可以交给本村（社）的志愿服务队落实（可不选）：</Text>
          <ChipRow>
            {t.teams.map((team) => (
              <Chip key={team.id} selected={p.teamId === team.id} onTap={() => p.setTeamId(p.teamId === team.id ? null : team.id)}>
                {team.name}
              </Chip>
            ))}
          </ChipRow>
        </>
      ) : null}
      <Button type='primary' block disabled={p.decision.trim() === '' || p.reasons.trim() === ''} loading={p.busy === 'decide'} onClick={() => void p.decide()}>
        公布决定
      </Button>
    </View>
  );
}

export default function TopicPage() {
  const elder = useElderClass();
  const p = useTopic();
  const t = p.topic.data;
  if (p.topic.loading && !t) return <LoadingState text='正在读取议题…' />;
  if (p.topic.error || !t) return <ErrorState message={p.topic.error ?? '没有取到议题，请点“重试”。'} onRetry={() => void p.topic.reload()} />;
  const proposal = t.stage === 'collecting' || t.stage === 'awaiting_answer';
  const top = t.comments.filter((c) => c.parentId === null);
  return (
    <View className={`page topic${elder}`}>
      <View className='card'>
        <Text className='topic__title'>{t.title}</Text>
        <View>
          <Tag type={stageTagType(t.stage)}>{STAGE_TEXT[t.stage]}</Tag>
          <Text className='muted'>{` ${t.placeName} · ${t.origin === 'proposal' ? `${t.authorName}提议` : t.authorName}`}</Text>
        </View>
        {t.underReview ? <Text className='muted'>内容正在审核，审核通过后街坊们才能看到。</Text> : null}
        {t.background ? <Text className='topic__text'>{t.background}</Text> : null}
        {t.photos.length > 0 ? <PhotoGallery urls={t.photos} label='议题照片' /> : null}
        {t.deadline && t.stage === 'open' ? <Text className='muted'>{`截止时间：${shortTime(t.deadline)}`}</Text> : null}
        {t.requireVerified ? <Text className='muted'>只限村（社）委员会认证的户籍、常住居民投票</Text> : null}
        {t.answer ? <Text className='muted'>{`委员会答复（${t.answer.accepted ? '纳入议事' : '不采纳'}）：${t.answer.reason}`}</Text> : null}
        {t.underReview ? null : <TopicShare />}
      </View>

      {proposal ? (
        <View className='card'>
          <Text className='topic__count'>{`${t.supportCount} / ${t.supportsNeeded} 人支持`}</Text>
          {t.stage === 'awaiting_answer' ? <Text className='muted'>{t.answerOverdue ? '委员会已逾期未答复。' : `支持人数已够，委员会将在${t.answerDueAt ? shortTime(t.answerDueAt) : ''}前答复。`}</Text> : null}
          {t.stage === 'collecting' && !t.mySupport && t.takePart === null ? (
            <Button type='primary' block loading={p.busy === 'support'} onClick={() => void p.support()}>
              支持这个提议
            </Button>
          ) : null}
          {t.mySupport ? <Text className='muted'>您已支持</Text> : null}
        </View>
      ) : null}

      {t.mustVerify ? <TopicVerify requestedAt={t.verifyRequestedAt} onAsked={p.topic.reload} /> : null}
      {t.stage === 'open' && t.options.length > 0 && t.takePart === null && !t.mustVerify ? (
        <View className='card'>
          <Text className='section-title'>{t.myVote ? '您已投票，截止前可以改选' : '请投票（每人一票）'}</Text>
          <ChipRow>
            {t.options.map((o) => (
              <Chip key={o.id} selected={t.myVote === o.id} onTap={() => void p.vote(o.id)}>
                {o.label}
              </Chip>
            ))}
          </ChipRow>
        </View>
      ) : null}
      {t.takePart && t.takePart !== 'TOPIC.CLOSED' && !t.canManage ? (
        <View className='card'>
          <Text className='muted'>{errorText(t.takePart)}</Text>
          {t.takePart === 'TOPIC.NO_PLACE' ? (
            <Button fill='outline' block onClick={() => void p.goPlace()}>
              选择居住地
            </Button>
          ) : null}
        </View>
      ) : null}
      {p.actionError ? <Text className='error-text'>{p.actionError}</Text> : null}

      <TopicMeetings topicId={t.id} meetings={t.meetings} canManage={t.canManage && !proposal && t.stage !== 'declined'} onSaved={p.topic.reload} />
      <Result t={t} />
      {t.canManage && proposal ? <Answer p={p} /> : null}
      {t.canManage && t.stage === 'closed' ? <Decide p={p} t={t} /> : null}

      <View className='card'>
        <Text className='section-title'>{`街坊留言（${t.comments.length}）`}</Text>
        {top.map((c) => (
          <View key={c.id}>
            <Comment c={c} onReply={t.takePart === null || t.canManage ? () => p.setReplyTo({ id: c.id, name: c.authorName }) : undefined} />
            {t.comments.filter((r) => r.parentId === c.id).map((r) => (
              <Comment key={r.id} c={r} />
            ))}
          </View>
        ))}
        {t.takePart === null || (t.canManage && t.takePart !== 'TOPIC.CLOSED') ? (
          <View className='topic__form'>
            {p.replyTo ? <Text className='muted'>{`回复 ${p.replyTo.name}`}</Text> : null}
            <TextArea value={p.comment} onChange={p.setComment} placeholder='说说您的看法' maxLength={TOPIC_LIMITS.commentMax} autoSize />
            <Button type='primary' block disabled={p.comment.trim() === ''} loading={p.busy === 'comment'} onClick={() => void p.send()}>
              {p.replyTo ? '发送回复' : '发表留言'}
            </Button>
          </View>
        ) : null}
      </View>
    </View>
  );
}
