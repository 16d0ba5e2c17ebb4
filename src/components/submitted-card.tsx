import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import type { ConcernDetail } from '../../core/views';
import { fullTime, routedCommittee } from '../services/format';
import './submitted-card.scss';

/** Shown once after submitting: the case number, where it went and by when it must be accepted and resolved. */
export function SubmittedCard({ concern, onClose }: { concern: ConcernDetail; onClose: () => void }) {
  const s = concern.sla;
  const queued = concern.status === 'dispatching';
  return (
    <View className='card submitted-card' id='submitted-card'>
      <Text className='submitted-card__title'>提交成功</Text>
      <View className='submitted-card__row'>
        <Text className='submitted-card__label'>案件编号</Text>
        <Text className='submitted-card__value submitted-card__number' selectable>
          {concern.id}
        </Text>
      </View>
      <View className='submitted-card__row'>
        <Text className='submitted-card__label'>交给</Text>
        <Text className='submitted-card__value'>{queued ? `${concern.route.townName}（由镇里派单）` : routedCommittee(concern.route)}</Text>
      </View>
      {s.ackDueAt ? (
        <View className='submitted-card__row'>
          <Text className='submitted-card__label'>签收时限</Text>
          <Text className='submitted-card__value'>{`${fullTime(s.ackDueAt)} 前`}</Text>
        </View>
      ) : null}
      {s.resolveDueAt ? (
        <View className='submitted-card__row'>
          <Text className='submitted-card__label'>办结时限</Text>
          <Text className='submitted-card__value'>{`${fullTime(s.resolveDueAt)} 前`}</Text>
        </View>
      ) : null}
      <Text className='muted submitted-card__hint'>有进展会在“消息”里通知您。超过签收时限仍未签收，可以在本页“催办”。</Text>
      <View className='submitted-card__actions'>
        <Button size='small' fill='outline' onClick={() => void Taro.setClipboardData({ data: concern.id })}>
          复制编号
        </Button>
        <Button size='small' type='primary' onClick={onClose}>
          查看办理进度
        </Button>
      </View>
    </View>
  );
}
