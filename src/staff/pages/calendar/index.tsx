import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { Chip, ChipRow } from '../../../components/chip';
import { ErrorState, LoadingState } from '../../../components/page-state';
import { useCalendar } from '../../../hooks/use-calendar';
import { useElderClass } from '../../../hooks/use-elder';
import { fullTime } from '../../../services/format';
import './index.scss';

/**
 * 节假日安排: the working-day calendar every deadline is counted on. Every admin sees each year's lists
 * and which year is missing; a district admin enters a year from the State Council's notice.
 */
export default function CalendarPage() {
  const elder = useElderClass();
  const c = useCalendar();
  const view = c.view.data;

  if (c.view.loading && !view) return <LoadingState text='正在读取节假日安排…' />;
  if (c.view.error || !view) return <ErrorState message={c.view.error ?? '没有取到节假日安排，请点“重试”。'} onRetry={() => void c.view.reload()} />;
  const draft = c.draft;

  return (
    <View className={`page calendar${elder}`}>
      <View className='card'>
        <Text className='calendar__title'>办理时限按工作日计算</Text>
        <Text className='muted calendar__hint'>
          签收、办结时限只计工作日。每年的法定节假日和调休上班日以国务院办公厅的通知为准，由区管理员在这里录入，全区各镇通用。
        </Text>
      </View>

      {view.missing.length > 0 ? (
        <View className='card calendar__missing'>
          <Text className='calendar__warning'>{`${view.missing.join('、')}年的节假日安排尚未录入`}</Text>
          <Text className='calendar__hint'>录入前，这些年份的时限暂按只排除周末计算，节假日也会被算作工作日；受影响的诉求会注明。</Text>
        </View>
      ) : null}

      {view.years.map((y) => (
        <View className='card calendar__year' key={y.year}>
          <Text className='calendar__title'>{`${y.year}年`}</Text>
          <Text className='calendar__line'>{`放假 ${y.holidays.length} 天，调休上班 ${y.makeupWorkdays.length} 天`}</Text>
          <Text className='muted calendar__line'>{`依据：${y.basis}`}</Text>
          <Text className='muted calendar__line'>
            {y.source === 'builtin' ? `系统内置（第 ${y.version} 版）` : `第 ${y.version} 版 · ${y.savedByName ?? ''} 于 ${fullTime(y.savedAt)} 录入`}
          </Text>
        </View>
      ))}

      {view.canEdit && draft ? (
        <View className='card calendar__editor'>
          <Text className='calendar__title'>录入或修改</Text>
          <ChipRow>
            {c.choices.map((year) => (
              <Chip key={year} selected={draft.year === year} onTap={() => c.pick(year)}>
                {`${year}年`}
              </Chip>
            ))}
          </ChipRow>
          <Text className='muted calendar__hint'>
            {draft.version === 0 ? `${draft.year}年还没有安排，保存后即为第 1 版。` : `正在修改${draft.year}年第 ${draft.version} 版，保存后为第 ${draft.version + 1} 版，旧版留档。`}
          </Text>
          <Text className='calendar__label'>放假日期（含周末），每行一个日期或一段，如 2027-02-06至2027-02-13</Text>
          <TextArea value={draft.holidays} onChange={(v) => c.edit({ holidays: v })} placeholder='放假日期' autoSize />
          <Text className='calendar__label'>调休上班日（周六或周日）</Text>
          <TextArea value={draft.makeupWorkdays} onChange={(v) => c.edit({ makeupWorkdays: v })} placeholder='调休上班日' autoSize />
          <Text className='calendar__label'>依据（通知名称与日期）</Text>
          <Input value={draft.basis} onChange={(v) => c.edit({ basis: v })} placeholder='如：国务院办公厅关于2027年部分节假日安排的通知' maxLength={200} />
          {c.error ? <Text className='error-text calendar__error'>{c.error}</Text> : null}
          {c.problems.map((p) => (
            <Text className='error-text calendar__problem' key={p}>
              {`· ${p}`}
            </Text>
          ))}
          <Button type='primary' size='large' block loading={c.saving} disabled={c.saving} onClick={() => void c.save()}>
            {`保存${draft.year}年安排`}
          </Button>
        </View>
      ) : (
        <Text className='muted calendar__hint'>节假日安排由区管理员统一录入；如发现有误，请联系区管理员。</Text>
      )}
    </View>
  );
}
