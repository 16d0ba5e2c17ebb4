import { Text, View } from '@tarojs/components';
import { Switch } from '@nutui/nutui-react-taro';
import { useStaffSubscribe } from '../hooks/use-staff-subscribe';
import './subscribe-switch.scss';

/** 订阅提醒 on the workbench (weapp only: H5 has no subscribe messages, the 消息 list serves). */
export function SubscribeSwitch() {
  const s = useStaffSubscribe();
  if (process.env.TARO_ENV !== 'weapp') return null;
  return (
    <View className='card subscribe-switch'>
      <View className='subscribe-switch__row' role='switch' aria-checked={s.on} aria-label='订阅提醒' onClick={() => void s.toggle()}>
        <View className='subscribe-switch__text'>
          <Text className='subscribe-switch__title'>订阅提醒</Text>
          <Text className='muted subscribe-switch__hint'>新诉求待签收、诉求超期时通过微信通知我</Text>
        </View>
        <Switch checked={s.on} disabled={s.busy} />
      </View>
      {s.note ? (
        <View className='subscribe-switch__note' role='status'>
          <Text>{s.note}</Text>
        </View>
      ) : null}
    </View>
  );
}
