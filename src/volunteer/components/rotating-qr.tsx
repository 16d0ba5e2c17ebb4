import { Text, View } from '@tarojs/components';
import type { CodeView } from '../../../core/views';
import { useRotatingCode } from '../../hooks/use-rotating-code';
import { QrCode } from './qr-code';

/** A QR code of a signed code that the server renews every minute (a photo of it soon stops working). */
export function RotatingQr({ initial, refresh, label }: { initial: string; refresh: () => Promise<CodeView>; label: string }) {
  const code = useRotatingCode(initial, refresh);
  return (
    <View>
      <QrCode text={code.text} label={label} />
      <Text className='muted'>{code.stale ? '二维码更新失败，正在重试；请检查网络。' : '二维码每分钟自动更新，截图或照片很快失效。'}</Text>
    </View>
  );
}
