import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { Chip, ChipRow } from '../../../components/chip';
import { TargetPicker } from '../../../components/target-picker';
import { ConcernView } from '../../../components/concern-view';
import { ReporterReach } from '../../../components/reporter-reach';
import { ErrorState, LoadingState } from '../../../components/page-state';
import { REASON_MAX } from '../../../hooks/use-concern-detail';
import { useHandle } from '../../../hooks/use-handle';
import { MessageBox } from '../../../components/message-box';
import { useElderClass } from '../../../hooks/use-elder';
import { PrivacyGate } from '../../../components/privacy-gate';
import { VolunteerActionBox } from '../../../components/volunteer-action-box';
import { routedCommittee } from '../../../services/format';
import { statusText } from '../../../services/status-text';
import './index.scss';

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

export default function HandlePage() {
  const elder = useElderClass();
  const h = useHandle();
  const { concern } = h;

  if (concern.loading && !concern.data) return <LoadingState />;
  if (concern.error || !concern.data) {
    return <ErrorState message={concern.error ?? '没有取到这条诉求，请点“重试”。'} onRetry={() => void concern.reload()} />;
  }

  const none = concern.data.moves.length === 0;
  const picks = h.can('transfer') || h.can('dispatch');
  const reroutes = picks || h.can('return') || h.can('escalate');
  return (
    <View className={`page${elder}`}>
      <PrivacyGate />
      {concern.data.passedOn ? (
        <View className='card handle__passed' role='note'>
          <Text>{`您已转出这条诉求，现由${routedCommittee(concern.data.route)}办理，当前状态：${statusText(concern.data.status)}。这里只能查看。`}</Text>
        </View>
      ) : null}
      <ConcernView concern={concern.data}>
        <ReporterReach concern={concern.data} />
      </ConcernView>

      {h.can('accept') ? (
        <View className='card reply-box'>
          <Text className='reply-box__title'>确认由您接手后点下方按钮，居民会看到处理进展。</Text>
          <Button type='primary' size='large' block loading={h.busy === 'accept'} disabled={h.busy !== null} onClick={() => void h.accept()}>
            签收
          </Button>
        </View>
      ) : null}

      <VolunteerActionBox concern={concern.data} canResolve={h.can('resolve')} onChanged={() => void concern.reload()} />

      {h.can('reply') ? (
        <MessageBox
          title='给居民答复'
          value={h.replyText}
          onChange={h.setReplyText}
          placeholder='输入回复内容'
          photos={h.replyPhotos}
          error={h.replyError}
          submitText='回复'
          onSubmit={() => void h.reply()}
          loading={h.busy === 'reply'}
          disabled={h.busy !== null}
          fill='outline'
        >
          <QuickReplies items={h.quickReplies} error={h.quickRepliesError} onPick={h.pickReply} onRetry={h.reloadQuickReplies} />
        </MessageBox>
      ) : null}

      {h.can('resolve') ? (
        <MessageBox
          title='完成办理'
          value={h.resolveText}
          onChange={h.setResolveText}
          placeholder='输入办结答复'
          photos={h.resolvePhotos}
          error={h.resolveError}
          submitText='办结'
          onSubmit={() => void h.resolve()}
          loading={h.busy === 'resolve'}
          disabled={h.busy !== null}
        >
          <QuickReplies items={h.quickReplies} error={h.quickRepliesError} onPick={h.pickResolve} onRetry={h.reloadQuickReplies} />
        </MessageBox>
      ) : null}

      {reroutes ? (
        <View className='card reply-box'>
          <Text className='reply-box__title'>{h.can('dispatch') ? '派单：选择承办的村（社区）或经济社' : '不属于本单位或需上级协调'}</Text>
          {picks ? (
            <TargetPicker {...h.picker} />
          ) : null}
          <TextArea
            value={h.reason}
            onChange={h.setReason}
            placeholder={h.can('dispatch') ? '填写派单说明（选填）' : '填写转派、退回或上报的理由'}
            maxLength={REASON_MAX}
            autoSize
            status={h.reasonError ? 'error' : 'default'}
          />
          {h.reasonError ? <Text className='error-text'>{h.reasonError}</Text> : null}
          <View className='handle__reroute'>
            {h.can('dispatch') ? (
              <Button type='primary' loading={h.busy === 'dispatch'} disabled={h.busy !== null} onClick={() => void h.dispatch()}>
                派单
              </Button>
            ) : null}
            {h.can('transfer') ? (
              <Button type='default' loading={h.busy === 'transfer'} disabled={h.busy !== null} onClick={() => void h.transfer()}>
                转派
              </Button>
            ) : null}
            {h.can('return') ? (
              <Button type='default' loading={h.busy === 'return'} disabled={h.busy !== null} onClick={() => void h.returnIt()}>
                退回派单
              </Button>
            ) : null}
            {h.can('escalate') ? (
              <Button type='warning' loading={h.busy === 'escalate'} disabled={h.busy !== null} onClick={() => void h.escalate()}>
                上报上级
              </Button>
            ) : null}
          </View>
        </View>
      ) : null}

      {none && !concern.data.passedOn ? <Text className='muted refresh-hint'>这条诉求当前无需您办理。</Text> : null}
      {h.actionError ? <Text className='error-text action-error'>{h.actionError}</Text> : null}
      <Text className='muted refresh-hint'>下拉页面可刷新最新进展</Text>
    </View>
  );
}
