import { Image, Text, View } from '@tarojs/components';
import type { ConcernSummary } from '../../core/views';
import { dueText, routedCommittee, shortTime, truncate } from '../services/format';
import { ConcernTags } from './concern-tags';
import './concern-item.scss';

/** One concern in a list: category, status, a bit of the description, where and who handles it. */
export function ConcernItem({ item, onTap, placeLabel = '地点', showDue = false }: { item: ConcernSummary; onTap: () => void; placeLabel?: string; showDue?: boolean }) {
  const due = showDue ? dueText(item.sla.dueAt, item.sla.overdue) : null;
  return (
    <View className={`concern-item${showDue && item.sla.overdue ? ' concern-item--overdue' : ''}`} onClick={onTap} role='button'>
      <View className='concern-item__head'>
        <Text className='concern-item__category'>{item.categoryName}</Text>
        <ConcernTags item={item} showDue={showDue} />
      </View>
      <View className='concern-item__body'>
        <Text className='concern-item__desc'>{truncate(item.description, 60)}</Text>
        {item.thumbUrl ? (
          <View className='concern-item__thumb-box'>
            <Image className='concern-item__thumb' src={item.thumbUrl} mode='aspectFill' aria-label={`现场照片，共${item.photoCount}张`} />
            {item.photoCount > 1 ? <Text className='concern-item__thumb-count'>{`${item.photoCount}张`}</Text> : null}
          </View>
        ) : null}
      </View>
      <View className='concern-item__meta'>
        <Text>
          {placeLabel}：{item.placeName}
        </Text>
      </View>
      <View className='concern-item__meta'>
        <Text>{item.passedOn ? `已转出，现由${routedCommittee(item.route)}办理` : `分派至：${routedCommittee(item.route)}`}</Text>
      </View>
      <View className='concern-item__meta'>
        <Text>{shortTime(item.createdAt)}</Text>
        {due ? <Text className={`concern-item__due${item.sla.overdue ? ' concern-item__due--late' : ''}`}>{`　办理时限：${due}`}</Text> : null}
      </View>
    </View>
  );
}
