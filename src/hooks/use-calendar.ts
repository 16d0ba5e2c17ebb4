import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { CalendarView, CalendarYearView } from '../../core/views';
import { call, isApiError } from '../services/api';
import { formatDates, parseDates } from '../services/calendar-input';
import { errorText } from '../services/error-text';
import { useResource } from './use-resource';

export interface CalendarDraft {
  year: number;
  holidays: string;
  makeupWorkdays: string;
  basis: string;
  /** The version the draft was started from (0: the year has no list yet). */
  version: number;
}

function draftOf(year: number, stored: CalendarYearView | undefined): CalendarDraft {
  return stored
    ? { year, holidays: formatDates(stored.holidays), makeupWorkdays: formatDates(stored.makeupWorkdays), basis: stored.basis, version: stored.version }
    : { year, holidays: '', makeupWorkdays: '', basis: '', version: 0 };
}

/** The years an admin can pick: every stored one, the missing ones, and the year after the last. */
export function yearChoices(view: CalendarView): number[] {
  const stored = view.years.map((y) => y.year);
  const last = Math.max(...stored, ...view.missing, 0);
  return [...new Set([...stored, ...view.missing, last + 1])].filter((y) => y > 0).sort((a, b) => a - b);
}

/** The problems the backend found, one a line (CALENDAR.INVALID carries them in `details`). */
function problemsOf(e: unknown): string[] {
  const details = isApiError(e) ? e.details : undefined;
  if (!Array.isArray(details)) return [];
  return details.flatMap((d) => (d && typeof (d as { message?: unknown }).message === 'string' ? [(d as { message: string }).message] : []));
}

/**
 * 节假日安排: every admin sees the stored years and which are missing; a district admin picks a year
 * (a missing one first), types its dates from the State Council notice and saves it as a new version.
 */
export function useCalendar() {
  const view = useResource(() => call('calendar/list', {}));
  const [draft, setDraft] = useState<CalendarDraft | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  const data = view.data;
  const stored = (year: number) => data?.years.find((y) => y.year === year);
  // Until the admin picks a year, the draft is the first missing year (or the year after the last).
  const shown: CalendarDraft | null = draft ?? (data ? draftOf(data.missing[0] ?? yearChoices(data).at(-1) ?? 0, undefined) : null);

  const pick = (year: number) => {
    setDraft(draftOf(year, stored(year)));
    setError(null);
    setProblems([]);
  };
  const edit = (patch: Partial<Omit<CalendarDraft, 'year' | 'version'>>) => shown && setDraft({ ...shown, ...patch });

  async function save() {
    if (!shown) return;
    const holidays = parseDates(shown.holidays);
    const makeup = parseDates(shown.makeupWorkdays);
    const unreadable = [...holidays.unreadable, ...makeup.unreadable];
    if (unreadable.length > 0) {
      setError('有日期看不懂，请按“2027-02-06”或“2027-02-06至2027-02-13”的格式填写：');
      setProblems(unreadable);
      return;
    }
    setSaving(true);
    setError(null);
    setProblems([]);
    try {
      const out = await call('calendar/save', { year: shown.year, holidays: holidays.dates, makeupWorkdays: makeup.dates, basis: shown.basis, expectedVersion: shown.version });
      const saved = out.years.find((y) => y.year === shown.year);
      setDraft(draftOf(shown.year, saved));
      await view.reload();
      await Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (e) {
      setError(errorText(e));
      setProblems(problemsOf(e));
    } finally {
      setSaving(false);
    }
  }

  return { view, draft: shown, choices: data ? yearChoices(data) : [], stored, pick, edit, save, saving, error, problems };
}
