import Taro from '@tarojs/taro';
import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';

/**
 * Shares a topic to a WeChat group: in the mini program the button opens WeChat's share sheet (the page's
 * useShareAppMessage gives the card's title and path); H5 has no share sheet, so it copies the page's link
 * for pasting into the group.
 */
export function TopicShare() {
  const [copied, setCopied] = useState<boolean | null>(null);
  if (process.env.TARO_ENV === 'weapp') {
    return (
      <Button block fill='outline' openType='share'>
        分享到微信群
      </Button>
    );
  }
  const copy = () =>
    Taro.setClipboardData({ data: window.location.href }).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  return (
    <View>
      <Button block fill='outline' onClick={() => void copy()}>
        复制链接，发到微信群
      </Button>
      {copied === true ? <Text className='muted'>链接已复制，可以粘贴到微信群里。</Text> : null}
      {copied === false ? <Text className='error-text'>没有复制成功，请长按浏览器地址栏复制链接。</Text> : null}
    </View>
  );
}
