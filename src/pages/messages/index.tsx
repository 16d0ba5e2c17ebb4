import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Button, Tag } from '@nutui/nutui-react-taro';
import { statusTagType, statusText } from '../../services/status-text';
import { ListFooter } from '../../components/list-footer';
import { EmptyState, ErrorState, LoadingState } from '../../components/page-state';
import { useMessages } from '../../hooks/use-messages';
import { shortTime } from '../../services/format';
import { useElderClass } from '../../hooks/use-elder';
import './index.scss';

export default function MessagesPage() {
  const elder = useElderClass();
  const m = useMessages();
  usePullDownRefresh(() => {
    void m.reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (m.loading && m.items.length === 0) return <LoadingState />;
  if (m.error) return <ErrorState message={m.error} onRetry={() => void m.reload()} />;
  if (m.items.length === 0) return <EmptyState text='暂时没有消息。诉求有进展时，会在这里通知您。' />;

  return (
    <View className={`page messages${elder}`}>
      <View className='messages__head'>
        <Text className='muted'>{m.unread > 0 ? `${m.unread} 条未读` : '全部已读'}</Text>
        {m.unread > 0 ? (
          <Button size='small' fill='outline' onClick={() => void m.readAll()}>
            全部标为已读
          </Button>
        ) : null}
      </View>
      {m.actionError ? <Text className='error-text'>{m.actionError}</Text> : null}
      {m.items.map((msg) => (
        <View key={msg.id} className={`card messages__item${m.isRead(msg) ? '' : ' messages__item--unread'}`} onClick={() => void m.open(msg)} role='button'>
          <View className='messages__title-row'>
            {m.isRead(msg) ? null : <View className='messages__dot' />}
            <Text className='messages__title'>{msg.title}</Text>
          </View>
          {msg.concern ? (
            <View className='messages__concern'>
              <Text className='messages__concern-name'>{`${msg.concern.categoryName} · ${msg.concern.placeName}`}</Text>
              <Tag type={statusTagType(msg.concern.status)} round>
                {statusText(msg.concern.status)}
              </Tag>
              <Text className='messages__concern-text'>{msg.concern.text}</Text>
            </View>
          ) : null}
          <Text className='messages__body'>{msg.body}</Text>
          <Text className='messages__time'>{shortTime(msg.createdAt)}</Text>
        </View>
      ))}
      <ListFooter {...m} />
    </View>
  );
}
