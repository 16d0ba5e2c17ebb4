import { Text, View } from '@tarojs/components';
import { Tag } from '@nutui/nutui-react-taro';
import type { TopicSummary } from '../../core/topics/topic-views';
import { shortTime } from '../services/format';
import { STAGE_TEXT, stageTagType } from '../services/topic-text';

/** One topic in a list: title, place, stage and what is next (deadline, supports or an overdue answer). */
export function TopicCard({ t, onTap }: { t: TopicSummary; onTap: () => void }) {
  const next =
    t.stage === 'open' && t.deadline
      ? `${t.hasVote ? '投票' : '讨论'}截止 ${shortTime(t.deadline)}`
      : t.stage === 'collecting'
        ? `已有 ${t.supportCount} 人支持，需 ${t.supportsNeeded} 人`
        : t.answerOverdue
          ? '委员会逾期未答复'
          : '';
  return (
    <View className='card topic-card' onClick={onTap} role='button'>
      <Text className='topics__item-title'>{t.title}</Text>
      <View>
        <Tag type={stageTagType(t.stage)}>{STAGE_TEXT[t.stage]}</Tag>
        <Text className='muted'>{` ${t.placeName}`}</Text>
      </View>
      {next ? <Text className='muted'>{next}</Text> : null}
    </View>
  );
}
