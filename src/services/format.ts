import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';
import { BEIJING_OFFSET_MS } from '../../core/beijing';
import type { RouteView } from '../../core/views';

dayjs.extend(utc);
dayjs.locale('zh-cn');

/** Asia/Shanghai is UTC+8 all year (no DST), so a fixed offset is exact and needs no tz database. */
const SHANGHAI_OFFSET_MINUTES = BEIJING_OFFSET_MS / 60_000;

function shanghai(iso: string) {
  return dayjs(iso).utcOffset(SHANGHAI_OFFSET_MINUTES);
}

/** e.g. `03-18 14:05`, in Beijing time whatever the phone's zone. */
export function shortTime(iso: string): string {
  const d = shanghai(iso);
  return d.isValid() ? d.format('MM-DD HH:mm') : '';
}

/** The Beijing calendar day of an instant, YYYY-MM-DD. */
export function beijingDay(at: Date): string {
  return dayjs(at.toISOString()).utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD');
}

/** e.g. `2025-03-18 14:05`. */
export function fullTime(iso: string): string {
  const d = shanghai(iso);
  return d.isValid() ? d.format('YYYY-MM-DD HH:mm') : '';
}

/** The committee a concern was routed to, e.g. `东岳村 · 第二网格`. */
export function routedCommittee(route: RouteView): string {
  const unit = route.cooperativeName ?? route.villageName ?? route.townName;
  return route.gridName ? `${unit} · ${route.gridName}` : unit;
}

/** Shortens text to `max` characters (by code point), adding an ellipsis. */
export function truncate(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max ? text : `${chars.slice(0, max).join('')}…`;
}

/** How a due time reads in a list: `今天 14:00 前`, `12-01 18:00 前`, or `已超期`. */
export function dueText(dueAt: string | null, overdue: boolean, now: Date = new Date()): string | null {
  if (dueAt === null) return overdue ? '曾超期' : null;
  if (Date.parse(dueAt) < now.getTime()) return '已超期';
  const d = shanghai(dueAt);
  const today = dayjs(now.toISOString()).utcOffset(SHANGHAI_OFFSET_MINUTES).format('YYYY-MM-DD');
  return d.format('YYYY-MM-DD') === today ? `今天 ${d.format('HH:mm')} 前` : `${d.format('MM-DD HH:mm')} 前`;
}

/** A rate as a whole percentage, or a dash without data. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${Math.round(rate * 100)}%`;
}
