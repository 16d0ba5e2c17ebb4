import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { EmptyState, ErrorState, LoadingState } from '../../components/page-state';
import { useLogin } from '../../hooks/use-login';
import { roleText } from '../../services/status-text';
import { useElderClass } from '../../hooks/use-elder';
import './index.scss';

const DEMO_NOTE = '演示数据：地名真实，边界、人员与数字均为虚构';

export default function LoginPage() {
  const elder = useElderClass();
  const login = useLogin();

  if (!login.isH5) {
    return (
      <View className={`page login${elder}`}>
        <View className='card'>
          <Text className='login__title'>您的身份由微信确认，无需登录。</Text>
          <Text className='muted'>正在返回首页…</Text>
        </View>
        <Button type='primary' block onClick={() => void login.goHome()}>
          返回首页
        </Button>
      </View>
    );
  }

  const { identities } = login;
  return (
    <View className={`page login${elder}`}>
      <View className='card'>
        <Text className='login__title'>本地演示登录</Text>
        <Text className='muted'>请选择一个身份进入。正式使用时，身份由微信确认。</Text>
      </View>
      <Text className='login__note'>{DEMO_NOTE}</Text>

      {identities.loading ? (
        <LoadingState text='正在读取演示身份…' />
      ) : identities.error ? (
        <ErrorState message={identities.error} onRetry={() => void identities.reload()} />
      ) : !identities.data || identities.data.length === 0 ? (
        <EmptyState text='暂无可用的演示身份。请先启动本地服务并导入演示数据，然后点“重试”。' action={<Button onClick={() => void identities.reload()}>重试</Button>} />
      ) : (
        <View className='actions'>
          {identities.data.map((p) => (
            <Button
              key={p.openid}
              block
              size='large'
              type={p.role === 'resident' ? 'primary' : 'default'}
              loading={login.pendingOpenid === p.openid}
              disabled={login.pendingOpenid !== null}
              onClick={() => void login.login(p.openid)}
            >
              {`${p.name} · ${roleText(p.role)}${p.nodeName ? ` · ${p.nodeName}` : ''}`}
            </Button>
          ))}
        </View>
      )}
      {login.loginError ? <Text className='error-text login__error'>{login.loginError}</Text> : null}
    </View>
  );
}
