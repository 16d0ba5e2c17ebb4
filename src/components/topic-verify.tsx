import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { call } from '../services/api';
import { errorText } from '../services/error-text';
import { shortTime } from '../services/format';

/**
 * On a topic that takes votes of verified residents only (户籍/常住): why the caller cannot vote yet and how
 * to get verified — ask the committee here, or see it at the village office. Comments stay open to them.
 */
export function TopicVerify({ requestedAt, onAsked }: { requestedAt: string | null; onAsked: () => Promise<void> }) {
  const [busy, setBusy] = useState(false);
  const [asked, setAsked] = useState<string | null>(requestedAt);
  const [error, setError] = useState<string | null>(null);
  const ask = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const place = await call('me/requestVerification', {});
      setAsked(place.verifyRequestedAt);
      await onAsked();
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className='card topic__verify'>
      <Text className='section-title'>本议题只限认证居民投票</Text>
      <Text className='topic__text'>{errorText('TOPIC.NOT_VERIFIED')}</Text>
      {asked ? (
        <Text className='muted'>{`已于 ${shortTime(asked)} 申请认证，村（社）委员会核实后即可投票。`}</Text>
      ) : (
        <Button type='primary' block loading={busy} onClick={() => void ask()}>
          申请认证
        </Button>
      )}
      {error ? <Text className='error-text'>{error}</Text> : null}
    </View>
  );
}
