import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { usePrivacy } from '../../../hooks/use-privacy';
import { useElderClass } from '../../../hooks/use-elder';
import { PrivacyGate } from '../../../components/privacy-gate';
import { ShareFileButton } from '../../../components/share-file';
import './index.scss';

export default function PrivacyPage() {
  const elder = useElderClass();
  const p = usePrivacy();
  return (
    <View className={`page privacy${elder}`}>
      <PrivacyGate />
      <View className='card'>
        <Text className='privacy__title'>我们保存了您的哪些信息</Text>
        <Text className='privacy__line'>· 您的昵称和手机号（手机号只给负责办理您诉求的工作人员看，其他人看到的是 139****0001 这样的样子）</Text>
        <Text className='privacy__line'>· 您反映的诉求、沟通记录和照片；位置只在您提交时读取一次</Text>
        <Text className='privacy__line'>· 您参加志愿服务的报名、签到和工时</Text>
        <Text className='privacy__line'>· 发给您的消息通知</Text>
      </View>

      <View className='card'>
        <Text className='privacy__title'>导出我的数据</Text>
        <Text className='privacy__line'>把以上全部信息导出为一个文件，可以保存或转发给自己。</Text>
        <Button type='primary' block loading={p.busy === 'export'} disabled={p.busy !== null} onClick={() => void p.exportData()}>
          导出我的数据
        </Button>
        {p.ready ? <ShareFileButton file={p.ready} onDone={p.clearReady} /> : null}
      </View>

      <View className='card'>
        <Text className='privacy__title'>注销账号</Text>
        <Text className='privacy__line'>注销后，您的昵称、手机号、消息和志愿记录中的个人信息会被删除；您反映过的诉求会保留给村（社区）继续办理，但不再显示您的任何身份信息。注销后无法恢复。</Text>
        {p.confirming ? (
          <View className='privacy__confirm'>
            <Text className='error-text'>确定要注销吗？此操作无法撤销。</Text>
            <Button type='danger' block loading={p.busy === 'delete'} disabled={p.busy !== null} onClick={() => void p.deleteAccount()}>
              确认注销
            </Button>
            <Button block disabled={p.busy !== null} onClick={p.cancelDelete}>
              再想想
            </Button>
          </View>
        ) : (
          <Button type='danger' fill='outline' block disabled={p.busy !== null} onClick={p.askToDelete}>
            注销账号
          </Button>
        )}
      </View>
      {p.error ? <Text className='error-text privacy__error'>{p.error}</Text> : null}
    </View>
  );
}
