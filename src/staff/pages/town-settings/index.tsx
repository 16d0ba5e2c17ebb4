import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Chip, ChipRow } from '../../../components/chip';
import { ErrorState, LoadingState } from '../../../components/page-state';
import { useElderClass } from '../../../hooks/use-elder';
import { useTownSettings } from '../../../hooks/use-town-settings';
import { minuteText } from '../../../services/town-settings-form';
import './index.scss';

/** 镇街设置 (issue 19, item 4): public board, working hours, check-in window and reminders; the holiday calendar one tap away. */
export default function TownSettingsPage() {
  const elder = useElderClass();
  const s = useTownSettings();
  if (s.base.loading && !s.base.data) return <LoadingState text='正在读取镇街设置…' />;
  if (s.base.error || !s.base.data) return <ErrorState message={s.base.error ?? '没有取到镇街设置，请点“重试”。'} onRetry={() => void s.base.reload()} />;
  if (s.settings.error) return <ErrorState message={s.settings.error} onRetry={() => void s.settings.reload()} />;
  const v = s.settings.data;
  const d = s.draft;

  return (
    <View className={`page town-settings${elder}`}>
      {s.base.data.towns.length > 1 ? (
        <View className='card'>
          <ChipRow>
            {s.base.data.towns.map((t) => (
              <Chip key={t.id} selected={s.townId === t.id} onTap={() => s.setTownId(t.id)}>
                {t.label}
              </Chip>
            ))}
          </ChipRow>
        </View>
      ) : null}
      {!v || !d ? (
        <LoadingState text='正在读取…' />
      ) : (
        <>
          <View className='card town-settings__section'>
            <Text className='town-settings__title'>公开展示栏</Text>
            <Text className='muted'>开启后，居民可以看到本镇已办结、已公开的诉求（不含个人信息）。</Text>
            <ChipRow>
              <Chip selected={d.publicBoard} onTap={() => s.edit({ publicBoard: true })}>
                开启
              </Chip>
              <Chip selected={!d.publicBoard} onTap={() => s.edit({ publicBoard: false })}>
                关闭
              </Chip>
            </ChipRow>
          </View>

          <View className='card town-settings__section'>
            <Text className='town-settings__title'>工作时间</Text>
            <Text className='muted'>诉求的签收、办结时限按工作时间计算；修改只影响之后的诉求，已在计时的不变。留空即用默认值。</Text>
            <Text className='town-settings__label'>{`上班时间（默认 ${minuteText(v.defaults.dayStartMinute)}）`}</Text>
            <Input value={d.dayStart} onChange={(x) => s.edit({ dayStart: x })} placeholder={`例如 ${minuteText(v.defaults.dayStartMinute)}`} aria-label='上班时间' />
            <Text className='town-settings__label'>{`下班时间（默认 ${minuteText(v.defaults.dayEndMinute)}）`}</Text>
            <Input value={d.dayEnd} onChange={(x) => s.edit({ dayEnd: x })} placeholder={`例如 ${minuteText(v.defaults.dayEndMinute)}`} aria-label='下班时间' />
            <Text className='muted'>{`现在按 ${minuteText(v.dayStartMinute)}–${minuteText(v.dayEndMinute)} 计时`}</Text>
          </View>

          <View className='card town-settings__section'>
            <Text className='town-settings__title'>志愿活动</Text>
            <Text className='town-settings__label'>{`签到时间窗：活动开始前后多少分钟可签到（默认 ${v.defaults.checkinMarginMinutes} 分钟）`}</Text>
            <Input type='number' value={d.checkinMargin} onChange={(x) => s.edit({ checkinMargin: x })} placeholder={`${v.defaults.checkinMarginMinutes}`} aria-label='签到时间窗（分钟）' />
            <Text className='town-settings__label'>{`活动提醒：开始前多少分钟提醒报名者（默认 ${v.defaults.reminderLeadMinutes} 分钟）`}</Text>
            <Input type='number' value={d.reminderLead} onChange={(x) => s.edit({ reminderLead: x })} placeholder={`${v.defaults.reminderLeadMinutes}`} aria-label='活动提醒（分钟）' />
          </View>

          {s.actionError ? <Text className='error-text town-settings__error'>{s.actionError}</Text> : null}
          <Button type='primary' block loading={s.busy === 'save'} onClick={() => void s.save()}>
            保存镇街设置
          </Button>

          <View className='card town-settings__section'>
            <Text className='town-settings__title'>节假日安排</Text>
            <Text className='muted'>法定节假日和调休上班日由区管理员按国务院通知录入，时限计算会跳过节假日。</Text>
            <Button type='default' fill='outline' block onClick={() => void s.goCalendar()}>
              查看节假日安排
            </Button>
          </View>
        </>
      )}
    </View>
  );
}
