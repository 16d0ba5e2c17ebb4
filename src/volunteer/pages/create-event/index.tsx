import { Picker, Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { Chip, ChipRow } from '../../../components/chip';
import { DESCRIPTION_MAX, PLACE_MAX, TITLE_MAX, useCreateEvent } from '../../../hooks/use-create-event';
import { useElderClass } from '../../../hooks/use-elder';
import './index.scss';

function PickerField({ mode, value, onChange }: { mode: 'date' | 'time'; value: string; onChange: (v: string) => void }) {
  return (
    <Picker mode={mode} value={value} onChange={(ev) => onChange(String(ev.detail.value))}>
      <View className='create-event__picker'>{value}</View>
    </Picker>
  );
}

export default function CreateEventPage() {
  const elder = useElderClass();
  const c = useCreateEvent();
  const f = c.form;
  return (
    <View className={`page create-event${elder}`}>
      {c.actionId ? (
        <View className='card'>
          <Text className='create-event__label'>{`安排志愿行动：${c.actionTitle ?? ''}`}</Text>
          <Text className='muted'>经办人把居民反映的问题交给本队处理，请确定时间和名额；反映人的个人信息已隐去。</Text>
        </View>
      ) : null}
      <View className='card'>
        <Text className='create-event__label'>活动名称</Text>
        <Input value={f.title} onChange={(v) => c.set('title', v)} placeholder='例如：村道周末清洁行动' maxLength={TITLE_MAX} />
        <Text className='create-event__label'>集合地点</Text>
        <Input value={f.place} onChange={(v) => c.set('place', v)} placeholder='例如：祠堂门口' maxLength={PLACE_MAX} />
        <Text className='create-event__label'>活动说明（可不填）</Text>
        <TextArea value={f.description} onChange={(v) => c.set('description', v)} placeholder='做什么、带什么、注意什么' maxLength={DESCRIPTION_MAX} autoSize />
      </View>

      <View className='card'>
        <Text className='create-event__label'>活动日期</Text>
        <PickerField mode='date' value={f.date} onChange={(v) => c.set('date', v)} />
        <View className='create-event__row'>
          <View>
            <Text className='create-event__label'>开始</Text>
            <PickerField mode='time' value={f.startTime} onChange={(v) => c.set('startTime', v)} />
          </View>
          <View>
            <Text className='create-event__label'>结束</Text>
            <PickerField mode='time' value={f.endTime} onChange={(v) => c.set('endTime', v)} />
          </View>
        </View>
        <Text className='create-event__label'>报名截止</Text>
        <View className='create-event__row'>
          <PickerField mode='date' value={f.deadlineDate} onChange={(v) => c.set('deadlineDate', v)} />
          <PickerField mode='time' value={f.deadlineTime} onChange={(v) => c.set('deadlineTime', v)} />
        </View>
      </View>

      <View className='card'>
        <Text className='create-event__label'>名额</Text>
        <Input type='number' value={f.capacity} onChange={(v) => c.set('capacity', v)} placeholder='人数' />
        <Text className='create-event__label'>满员后</Text>
        <ChipRow>
          <Chip selected={f.waitlist} onTap={() => c.set('waitlist', true)}>
            可以候补
          </Chip>
          <Chip selected={!f.waitlist} onTap={() => c.set('waitlist', false)}>
            不设候补
          </Chip>
        </ChipRow>
        <Text className='create-event__label'>谁可以报名</Text>
        <ChipRow>
          <Chip selected={f.openTo === 'members'} onTap={() => c.set('openTo', 'members')}>
            本队队员
          </Chip>
          <Chip selected={f.openTo === 'all'} onTap={() => c.set('openTo', 'all')}>
            所有居民
          </Chip>
        </ChipRow>
      </View>

      {c.error ? <Text className='error-text'>{c.error}</Text> : null}
      <View className='actions'>
        <Button type='primary' size='xlarge' block loading={c.busy} disabled={c.busy} onClick={() => void c.submit()}>
          发布活动
        </Button>
      </View>
    </View>
  );
}
