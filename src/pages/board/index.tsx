import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Chip, ChipRow } from '../../components/chip';
import { EmptyState, ErrorState, LoadingState } from '../../components/page-state';
import { PublicCard } from '../../components/public-card';
import { useBoard } from '../../hooks/use-board';
import { useElderClass } from '../../hooks/use-elder';
import './index.scss';

export default function BoardPage() {
  const elder = useElderClass();
  const b = useBoard();
  return (
    <View className={`page board${elder}`}>
      <Text className='muted board__intro'>这里公开已办结的诉求：说了什么事、怎么办的。不显示反映人、电话和照片。</Text>
      <Text className='section-title'>{b.placeName ? `当前：${b.placeName}` : '选择村（社区）'}</Text>
      {b.tree.error ? <ErrorState message={b.tree.error} onRetry={() => void b.tree.reload()} /> : null}
      {b.towns.map((t) => (
        <View key={t.townId} className='card board__town'>
          <Text className='board__town-name'>{t.townName}</Text>
          <ChipRow>
            {t.villages.map((v) => (
              <Chip key={v.id} selected={b.placeId === v.id} onTap={() => b.choose(b.placeId === v.id ? null : v.id)}>
                {v.name}
              </Chip>
            ))}
          </ChipRow>
        </View>
      ))}
      <Text className='section-title'>已办结</Text>
      {b.board.loading && !b.board.data ? (
        <LoadingState text='正在读取公开栏…' />
      ) : b.board.error ? (
        <ErrorState message={b.board.error} onRetry={() => void b.board.reload()} />
      ) : !b.board.data?.enabled ? (
        <EmptyState text='这个镇暂未开放公开栏。如有需要，可向镇网格管理员反映。' />
      ) : b.board.data.items.length === 0 ? (
        <EmptyState text='这里暂时还没有已办结的诉求。可以换个村（社区）看看。' action={<Button onClick={() => b.choose(null)}>看全部</Button>} />
      ) : (
        b.board.data.items.map((item) => <PublicCard key={item.id} item={item} />)
      )}
    </View>
  );
}
