import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { ConcernView } from '../../../components/concern-view';
import { ErrorState, LoadingState } from '../../../components/page-state';
import { REPLY_MAX } from '../../../hooks/use-concern-detail';
import { useHandle } from '../../../hooks/use-handle';
import './index.scss';

export default function HandlePage() {
  const h = useHandle();
  const { concern } = h;

  if (concern.loading && !concern.data) return <LoadingState />;
  if (concern.error || !concern.data) {
    return <ErrorState message={concern.error ?? '没有取到这条诉求，请点“重试”。'} onRetry={() => void concern.reload()} />;
  }

  const none = !h.can('accept') && !h.can('reply') && !h.can('resolve');
  return (
    <View className='page'>
      <ConcernView concern={concern.data} />

      {h.can('accept') ? (
        <View className='card reply-box'>
          <Text className='reply-box__title'>确认由您接手后点下方按钮，居民会看到处理进展。</Text>
          <Button type='primary' size='large' block loading={h.busy === 'accept'} disabled={h.busy !== null} onClick={() => void h.accept()}>
            签收
          </Button>
        </View>
      ) : null}

      {h.can('reply') ? (
        <View className='card reply-box'>
          <Text className='reply-box__title'>给居民答复</Text>
          <TextArea
            value={h.replyText}
            onChange={h.setReplyText}
            placeholder='输入回复内容'
            maxLength={REPLY_MAX}
            autoSize
            status={h.replyError ? 'error' : 'default'}
          />
          {h.replyError ? <Text className='error-text'>{h.replyError}</Text> : null}
          <Button type='primary' fill='outline' block loading={h.busy === 'reply'} disabled={h.busy !== null} onClick={() => void h.reply()}>
            回复
          </Button>
        </View>
      ) : null}

      {h.can('resolve') ? (
        <View className='card reply-box'>
          <Text className='reply-box__title'>完成办理</Text>
          <TextArea
            value={h.resolveText}
            onChange={h.setResolveText}
            placeholder='输入办结答复'
            maxLength={REPLY_MAX}
            autoSize
            status={h.resolveError ? 'error' : 'default'}
          />
          {h.resolveError ? <Text className='error-text'>{h.resolveError}</Text> : null}
          <Button type='primary' block loading={h.busy === 'resolve'} disabled={h.busy !== null} onClick={() => void h.resolve()}>
            办结
          </Button>
        </View>
      ) : null}

      {none ? <Text className='muted refresh-hint'>这条诉求当前无需您办理。</Text> : null}
      {h.actionError ? <Text className='error-text action-error'>{h.actionError}</Text> : null}
      <Text className='muted refresh-hint'>下拉页面可刷新最新进展</Text>
    </View>
  );
}
