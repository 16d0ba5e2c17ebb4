import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { REPLY_MAX } from '../hooks/use-concern-detail';
import { type RerouteMove, useHandle } from '../hooks/use-handle';
import { routedCommittee } from '../services/format';
import { statusText } from '../services/status-text';
import { Chip, ChipRow } from './chip';
import { ConcernView } from './concern-view';
import { MoreMoves } from './more-moves';
import { ErrorState, LoadingState } from './page-state';
import { PhotoPicker } from './photo-picker';
import { ReporterReach } from './reporter-reach';
import { VolunteerActionBox } from './volunteer-action-box';
import './handle-panel.scss';

/** Short label of a quick reply; the chip's accessible name is the whole text. */
function label(t: string): string {
  const chars = [...t];
  return chars.length > 14 ? `${chars.slice(0, 14).join('')}…` : t;
}

function QuickReplies({ items, error, onPick, onRetry }: { items: string[]; error: string | null; onPick: (t: string) => void; onRetry: () => void }) {
  if (error) {
    return (
      <View className='handle__quick-error' role='button' onClick={onRetry}>
        <Text>常用回复没有取到，点此重试；也可以直接输入答复。</Text>
      </View>
    );
  }
  if (items.length === 0) return null;
  return (
    <View className='handle__quick' aria-label='常用回复，点一下填入'>
      <Text className='muted handle__quick-title'>常用回复（点一下填入）</Text>
      <ChipRow>
        {items.map((t) => (
          <Chip key={t} selected={false} onTap={() => onPick(t)}>
            {label(t)}
          </Chip>
        ))}
      </ChipRow>
    </View>
  );
}

export interface HandlePanelProps {
  /** The concern to handle; the page URL's `?id=` when absent. */
  id?: string;
  /** In the desk workbench's detail pane: the bottom bar sticks to the pane instead of the window. */
  inPane?: boolean;
  /** After 派单 / 转派 / 退回 / 上报 from the pane: where the concern went (the page itself lands on the workbench). */
  onRouteMoved?: (text: string) => void;
  /** After any move succeeds (the desk workbench refreshes its table). */
  onMoved?: () => void;
}

/**
 * Handling one concern (issue 16, item 5): the common path on one screen — the report with its photos and
 * due times, the reporter's phone and place, one reply box that grows with its text and takes the quick
 * replies — and 签收 / 回复 / 办结 in a fixed bottom bar; 转派 / 退回 / 上报 wait behind 更多. Used by the
 * handling page and by the desk workbench's detail pane.
 */
export function HandlePanel({ id, inPane = false, onRouteMoved, onMoved }: HandlePanelProps) {
  const h = useHandle({ id, onRouteMoved, onMoved });
  const { concern } = h;

  if (concern.loading && !concern.data) return <LoadingState />;
  if (concern.error || !concern.data) {
    return <ErrorState message={concern.error ?? '没有取到这条诉求，请点“重试”。'} onRetry={() => void concern.reload()} />;
  }

  const c = concern.data;
  const writes = h.can('reply') || h.can('resolve');
  const more = h.more.moves.filter((m) => m !== 'dispatch');
  const bar = h.can('accept') || writes || h.more.moves.length > 0;
  const confirm = (move: RerouteMove) => {
    const go = { dispatch: h.dispatch, transfer: h.transfer, return: h.returnIt, escalate: h.escalate }[move];
    void go();
  };
  return (
    <View className={`handle-panel${inPane ? ' handle-panel--pane' : ''}${bar ? ' handle-panel--bar' : ''}`}>
      {c.passedOn ? (
        <View className='card handle__passed' role='note'>
          <Text>{`您已转出这条诉求，现由${routedCommittee(c.route)}办理，当前状态：${statusText(c.status)}。这里只能查看。`}</Text>
        </View>
      ) : null}
      <ConcernView concern={c}>
        <ReporterReach concern={c} />
      </ConcernView>

      <VolunteerActionBox concern={c} canResolve={h.can('resolve')} onChanged={() => void concern.reload()} />

      {writes ? (
        <View className='card reply-box handle__composer'>
          <Text className='reply-box__title'>给居民答复</Text>
          <TextArea
            className='handle__reply'
            value={h.replyText}
            onChange={h.setReplyText}
            placeholder='输入回复内容；办结时这段话就是给居民的办结答复'
            maxLength={REPLY_MAX}
            autoSize
            status={h.replyError ? 'error' : 'default'}
          />
          <QuickReplies items={h.quickReplies} error={h.quickRepliesError} onPick={h.pickReply} onRetry={h.reloadQuickReplies} />
          <PhotoPicker upload={h.replyPhotos} />
          {h.replyError ? <Text className='error-text'>{h.replyError}</Text> : null}
          {h.replyText ? <Text className='muted'>未发送的内容会保存在本机，离开本页后再回来还在。</Text> : null}
        </View>
      ) : null}

      {c.moves.length === 0 && !c.passedOn ? <Text className='muted refresh-hint'>这条诉求当前无需您办理。</Text> : null}
      {h.actionError && !h.more.open ? <Text className='error-text action-error'>{h.actionError}</Text> : null}
      {inPane ? null : <Text className='muted refresh-hint'>下拉页面可刷新最新进展</Text>}

      {bar ? (
        <View className='handle-bar' role='toolbar' aria-label='办理操作'>
          {h.can('accept') ? (
            <Button className='handle-bar__main' type='primary' loading={h.busy === 'accept'} disabled={h.busy !== null} onClick={() => void h.accept()}>
              签收
            </Button>
          ) : null}
          {h.can('dispatch') ? (
            <Button className='handle-bar__main' type='primary' disabled={h.busy !== null} onClick={() => h.more.onOpen('dispatch')}>
              派单
            </Button>
          ) : null}
          {h.can('reply') ? (
            <Button className='handle-bar__main' type='primary' fill='outline' loading={h.busy === 'reply'} disabled={h.busy !== null} onClick={() => void h.reply()}>
              回复
            </Button>
          ) : null}
          {h.can('resolve') ? (
            <Button className='handle-bar__main' type='primary' loading={h.busy === 'resolve'} disabled={h.busy !== null} onClick={() => void h.resolve()}>
              办结
            </Button>
          ) : null}
          {more.length > 0 ? (
            <Button className='handle-bar__more' fill='outline' disabled={h.busy !== null} onClick={() => h.more.onOpen(more.length === 1 ? more[0] : null)}>
              更多
            </Button>
          ) : null}
        </View>
      ) : null}

      <MoreMoves
        open={h.more.open}
        move={h.more.move}
        moves={h.more.move === 'dispatch' ? ['dispatch'] : more}
        onPick={h.more.onPick}
        onClose={h.more.onClose}
        picker={h.picker}
        reason={h.reason}
        onReason={h.setReason}
        reasonError={h.reasonError}
        actionError={h.actionError}
        busy={h.busy !== null}
        onConfirm={confirm}
      />
    </View>
  );
}
