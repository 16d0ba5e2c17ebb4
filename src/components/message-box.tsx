import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { ReactNode } from 'react';
import { REPLY_MAX } from '../hooks/use-concern-detail';
import type { PhotoUpload } from '../hooks/use-photo-upload';
import { PhotoPicker } from './photo-picker';

export interface MessageBoxProps {
  title: string;
  value: string;
  onChange: (v: string) => void;
  placeholder: string;
  photos: PhotoUpload;
  error: string | null;
  submitText: string;
  onSubmit: () => void;
  /** This box's send is running. */
  loading: boolean;
  /** Any send on the page is running. */
  disabled: boolean;
  fill?: 'outline';
  /** Extras between the text box and the photos, e.g. quick-reply chips. */
  children?: ReactNode;
}

/** A message with photos for a concern's thread: the resident's 补充说明, a handler's 回复 or 办结 answer. */
export function MessageBox(p: MessageBoxProps) {
  return (
    <View className='card reply-box'>
      <Text className='reply-box__title'>{p.title}</Text>
      <TextArea value={p.value} onChange={p.onChange} placeholder={p.placeholder} maxLength={REPLY_MAX} autoSize status={p.error ? 'error' : 'default'} />
      {p.children}
      <PhotoPicker upload={p.photos} />
      {p.error ? <Text className='error-text'>{p.error}</Text> : null}
      <Button type='primary' fill={p.fill} block loading={p.loading} disabled={p.disabled} onClick={p.onSubmit}>
        {p.submitText}
      </Button>
    </View>
  );
}
