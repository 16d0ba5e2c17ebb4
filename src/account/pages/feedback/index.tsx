import { Input, Text, Textarea, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { FEEDBACK_MAX, useFeedback } from '../../../hooks/use-feedback';
import { useElderClass } from '../../../hooks/use-elder';
import './index.scss';

export default function FeedbackPage() {
  const elder = useElderClass();
  const f = useFeedback();
  return (
    <View className={`page feedback${elder}`}>
      <View className='card'>
        <Text className='feedback__title'>对「街坊」有什么意见或建议？</Text>
        <Text className='muted'>这里是对小程序本身的意见。要反映家门口的问题，请回首页点「我要反映」。</Text>
        <Textarea
          className='feedback__text'
          value={f.text}
          maxlength={FEEDBACK_MAX}
          placeholder='请写下您的意见或建议（500字以内）'
          aria-label='意见或建议'
          onInput={(e) => f.setText(e.detail.value)}
        />
        <Text className='feedback__count muted'>{`${[...f.text].length}/${FEEDBACK_MAX}`}</Text>
        <Input className='feedback__contact' value={f.contact} maxlength={50} placeholder='联系方式（选填）' aria-label='联系方式（选填）' onInput={(e) => f.setContact(e.detail.value)} />
      </View>
      {f.error ? <Text className='error-text feedback__error'>{f.error}</Text> : null}
      <Button type='primary' size='large' block loading={f.sending} disabled={f.sending} onClick={() => void f.send()}>
        提交意见
      </Button>
    </View>
  );
}
