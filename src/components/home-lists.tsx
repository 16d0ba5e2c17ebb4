import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import { Tag } from '@nutui/nutui-react-taro';
import type { useHome } from '../hooks/use-home';
import { shortTime, truncate } from '../services/format';
import { statusTagType, statusText } from '../services/status-text';
import { eventWindow } from '../services/volunteer-text';
import './home-lists.scss';

type Home = ReturnType<typeof useHome>;

/** A titled block of home with 全部 (the full page) on the right. */
function Block({ title, more, onMore, children }: { title: string; more: string; onMore: () => unknown; children: ReactNode }) {
  return (
    <View className='card home-list'>
      <View className='home-list__head'>
        <Text className='home-list__title'>{title}</Text>
        <View className='home-list__more' role='button' aria-label={more} onClick={() => void onMore()}>
          <Text>{`${more} ›`}</Text>
        </View>
      </View>
      {children}
    </View>
  );
}

/**
 * Home's three short lists (issue 17, item 5): the resident's open concerns with their state, the volunteer
 * events they signed up for, and the public board's latest; each opens its item, 全部 the whole page.
 */
export function HomeLists({ home }: { home: Home }) {
  return (
    <>
      <Block title='我的诉求（办理中）' more='全部诉求' onMore={home.goMine}>
        {home.openConcerns.length === 0 ? (
          <Text className='muted home-list__empty'>没有办理中的诉求。</Text>
        ) : (
          home.openConcerns.slice(0, 3).map((c) => (
            <View key={c.id} className='home-list__row' role='button' onClick={() => void home.openConcern(c.id)}>
              <View className='home-list__row-head'>
                <Text className='home-list__name'>{`${c.categoryName} · ${c.placeName}`}</Text>
                <Tag type={statusTagType(c.status)} round>
                  {statusText(c.status)}
                </Tag>
              </View>
              <Text className='home-list__text'>{truncate(c.description, 40)}</Text>
            </View>
          ))
        )}
      </Block>

      <Block title={home.eventsNearby ? '本村志愿活动' : '我报名的志愿活动'} more='志愿服务' onMore={home.goVolunteer}>
        {home.upcomingEvents.length === 0 ? (
          <Text className='muted home-list__empty'>
            {home.eventsNearby ? '本村暂时没有可报名的志愿活动。' : '还没有报名即将开始的活动，去“志愿服务”看看本村的队伍和活动。'}
          </Text>
        ) : (
          home.upcomingEvents.slice(0, 3).map((e) => (
            <View key={e.id} className='home-list__row' role='button' onClick={() => void home.openEvent(e.id)}>
              <View className='home-list__row-head'>
                <Text className='home-list__name'>{e.title}</Text>
                {e.myStatus === 'signed' ? <Tag type='success' round>已报名</Tag> : e.myStatus === 'waitlisted' ? <Tag type='warning' round>候补中</Tag> : null}
              </View>
              <Text className='home-list__text'>{`${eventWindow(e)} · ${e.place}${home.eventsNearby ? ` · ${e.teamName}` : ''}`}</Text>
            </View>
          ))
        )}
      </Block>

      <Block title='公开栏最新' more='公开栏' onMore={home.goBoard}>
        {home.boardItems.length === 0 ? (
          <Text className='muted home-list__empty'>公开栏暂时没有内容。</Text>
        ) : (
          home.boardItems.map((b) => (
            <View key={b.id} className='home-list__row' role='button' onClick={() => void home.goBoard()}>
              <View className='home-list__row-head'>
                <Text className='home-list__name'>{`${b.categoryName} · ${b.placeName}`}</Text>
                <Tag type={statusTagType(b.status)} round>
                  {statusText(b.status)}
                </Tag>
              </View>
              <Text className='home-list__text'>{`${truncate(b.description, 40)}（${shortTime(b.resolvedAt ?? b.createdAt)}）`}</Text>
            </View>
          ))
        )}
      </Block>
    </>
  );
}
