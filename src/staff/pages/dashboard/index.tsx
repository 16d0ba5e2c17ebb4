import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { Chip, ChipRow } from '../../../components/chip';
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state';
import { useDashboard, type ExportFormat, type ExportKind } from '../../../hooks/use-dashboard';
import { percent } from '../../../services/format';
import type { RateRow } from '../../../../core/views';
import type { VolunteerMonthRow } from '../../../../core/volunteers/action-stats';
import { useElderClass } from '../../../hooks/use-elder';
import { PrivacyGate } from '../../../components/privacy-gate';
import { ShareFileButton } from '../../../components/share-file';
import './index.scss';

const BARS: Array<{ key: 'responseRate' | 'resolveRate' | 'satisfactionRate'; label: string; hint: (r: RateRow) => string }> = [
  { key: 'responseRate', label: '响应率', hint: (r) => `${r.respondedInTime}/${r.responseDecided} 按时签收` },
  { key: 'resolveRate', label: '解决率', hint: (r) => `${r.resolved}/${r.total} 已办结` },
  { key: 'satisfactionRate', label: '满意率', hint: (r) => `${r.satisfied}/${r.rated} 满意或基本满意` },
];

const EXPORTS: Array<{ kind: ExportKind; format: ExportFormat; label: string }> = [
  { kind: 'concerns', format: 'xlsx', label: '诉求明细（Excel）' },
  { kind: 'concerns', format: 'csv', label: '诉求明细（CSV）' },
  { kind: 'rates', format: 'xlsx', label: '办理统计（Excel）' },
  { kind: 'rates', format: 'csv', label: '办理统计（CSV）' },
];

function RateBars({ row }: { row: RateRow }) {
  return (
    <View className='dash__bars'>
      {BARS.map((b) => (
        <View key={b.key} className='dash__bar-row'>
          <Text className='dash__bar-label'>{b.label}</Text>
          <View className='dash__bar-track'>
            <View className={`dash__bar dash__bar--${b.key}`} style={{ width: `${Math.round((row[b.key] ?? 0) * 100)}%` }} />
          </View>
          <Text className='dash__bar-value'>{percent(row[b.key])}</Text>
          <Text className='dash__bar-hint'>{b.hint(row)}</Text>
        </View>
      ))}
    </View>
  );
}

/** The row's counts: concerns there now, those it passed on (转出) when any, and the overdue ones. */
function counted(r: RateRow): string {
  return `${r.total} 件${r.passedOn > 0 ? ` · 转出 ${r.passedOn} 件` : ''} · 超期 ${r.overdue} 件`;
}

/** Issue 20, item 6: per village, the month's volunteer actions from concerns, what they resolved, hours and points. */
function VolunteerNumbers({ rows }: { rows: VolunteerMonthRow[] }) {
  return (
    <View className='card dash__volunteer' aria-label='志愿服务统计'>
      <View className='dash__head'>
        <Text className='dash__name'>志愿服务</Text>
      </View>
      {rows.map((r) => (
        <View key={r.villageId} className='dash__volunteer-row'>
          <Text className='dash__volunteer-name'>{r.villageName}</Text>
          <Text className='dash__volunteer-figures'>
            {`志愿行动（由诉求发起）${r.actionsStarted} 次 · 经志愿行动办结 ${r.concernsResolvedByAction} 件 · 服务时长 ${hoursText(r.volunteerMinutes)} 小时 · 积分发放 ${r.pointsEarned} · 积分兑换 ${r.pointsRedeemed}`}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** Minutes as hours with one decimal, as the export gives them. */
function hoursText(minutes: number): string {
  return (Math.round(minutes / 6) / 10).toString();
}

export default function DashboardPage() {
  const elder = useElderClass();
  const d = useDashboard();
  if (d.rates.loading && !d.rates.data) return <LoadingState />;
  if (d.rates.error || !d.rates.data) return <ErrorState message={d.rates.error ?? '没有取到统计，请点“重试”。'} onRetry={() => void d.rates.reload()} />;
  const [own, ...children] = d.rows;
  return (
    <View className={`page dash${elder}`}>
      <PrivacyGate />
      <Text className='section-title'>{d.rates.data.node.name} · 按月统计</Text>
      <ChipRow>
        {d.rates.data.months.map((m) => (
          <Chip key={m} selected={m === d.month} onTap={() => d.setMonth(m)}>
            {m}
          </Chip>
        ))}
      </ChipRow>
      {own ? null : <EmptyState text='这个月还没有可统计的诉求。可以点上方其他月份查看。' />}
      {own ? (
        <View className='card dash__own'>
          <View className='dash__head'>
            <Text className='dash__name'>{own.name}（合计）</Text>
            <Text className='dash__count'>
              {counted(own)}
            </Text>
          </View>
          {own.total === 0 ? <Text className='muted'>{own.passedOn > 0 ? '本月经手的诉求都已转出。' : '本月没有诉求。'}</Text> : <RateBars row={own} />}
        </View>
      ) : null}
      {children.map((r) => (
        <View key={`${r.nodeId}-${r.kind}`} className='card'>
          <View className='dash__head'>
            <Text className='dash__name'>{r.name}</Text>
            <Text className={`dash__count${r.overdue > 0 ? ' dash__count--late' : ''}`}>
              {counted(r)}
            </Text>
          </View>
          <RateBars row={r} />
        </View>
      ))}
      {d.volunteerRows.length > 0 ? <VolunteerNumbers rows={d.volunteerRows} /> : null}
      <View className='card dash__export'>
        <View className='dash__head'>
          <Text className='dash__name'>导出报表</Text>
        </View>
        <Text className='muted'>诉求明细按所选月份导出（不含居民姓名和电话）；办理统计导出近{d.rates.data.months.length}个月。</Text>
        <View className='dash__export-buttons'>
          {EXPORTS.map((x) => (
            <Button
              key={`${x.kind}-${x.format}`}
              size='small'
              fill='outline'
              loading={d.busy === `${x.kind}-${x.format}`}
              disabled={d.busy !== null}
              onClick={() => void d.exportFile(x.kind, x.format)}
            >
              {x.label}
            </Button>
          ))}
        </View>
        {d.ready ? <ShareFileButton file={d.ready} onDone={d.clearReady} /> : null}
        {d.exportError ? <Text className='error-text'>{d.exportError}</Text> : null}
      </View>
      <Text className='muted dash__note'>按村（社区）、经济社、网格统计，不对个人排名。响应率：在签收时限内签收的比例；满意率：居民评价为满意或基本满意的比例。转出：本单位经手后转派、上报或退回的诉求，记在本单位，诉求本身计入现在办理的单位。</Text>
    </View>
  );
}
