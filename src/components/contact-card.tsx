import { Input, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { CONTACT_NAME_MAX, useContact } from '../hooks/use-contact';
import './contact-card.scss';

/** The consent text a resident agrees to before leaving a name and phone. */
export const CONTACT_CONSENT =
  '我同意把称呼和手机号提供给办理我所反映诉求的网格员、社委和镇职能部门，仅用于联系我处理诉求。其他人只能看到隐去中间四位的号码，号码不会公开、不会出现在导出和对外接口中。可以随时修改或清空；注销账号时一并删除。';

/**
 * 联系方式 on 我的 (issue 16, item 3). Asked once: a new resident sees the form with 跳过; afterwards the card
 * shows what they left, with 修改. Staff see nothing here: their name and phone are on the town's roster.
 */
export function ContactCard({ onSaved }: { onSaved: () => void }) {
  const c = useContact(onSaved);
  const data = c.contact.data;
  if (!data || !data.editable) return null;
  if (!c.open) {
    return (
      <View className='card contact' aria-label='联系方式'>
        <View className='contact__summary'>
          <View className='contact__summary-text'>
            <Text className='contact__title'>联系方式</Text>
            <Text className='muted'>{data.phone ? `办理人员可拨打 ${data.phone} 联系您` : '没有留手机号：办理人员会在诉求的沟通记录里联系您'}</Text>
          </View>
          <Button size='small' fill='outline' type='primary' onClick={c.edit}>
            修改
          </Button>
        </View>
      </View>
    );
  }
  return (
    <View className='card contact' aria-label='联系方式'>
      <Text className='contact__title'>{data.answered ? '修改联系方式' : '留个联系方式？（选填）'}</Text>
      <Text className='muted'>办理您反映的问题时，网格员可以直接打电话了解情况、约时间上门。</Text>
      <Input className='contact__input' value={c.name} maxlength={CONTACT_NAME_MAX} placeholder='怎么称呼您，例如“陈阿姨”' aria-label='称呼' onInput={(e) => c.setName(e.detail.value)} />
      <Input className='contact__input' type='number' value={c.phone} maxlength={11} placeholder='手机号（选填）' aria-label='手机号（选填）' onInput={(e) => c.setPhone(e.detail.value)} />
      <View className='contact__consent' onClick={c.toggleConsent} role='checkbox' aria-checked={c.consent ? 'true' : 'false'} aria-label='同意联系方式的使用说明'>
        {/* A plain mark inside the one checkbox element: NutUI's Checkbox carries ARIA attributes axe-core refuses. */}
        <View className={`contact__box${c.consent ? ' contact__box--on' : ''}`}>{c.consent ? <Text>✓</Text> : null}</View>
        <Text className='contact__consent-text'>{CONTACT_CONSENT}</Text>
      </View>
      {c.error ? <Text className='error-text'>{c.error}</Text> : null}
      <View className='contact__actions'>
        <Button type='primary' loading={c.busy} disabled={c.busy} onClick={() => void c.save()}>
          保存
        </Button>
        {data.answered ? (
          <Button fill='outline' disabled={c.busy} onClick={c.cancel}>
            取消
          </Button>
        ) : (
          <Button fill='outline' disabled={c.busy} onClick={() => void c.skip()}>
            跳过
          </Button>
        )}
      </View>
    </View>
  );
}
