import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useEffect, useState } from 'react';
import { SUPPORTS_NEEDED_MAX } from '../../core/labels';
import { useOneAction } from '../hooks/use-one-action';
import { useResource } from '../hooks/use-resource';
import { call } from '../services/api';

/** The town admin's 议事 setting: how many residents must support a proposal before the committee answers it. */
export function TopicTownSetting() {
  const setting = useResource(() => call('town/topicSettings', {}));
  const action = useOneAction();
  const [value, setValue] = useState('');
  const [saved, setSaved] = useState(false);
  useEffect(() => {
    if (setting.data) setValue(String(setting.data.supportsNeeded));
  }, [setting.data]);
  const n = Number(value.trim());
  const valid = /^\d{1,4}$/.test(value.trim()) && n >= 1 && n <= SUPPORTS_NEEDED_MAX;
  const save = () =>
    action.run('save', async () => {
      setSaved(false);
      await call('town/saveTopicSettings', { supportsNeeded: n });
      await setting.reload();
      setSaved(true);
    });
  return (
    <View className='card topic-admin__form'>
      <Text className='section-title'>本镇提议所需支持数</Text>
      {setting.error ? <Text className='error-text'>{setting.error}</Text> : null}
      <Text className='muted'>{`居民的提议达到这个人数的支持后，委员会须在14天内答复（1–${SUPPORTS_NEEDED_MAX}）。已提出的提议按提出时的人数计。`}</Text>
      <Input value={value} onChange={(v) => { setValue(v); setSaved(false); }} type='number' placeholder='支持人数' maxLength={4} />
      {!valid && value !== '' ? <Text className='error-text'>{`请输入 1 到 ${SUPPORTS_NEEDED_MAX} 之间的整数。`}</Text> : null}
      {action.actionError ? <Text className='error-text'>{action.actionError}</Text> : null}
      {saved ? <Text className='muted'>已保存</Text> : null}
      <Button type='primary' block disabled={!valid || setting.data === null} loading={action.busy === 'save'} onClick={() => void save()}>
        保存
      </Button>
    </View>
  );
}
