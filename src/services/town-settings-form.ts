/**
 * The town settings form (issue 19, item 4): times of day typed as 时:分, margins in minutes; a blank
 * field keeps the deployment's default (sent as null). Pure, shared by the page and its test.
 */
import type { TownSettingsView } from '../../core/directory/town-settings-service';

/** The bounds of town/saveSettings (core/directory/town-work-model.ts TOWN_WORK_LIMITS; the mini program takes only types from core/, the test checks they agree). */
export const FORM_LIMITS = { minuteOfDayMax: 24 * 60, checkinMarginMax: 240, reminderLeadMax: 7 * 24 * 60 } as const;

export interface TownSettingsDraft {
  publicBoard: boolean;
  dayStart: string;
  dayEnd: string;
  checkinMargin: string;
  reminderLead: string;
}

export interface TownSettingsInput {
  publicBoard: boolean;
  dayStartMinute: number | null;
  dayEndMinute: number | null;
  checkinMarginMinutes: number | null;
  reminderLeadMinutes: number | null;
}

/** 540 → 「09:00」. */
export function minuteText(minute: number): string {
  const h = Math.floor(minute / 60);
  const m = minute % 60;
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
}

export function draftOf(v: TownSettingsView): TownSettingsDraft {
  const s = v.stored;
  return {
    publicBoard: v.publicBoard,
    dayStart: s.dayStartMinute === null ? '' : minuteText(s.dayStartMinute),
    dayEnd: s.dayEndMinute === null ? '' : minuteText(s.dayEndMinute),
    checkinMargin: s.checkinMarginMinutes === null ? '' : String(s.checkinMarginMinutes),
    reminderLead: s.reminderLeadMinutes === null ? '' : String(s.reminderLeadMinutes),
  };
}

/** 「8:30」 or 「08:30」 (a full-width colon too) → 510; blank → null; anything else → undefined. */
export function parseTime(text: string): number | null | undefined {
  const t = text.trim().replace('：', ':');
  if (t === '') return null;
  const m = /^(\d{1,2}):(\d{2})$/.exec(t);
  if (!m) return undefined;
  const minute = Number(m[1]) * 60 + Number(m[2]);
  return Number(m[2]) < 60 && minute <= FORM_LIMITS.minuteOfDayMax ? minute : undefined;
}

function parseMinutes(text: string, max: number): number | null | undefined {
  const t = text.trim();
  if (t === '') return null;
  if (!/^\d{1,5}$/.test(t)) return undefined;
  const n = Number(t);
  return n <= max ? n : undefined;
}

/** The input of town/saveSettings, or the first problem in Chinese. */
export function inputOf(d: TownSettingsDraft): { ok: true; input: TownSettingsInput } | { ok: false; problem: string } {
  const dayStartMinute = parseTime(d.dayStart);
  const dayEndMinute = parseTime(d.dayEnd);
  if (dayStartMinute === undefined) return { ok: false, problem: '上班时间请按“时:分”填写，例如 08:30' };
  if (dayEndMinute === undefined) return { ok: false, problem: '下班时间请按“时:分”填写，例如 17:30' };
  const checkinMarginMinutes = parseMinutes(d.checkinMargin, FORM_LIMITS.checkinMarginMax);
  if (checkinMarginMinutes === undefined) return { ok: false, problem: `签到时间窗请填 0 到 ${FORM_LIMITS.checkinMarginMax} 之间的分钟数` };
  const reminderLeadMinutes = parseMinutes(d.reminderLead, FORM_LIMITS.reminderLeadMax);
  if (reminderLeadMinutes === undefined) return { ok: false, problem: `活动提醒请填 0 到 ${FORM_LIMITS.reminderLeadMax} 之间的分钟数` };
  return { ok: true, input: { publicBoard: d.publicBoard, dayStartMinute, dayEndMinute, checkinMarginMinutes, reminderLeadMinutes } };
}
