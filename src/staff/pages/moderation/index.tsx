import { Image, Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state';
import { useModeration } from '../../../hooks/use-moderation';
import { useElderClass } from '../../../hooks/use-elder';
import { heldKindText, reportsText, subjectLink } from '../../../services/admin-text';
import { fullTime } from '../../../services/format';
import { previewPhotos } from '../../../services/photos';
import './index.scss';

/** The town admin's 内容审核: each held text with what it is, when it came, a link to where it belongs, 通过 / 不通过. */
export default function ModerationPage() {
  const elder = useElderClass();
  const m = useModeration();
  usePullDownRefresh(() => {
    void m.reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (m.list.loading && !m.list.data) return <LoadingState text='正在读取待审核内容…' />;
  if (m.list.error || !m.list.data) {
    return <ErrorState message={m.list.error ?? '没有取到待审核内容，请点“重试”。'} onRetry={() => void m.reload()} />;
  }

  return (
    <View className={`page moderation${elder}`}>
      <Text className='muted moderation__hint'>
        以下内容未通过自动检查，暂未公开：通过后按原文显示；不通过则不公开，原文仍会保留。被举报的内容仍在公开显示：保留则继续显示；下架则不再公开，原文仍会保留。
      </Text>
      {m.notice ? (
        <View className='moderation__notice' role='alert'>
          <Text className='error-text'>{m.notice}</Text>
        </View>
      ) : null}
      {m.items.length === 0 ? (
        <EmptyState text='暂无待审核内容' />
      ) : (
        m.items.map((item) => {
          const key = m.keyOf(item);
          const link = subjectLink(item.subject);
          const busy = m.busy === key;
          return (
            <View className='card moderation__item' key={key}>
              <View className='moderation__head'>
                <Tag type='warning' round>
                  {heldKindText(item.kind)}
                </Tag>
                <Text className='muted'>{item.reports ? `首次举报于 ${fullTime(item.at)}` : `提交于 ${fullTime(item.at)}`}</Text>
              </View>
              {item.reports ? <Text className='moderation__reports'>{reportsText(item.reports)}</Text> : null}
              {/* A block wrapper: Taro's selectable text is inline-block, whatever its class says. */}
              {item.text ? (
                <View className='moderation__text'>
                  <Text userSelect>{item.text}</Text>
                </View>
              ) : null}
              {item.photoUrl ? (
                <Image className='moderation__photo' src={item.photoUrl} mode='aspectFit' aria-label='待审核的照片' onClick={() => previewPhotos([item.photoUrl!], item.photoUrl!)} />
              ) : item.kind === 'photo' ? (
                <Text className='muted'>照片文件已不存在。</Text>
              ) : null}
              <View className='moderation__link' role='link' onClick={() => void m.open(item)}>
                <Text>{`${link.label} ›`}</Text>
              </View>
              {m.errors[key] ? <Text className='error-text moderation__error'>{m.errors[key]}</Text> : null}
              <View className='moderation__actions'>
                <Button type='primary' loading={busy} disabled={m.busy !== null} onClick={() => void m.decide(item, 'publish')}>
                  {item.reports ? '保留' : '通过'}
                </Button>
                <Button type='danger' fill='outline' disabled={m.busy !== null} onClick={() => void m.decide(item, 'reject')}>
                  {item.reports ? '下架' : '不通过'}
                </Button>
              </View>
            </View>
          );
        })
      )}
    </View>
  );
}
