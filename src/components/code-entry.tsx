import { View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { useState } from 'react';

/**
 * Issue 16, item 7: where the camera cannot scan (the H5 build), the code's text is typed or pasted and
 * sent as a scan would send it, instead of a button that can do nothing.
 */
export function CodeEntry({ label, placeholder, busy, onSubmit }: { label: string; placeholder: string; busy: boolean; onSubmit: (code: string) => void }) {
  const [code, setCode] = useState('');
  return (
    <View className='card code-entry' aria-label={label}>
      <Input value={code} onChange={setCode} placeholder={placeholder} clearable />
      <Button
        type='primary'
        block
        loading={busy}
        disabled={busy || code.trim() === ''}
        onClick={() => {
          onSubmit(code);
          setCode('');
        }}
      >
        {label}
      </Button>
    </View>
  );
}
