import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { ContactCard } from '../../components/contact-card';
import { ErrorState, LoadingState } from '../../components/page-state';
import { useMe } from '../../hooks/use-me';
import { roleText } from '../../services/status-text';
import { useElderClass } from '../../hooks/use-elder';
import './index.scss';

/** 我的: who I am, 大字模式 (适老化), and my lists. */
export default function MePage() {
  const elder = useElderClass();
  const m = useMe();
  const p = m.profile;
  if (p.loading && !p.data) return <LoadingState />;
  if (p.error || !p.data) return <ErrorState message={p.error ?? '没有取到您的信息，请点“重试”。'} onRetry={() => void p.reload()} />;
  return (
    <View className={`page me${elder}`}>
      <View className='card me__who'>
        <Text className='me__name'>{p.data.name}</Text>
        <Text className='muted'>
          {roleText(p.data.role)}
          {p.data.nodeName ? ` · ${p.data.nodeName}` : ''}
        </Text>
      </View>

      <ContactCard onSaved={() => void p.reload()} />

      <View
        className={`card me__elder${m.elder ? ' me__elder--on' : ''}`}
        onClick={m.toggleElder}
        role='switch'
        aria-checked={m.elder ? 'true' : 'false'}
        aria-label='大字模式'
      >
        <View className='me__elder-text'>
          <Text className='me__elder-title'>大字模式</Text>
          <Text className='muted'>字更大、按钮更大，看得清、点得准。再点一次可关闭。</Text>
        </View>
        <View className='me__toggle'>
          <Text>{m.elder ? '已开启' : '已关闭'}</Text>
        </View>
      </View>

      <View className='actions'>
        <Button size='xlarge' block onClick={() => void m.goMine()}>
          我的诉求
        </Button>
        <Button size='xlarge' block onClick={() => void m.goMyVolunteer()}>
          我的志愿
        </Button>
        <Button size='xlarge' block onClick={() => void m.goPoints()}>
          我的积分
        </Button>
        <Button size='xlarge' block onClick={() => void m.goBoard()}>
          公开栏（已办结的诉求）
        </Button>
      </View>

      {m.canSwitchIdentity ? (
        <View className='me__switch' onClick={() => void m.goLogin()} role='button' aria-label='切换身份'>
          <Text>切换身份</Text>
        </View>
      ) : null}
    </View>
  );
}
