import { Text, View } from '@tarojs/components';
import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { ConcernItem } from '../../../components/concern-item';
import { DeskInbox } from '../../../components/desk-inbox';
import { InboxFilters } from '../../../components/inbox-filters';
import { InboxState } from '../../../components/inbox-state';
import { ListFooter } from '../../../components/list-footer';
import { useInbox } from '../../../hooks/use-inbox';
import { useDeskLayout } from '../../../hooks/use-desk-layout';
import { useElderClass } from '../../../hooks/use-elder';
import { SubscribeSwitch } from '../../../components/subscribe-switch';
import './index.scss';

/** The workbench: a list on the phone; at a desk-wide H5 window a table with a detail pane (one hook for both). */
export default function InboxPage() {
  const elder = useElderClass();
  const inbox = useInbox();
  const desk = useDeskLayout();
  usePullDownRefresh(() => {
    void inbox.reload().finally(() => Taro.stopPullDownRefresh());
  });

  if (desk) {
    return (
      <View className={`page inbox inbox--desk${elder}`}>
        <DeskInbox inbox={inbox} />
      </View>
    );
  }
  return (
    <View className={`page inbox${elder}`}>
      <SubscribeSwitch />
      <InboxFilters {...inbox} />
      <InboxState inbox={inbox}>
        <View>
          {inbox.loading ? <Text className='muted inbox__refreshing'>正在刷新…</Text> : null}
          {inbox.items.map((c) => (
            <ConcernItem key={c.id} item={c} placeLabel='反映地点' showDue={inbox.scope === 'open'} onTap={() => void inbox.open(c.id)} />
          ))}
          <ListFooter {...inbox} />
        </View>
      </InboxState>
    </View>
  );
}
