import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { ConcernDetail } from '../../core/views';
import { fullTime } from '../services/format';
import { REASON_MAX } from '../hooks/use-concern-detail';
import './follow-up-box.scss';

export interface FollowUp {
  can: (move: 'withdraw' | 'chase') => boolean;
  withdrawing: boolean;
  startWithdraw: () => void;
  cancelWithdraw: () => void;
  withdrawReason: string;
  setWithdrawReason: (t: string) => void;
  withdraw: () => Promise<void>;
  chase: () => Promise<boolean>;
  followBusy: 'withdraw' | 'chase' | null;
  followError: string | null;
}

/** 催办 (or when it opens) and 撤回 (before acceptance, with a reason) on the resident's own concern. */
export function FollowUpBox({ concern, f }: { concern: ConcernDetail; f: FollowUp }) {
  const chase = f.can('chase');
  const withdraw = f.can('withdraw');
  if (!chase && !withdraw && concern.chaseFrom === null) return null;
  return (
    <View className='card follow-up'>
      <Text className='follow-up__title'>跟进这条诉求</Text>
      {chase ? (
        <View className='follow-up__row'>
          <Text className='muted follow-up__note'>已过签收时限仍未办好，可以提醒办理人员（每个工作日一次）。</Text>
          <Button type='warning' loading={f.followBusy === 'chase'} disabled={f.followBusy !== null} onClick={() => void f.chase()}>
            催办
          </Button>
        </View>
      ) : concern.chaseFrom ? (
        <Text className='muted follow-up__note'>{`${fullTime(concern.chaseFrom)} 起可以催办。`}</Text>
      ) : null}
      {withdraw && !f.withdrawing ? (
        <View className='follow-up__row'>
          <Text className='muted follow-up__note'>还没有人签收。问题已经解决或不需要办理了，可以撤回。</Text>
          <Button fill='outline' disabled={f.followBusy !== null} onClick={f.startWithdraw}>
            撤回诉求
          </Button>
        </View>
      ) : null}
      {withdraw && f.withdrawing ? (
        <View className='follow-up__withdraw'>
          <Text className='follow-up__label'>撤回原因</Text>
          <TextArea value={f.withdrawReason} onChange={f.setWithdrawReason} placeholder='例如：问题已经解决了' maxLength={REASON_MAX} showCount autoSize />
          <View className='follow-up__actions'>
            <Button fill='outline' disabled={f.followBusy !== null} onClick={f.cancelWithdraw}>
              不撤回了
            </Button>
            <Button type='danger' loading={f.followBusy === 'withdraw'} disabled={f.followBusy !== null} onClick={() => void f.withdraw()}>
              确认撤回
            </Button>
          </View>
        </View>
      ) : null}
      {f.followError ? <Text className='error-text'>{f.followError}</Text> : null}
    </View>
  );
}
