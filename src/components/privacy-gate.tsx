import { Button, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { useEffect, useMemo, useState } from 'react';
import { AGREE_BUTTON_ID, answerPrivacy, attachGate } from '../services/privacy-auth';
import './privacy-gate.scss';

/**
 * The privacy guide popup of one page (every page that can call a privacy API mounts one). The app-wide
 * listener (services/privacy-auth.ts) opens the gate of the page on screen; the agree button
 * (open-type agreePrivacyAuthorization) lets the held call go on. Renders nothing in H5.
 */
export function PrivacyGate() {
  const [open, setOpen] = useState(false);
  const gate = useMemo(() => ({ show: setOpen }), []);

  useEffect(() => (process.env.TARO_ENV === 'weapp' ? attachGate(gate) : undefined), [gate]);
  // Back on this page (navigateBack): it is the one on screen again.
  useDidShow(() => {
    if (process.env.TARO_ENV === 'weapp') attachGate(gate);
  });

  if (!open) return null;
  return (
    <View className='privacy-gate' role='dialog' aria-label='隐私保护指引'>
      <View className='privacy-gate__card'>
        <Text className='privacy-gate__title'>隐私保护指引</Text>
        <Text className='privacy-gate__text'>
          为了把您反映的问题交给正确的网格和村（社区），我们需要在您操作时读取一次位置或您选择的位置；上传照片需要访问相册或相机；导出文件时需要通过微信发送文件。我们只在您操作时使用这些信息。
        </Text>
        <Text className='privacy-gate__link' onClick={() => void Taro.openPrivacyContract({})}>
          查看《街坊隐私保护指引》
        </Text>
        <Button id={AGREE_BUTTON_ID} className='privacy-gate__agree' openType='agreePrivacyAuthorization' onAgreePrivacyAuthorization={() => answerPrivacy('agree')}>
          同意并继续
        </Button>
        <Button className='privacy-gate__disagree' onClick={() => answerPrivacy('disagree')}>
          不同意
        </Button>
      </View>
    </View>
  );
}
