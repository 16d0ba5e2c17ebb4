import Taro, { useDidShow } from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import { useRef } from 'react';
import type { useHome } from '../hooks/use-home';
import { useResource } from '../hooks/use-resource';
import { call } from '../services/api';
import './admin-tools.scss';

type Home = ReturnType<typeof useHome>;

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <View className='admin-tools__section' role='group' aria-label={title}>
      <Text className='admin-tools__heading'>{title}</Text>
      {children}
    </View>
  );
}

function Tool({ text, onTap, primary }: { text: string; onTap: () => unknown; primary?: boolean }) {
  return (
    <Button type={primary ? 'primary' : 'default'} fill='outline' size='xlarge' block onClick={() => void onTap()}>
      {text}
    </Button>
  );
}

/**
 * The admin's part of the home page (issue 19, item 7): what needs attention first — held items waiting
 * for moderation, places a removal left without staff that still have open concerns (admin/attention) —
 * then the tools in sections. The missing holiday calendar has its own card above (every admin sees it).
 */
export function AdminTools({ home }: { home: Home }) {
  const attention = useResource(() => call('admin/attention', {}));
  const shownOnce = useRef(false);
  useDidShow(() => {
    if (shownOnce.current) void attention.reload();
    shownOnce.current = true;
  });
  const unstaffed = attention.data?.unstaffed ?? [];
  const goRoster = () => Taro.navigateTo({ url: '/staff/pages/roster/index' });

  return (
    <View className='admin-tools'>
      {home.held > 0 || unstaffed.length > 0 ? (
        <View className='card admin-tools__attention' role='region' aria-label='待处理事项'>
          <Text className='admin-tools__attention-title'>待处理事项</Text>
          {home.held > 0 ? (
            <View className='admin-tools__item'>
              <Text>{`${home.held > 99 ? '99+' : home.held} 条内容待审核，审核前只有作者和办理人员能看到。`}</Text>
              <Button type='primary' fill='outline' size='small' onClick={() => void home.goModeration()}>
                去审核
              </Button>
            </View>
          ) : null}
          {unstaffed.map((u) => (
            <View className='admin-tools__item' key={u.nodeId}>
              <Text>{`${u.nodeName}：${u.departedName}已移除，暂无工作人员，${u.openConcerns}${u.more ? '+' : ''} 件诉求待办理。`}</Text>
              <Button type='primary' fill='outline' size='small' onClick={() => void goRoster()}>
                {`为${u.nodeName}安排人员`}
              </Button>
            </View>
          ))}
        </View>
      ) : null}

      <Section title='人员与网格'>
        <Tool text='人员名单' onTap={home.goRoster} />
        <Tool text='网格管理' onTap={home.goGridAdmin} />
        <Tool text='镇街管理' onTap={home.goTowns} />
      </Section>
      <Section title='事项与时限'>
        <Tool text='诉求类别' onTap={home.goCategories} />
        <Tool text='常用回复设置' onTap={home.goTemplates} />
        <Tool text='镇街设置' onTap={() => Taro.navigateTo({ url: '/staff/pages/town-settings/index' })} />
        <Tool text='节假日安排' onTap={home.goCalendar} />
      </Section>
      <Section title='志愿与议事'>
        <Tool text='志愿队设置' onTap={home.goTeamSetup} />
      </Section>
      <Section title='审核与记录'>
        <View className='home__messages'>
          <Tool text='内容审核' onTap={home.goModeration} primary />
          {home.held > 0 ? (
            <Text className='home__badge' aria-label={`待审核 ${home.held} 条`}>
              {home.held > 99 ? '99+' : String(home.held)}
            </Text>
          ) : null}
        </View>
        <Tool text='意见反馈' onTap={home.goFeedbackList} />
        <Tool text='操作记录' onTap={home.goAudit} />
      </Section>
      <Section title='开放接口'>
        <Tool text='开放接口' onTap={home.goOpenApi} />
      </Section>
    </View>
  );
}
