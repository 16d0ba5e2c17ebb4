import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { Rating } from '../../../core/model';
import { Chip, ChipRow } from '../../components/chip';
import { ConcernView } from '../../components/concern-view';
import { ErrorState, LoadingState } from '../../components/page-state';
import { RATING_TEXT, REASON_MAX } from '../../hooks/use-concern-detail';
import { useConcern } from '../../hooks/use-concern';
import { MessageBox } from '../../components/message-box';
import { useElderClass } from '../../hooks/use-elder';
import { PrivacyGate } from '../../components/privacy-gate';
import { FollowUpBox } from '../../components/follow-up-box';
import { SubmittedCard } from '../../components/submitted-card';
import { RATE_BOX_ID } from '../../hooks/use-follow-up';
import { ACTION_STEP_TEXT } from '../../services/volunteer-text';
import './index.scss';

export default function ConcernPage() {
  const elder = useElderClass();
  const d = useConcern();
  const { concern } = d;

  if (concern.loading && !concern.data) return <LoadingState />;
  if (concern.error || !concern.data) {
    return <ErrorState message={concern.error ?? '没有取到这条诉求，请点“重试”。'} onRetry={() => void concern.reload()} />;
  }

  return (
    <View className={`page${elder}`}>
      <PrivacyGate />
      {d.justSubmitted ? <SubmittedCard concern={concern.data} onClose={d.closeSubmitted} /> : null}
      <ConcernView concern={concern.data} />
      {concern.data.volunteerAction && concern.data.volunteerAction.status !== 'cancelled' ? (
        <View className='card' aria-label='志愿行动'>
          <Text className='reply-box__title'>{`由${concern.data.volunteerAction.teamName}处理`}</Text>
          <Text className='muted'>{`${ACTION_STEP_TEXT[concern.data.volunteerAction.status]}。村（居）委会仍负责这条诉求的办理和答复。`}</Text>
        </View>
      ) : null}
      {concern.data.mine ? <FollowUpBox concern={concern.data} f={d} /> : null}
      {d.can('rate') ? (
        <View className='card reply-box' id={RATE_BOX_ID}>
          <Text className='reply-box__title'>请评价办理结果</Text>
          <Text className='muted'>选“不满意”会退回重新办理（重办），请写下哪里不满意。</Text>
          <ChipRow>
            {(Object.keys(RATING_TEXT) as Rating[]).map((r) => (
              <Chip key={r} selected={d.rating === r} onTap={() => d.setRating(r)}>
                {RATING_TEXT[r]}
              </Chip>
            ))}
          </ChipRow>
          <TextArea value={d.comment} onChange={d.setComment} placeholder={d.rating === 'unsatisfied' ? '哪里不满意？（必填）' : '说说您的评价（选填）'} maxLength={REASON_MAX} autoSize />
          {d.followError && d.rating === 'unsatisfied' ? <Text className='error-text'>{d.followError}</Text> : null}
          <Button type='primary' block loading={d.busy === 'rate'} disabled={d.busy !== null} onClick={() => void d.rate()}>
            提交评价
          </Button>
        </View>
      ) : null}
      {d.can('reply') ? (
        <MessageBox
          title='补充说明'
          value={d.replyText}
          onChange={d.setReplyText}
          placeholder='输入回复内容'
          photos={d.replyPhotos}
          error={d.replyError}
          submitText='发送'
          onSubmit={() => void d.reply()}
          loading={d.busy === 'reply'}
          disabled={d.busy !== null}
        />
      ) : null}
      {d.actionError ? <Text className='error-text action-error'>{d.actionError}</Text> : null}
      <Text className='muted refresh-hint'>下拉页面可刷新最新进展</Text>
    </View>
  );
}
