import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useRef, useState } from 'react';
import './privacy-gate.scss';

type Resolve = (option: { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }) => void;

const AGREE_ID = 'privacy-agree';

/**
 * WeChat's privacy guide: when a privacy-sensitive API (getLocation, chooseMedia…) is called before
 * the user agreed, WeChat holds the call and asks the page; this shows the guide with an agree button
 * (open-type agreePrivacyAuthorization) and lets the held call go on or fail. Renders nothing in H5.
 */
export function PrivacyGate() {
  const [open, setOpen] = useState(false);
  const pending = useRef<Resolve | null>(null);

  useDidShow(() => {
    if (process.env.TARO_ENV !== 'weapp') return;
    // One listener at a time in the whole app: the page on screen takes it over when shown.
    Taro.onNeedPrivacyAuthorization((resolve) => {
      pending.current = resolve;
      resolve({ event: 'exposureAuthorization' });
      setOpen(true);
    });
  });

  if (!open) return null;
  const finish = (event: 'agree' | 'disagree') => {
    pending.current?.(event === 'agree' ? { event, buttonId: AGREE_ID } : { event });
    pending.current = null;
    setOpen(false);
  };
  return (
    <View className='privacy-gate' role='dialog' aria-label='隐私保护指引'>
      <View className='privacy-gate__card'>
        <Text className='privacy-gate__title'>隐私保护指引</Text>
        <Text className='privacy-gate__text'>
          为了把您反映的问题交给正确的网格和村（社区），我们需要在您提交时读取一次位置；上传照片需要访问相册或相机。我们只在您操作时使用这些信息。
        </Text>
        <Text className='privacy-gate__link' onClick={() => void Taro.openPrivacyContract({})}>
          查看《街坊隐私保护指引》
        </Text>
        <Button id={AGREE_ID} className='privacy-gate__agree' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={() => finish('agree')}>
          同意并继续
        </Button>
        <Button className='privacy-gate__disagree' onClick={() => finish('disagree')}>
          不同意
        </Button>
      </View>
    </View>
  );
}
