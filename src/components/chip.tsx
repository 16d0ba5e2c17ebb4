import { View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import './chip.scss';

/** A large tappable choice (a real button, so screen readers and tests see it as one). */
export function Chip({ selected, onTap, children }: { selected: boolean; onTap: () => void; children: ReactNode }) {
  return (
    <Button
      className={`chip${selected ? ' chip--selected' : ''}`}
      type={selected ? 'primary' : 'default'}
      fill={selected ? 'solid' : 'outline'}
      onClick={onTap}
    >
      {children}
    </Button>
  );
}

export function ChipRow({ children }: { children: ReactNode }) {
  return <View className='chip-row'>{children}</View>;
}
