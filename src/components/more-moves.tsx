import { Text, View } from '@tarojs/components';
import { Button, Popup, TextArea } from '@nutui/nutui-react-taro';
import { REASON_MAX } from '../hooks/use-concern-detail';
import type { RerouteMove } from '../hooks/use-handle';
import { TargetPicker, type TargetPickerProps } from './target-picker';
import './more-moves.scss';

const MOVE: Record<RerouteMove, { title: string; hint: string; placeholder: string; confirm: string }> = {
  dispatch: { title: '派单', hint: '交给本镇的村（社区）或经济社办理', placeholder: '填写派单说明（选填）', confirm: '确认派单' },
  transfer: { title: '转派', hint: '交给本镇另一个村（社区）、经济社或网格', placeholder: '填写转派的理由（必填）', confirm: '确认转派' },
  return: { title: '退回派单', hint: '不属于本单位办理，退回镇派单队列', placeholder: '填写退回的理由（必填）', confirm: '确认退回' },
  escalate: { title: '上报上级', hint: '需要上一级协调（经济社 → 村（社区）→ 镇）', placeholder: '填写上报的理由（必填）', confirm: '确认上报' },
};

export interface MoreMovesProps {
  open: boolean;
  /** The move whose form is shown, or null for the list of moves. */
  move: RerouteMove | null;
  moves: RerouteMove[];
  onPick: (move: RerouteMove | null) => void;
  onClose: () => void;
  picker: TargetPickerProps;
  reason: string;
  onReason: (t: string) => void;
  reasonError: string | null;
  actionError: string | null;
  busy: boolean;
  onConfirm: (move: RerouteMove) => void;
}

/**
 * 更多 (issue 16, item 5): the route changes off the common path, in a bottom sheet — first which move,
 * then its reason (and for 转派 / 派单 the target) and a confirm button named after it.
 */
export function MoreMoves(p: MoreMovesProps) {
  const m = p.move ? MOVE[p.move] : null;
  return (
    <Popup visible={p.open} position='bottom' round closeable onClose={p.onClose} title={m ? m.title : '不属于本单位或需上级协调'}>
      <View className='more-moves'>
        {p.move === null || m === null ? (
          p.moves.map((move) => (
            <View key={move} className='more-moves__choice'>
              <Button type={move === 'escalate' ? 'warning' : 'default'} block onClick={() => p.onPick(move)}>
                {MOVE[move].title}
              </Button>
              <Text className='muted more-moves__hint'>{MOVE[move].hint}</Text>
            </View>
          ))
        ) : (
          <View className='more-moves__form'>
            {p.move === 'dispatch' ? <Text className='more-moves__lead'>派单：选择承办的村（社区）或经济社</Text> : null}
            {p.move === 'dispatch' || p.move === 'transfer' ? <TargetPicker {...p.picker} /> : null}
            <TextArea
              value={p.reason}
              onChange={p.onReason}
              placeholder={m.placeholder}
              maxLength={REASON_MAX}
              autoSize
              status={p.reasonError ? 'error' : 'default'}
            />
            {p.reasonError ? <Text className='error-text'>{p.reasonError}</Text> : null}
            {p.actionError ? <Text className='error-text'>{p.actionError}</Text> : null}
            <View className='more-moves__buttons'>
              {p.moves.length > 1 ? (
                <Button fill='outline' disabled={p.busy} onClick={() => p.onPick(null)}>
                  换一种操作
                </Button>
              ) : null}
              <Button type={p.move === 'escalate' ? 'warning' : 'primary'} loading={p.busy} disabled={p.busy} onClick={() => p.onConfirm(p.move as RerouteMove)}>
                {m.confirm}
              </Button>
            </View>
          </View>
        )}
      </View>
    </Popup>
  );
}
