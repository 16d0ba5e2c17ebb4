import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Tag } from '@nutui/nutui-react-taro';
import { ListFooter } from '../../../components/list-footer';
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state';
import { useFeedbackList } from '../../../hooks/use-feedback-list';
import { useElderClass } from '../../../hooks/use-elder';
import { fullTime } from '../../../services/format';
import './index.scss';

/** 意见反馈 for admins: what people said about the app (投诉建议), newest first; held text marked 待审核. */
export default function FeedbackListPage() {
  const elder = useElderClass();
  const list = useFeedbackList();
  usePullDownRefresh(() => {
    void list.reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (list.loading && list.items.length === 0) return <LoadingState text='正在读取意见反馈…' />;
  if (list.error) return <ErrorState message={list.error} onRetry={() => void list.reload()} />;
  if (list.items.length === 0) return <EmptyState text='还没有收到意见反馈。' />;

  return (
    <View className={`page feedback-list${elder}`}>
      {list.items.map((f) => (
        <View className='card feedback-list__item' key={f.id}>
          <View className='feedback-list__head'>
            <Text className='muted'>{fullTime(f.createdAt)}</Text>
            {f.moderation === 'held' ? (
              <Tag type='warning' round>
                待审核
              </Tag>
            ) : f.moderation === 'rejected' ? (
              <Tag type='default' round>
                未通过审核
              </Tag>
            ) : null}
          </View>
          {/* Block wrappers: Taro's selectable text is inline-block, whatever its class says. */}
          <View className='feedback-list__text'>
            <Text userSelect>{f.text}</Text>
          </View>
          <View className='muted feedback-list__contact'>
            {f.contact ? (
              <Text>
                联系方式：<Text userSelect>{f.contact}</Text>
              </Text>
            ) : (
              <Text>未留联系方式</Text>
            )}
          </View>
        </View>
      ))}
      <ListFooter {...list} />
    </View>
  );
}
