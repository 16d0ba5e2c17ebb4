import { View } from '@tarojs/components';
import { HandlePanel } from '../../../components/handle-panel';
import { PrivacyGate } from '../../../components/privacy-gate';
import { useElderClass } from '../../../hooks/use-elder';
import './index.scss';

/** The handling page: one concern (`?id=`) with the moves the caller may make (components/handle-panel.tsx). */
export default function HandlePage() {
  const elder = useElderClass();
  return (
    <View className={`page${elder}`}>
      <PrivacyGate />
      <HandlePanel />
    </View>
  );
}
