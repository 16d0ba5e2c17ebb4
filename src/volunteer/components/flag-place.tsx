import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { PhotoPicker } from '../../components/photo-picker';
import { FLAG_MAX, useFlagPlace } from '../../hooks/use-flag-place';

/** 反映需要整治 on the leader's event page (issue 20, item 3): what the team found in the field, with photos. */
export function FlagPlaceCard({ eventId }: { eventId: string }) {
  const f = useFlagPlace(eventId);
  if (!f.open) {
    return (
      <Button type='primary' fill='outline' block onClick={() => f.setOpen(true)}>
        反映需要整治
      </Button>
    );
  }
  return (
    <View className='card reply-box' aria-label='反映需要整治'>
      <Text className='reply-box__title'>反映需要整治</Text>
      <Text className='muted'>活动中发现需要整治的地方，会作为诉求交给本村（社区）、经济社办理，标明「志愿服务队发现」，由您跟进。</Text>
      <TextArea value={f.text} onChange={f.setText} placeholder='例如：巷尾空地杂物堆积，蚊虫多' maxLength={FLAG_MAX} autoSize status={f.textError ? 'error' : 'default'} />
      <PhotoPicker upload={f.photos} />
      {f.textError ? <Text className='error-text'>{f.textError}</Text> : null}
      {f.actionError ? <Text className='error-text'>{f.actionError}</Text> : null}
      <Button type='primary' block loading={f.busy === 'flag'} disabled={f.busy !== null} onClick={() => void f.send()}>
        提交给村（社区）
      </Button>
      <Button fill='none' block disabled={f.busy !== null} onClick={() => f.setOpen(false)}>
        收起
      </Button>
    </View>
  );
}
