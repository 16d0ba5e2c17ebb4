import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import { shareFile, type SharedFile } from '../services/file-export';

/**
 * A prepared export waiting to be sent: WeChat opens its share sheet (shareFileMessage) only from a tap, so
 * the file is written first and this button's tap shares it, calling WeChat directly.
 */
export function ShareFileButton({ file, onDone }: { file: SharedFile; onDone: () => void }) {
  const [error, setError] = useState<string | null>(null);
  return (
    <View className='share-file'>
      <Text className='muted'>文件已生成：{file.fileName}</Text>
      <Button
        type='primary'
        block
        onClick={() => {
          setError(null);
          shareFile(file).then(onDone, () => setError('没有发送出去，可以再点一次“发送文件”。'));
        }}
      >
        发送文件
      </Button>
      {error ? <Text className='error-text'>{error}</Text> : null}
    </View>
  );
}
