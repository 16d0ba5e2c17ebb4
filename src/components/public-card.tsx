import { Text, View } from '@tarojs/components';
import { Button, Tag } from '@nutui/nutui-react-taro';
import type { PublicConcern } from '../../core/views';
import { shortTime } from '../services/format';
import { statusTagType, statusText } from '../services/status-text';
import { ReportLink } from './report-link';
import './public-card.scss';

/** One concern as the public sees it: category, place, dates, the final reply; never who reported it. */
export function PublicCard({ item, onPlusOne, busy = false }: { item: PublicConcern; onPlusOne?: () => void; busy?: boolean }) {
  return (
    <View className='card public-card'>
      <View className='public-card__head'>
        <Text className='public-card__category'>{item.categoryName}</Text>
        <Tag type={statusTagType(item.status)} round>
          {statusText(item.status)}
        </Tag>
      </View>
      <Text className='public-card__desc'>{item.description}</Text>
      <View className='public-card__report'>
        <ReportLink concernId={item.id} label='举报这条公开内容' />
      </View>
      <Text className='public-card__meta'>地点：{item.placeName}</Text>
      <Text className='public-card__meta'>
        反映于 {shortTime(item.createdAt)}
        {item.resolvedAt ? `，办结于 ${shortTime(item.resolvedAt)}` : ''}
      </Text>
      {item.finalReply ? (
        <View className='public-card__reply'>
          <Text className='public-card__reply-label'>办理答复：</Text>
          <Text>{item.finalReply}</Text>
          <View className='public-card__report'>
            <ReportLink concernId={item.id} finalReply label='举报这条办理答复' />
          </View>
        </View>
      ) : null}
      {item.open && onPlusOne && !item.mine ? (
        <View className='public-card__plus'>
          <Button size='small' type='primary' fill={item.plusOned ? 'solid' : 'outline'} disabled={item.plusOned || busy} loading={busy} onClick={onPlusOne}>
            {item.plusOned ? `已+1（${item.plusOnes}人关注）` : `我也遇到了 +1（${item.plusOnes}人关注）`}
          </Button>
        </View>
      ) : null}
    </View>
  );
}
