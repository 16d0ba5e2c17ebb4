import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { beijingDate as beijingDateOf, beijingInstant as beijingInstantOf, beijingW3c } from '../../core/beijing';
import { call } from '../services/api';
import { errorText } from '../services/error-text';
import { LIMITS } from '../../core/limits';

export const TITLE_MAX = LIMITS.eventTitleMax;
export const DESCRIPTION_MAX = LIMITS.eventDescriptionMax;
export const PLACE_MAX = LIMITS.eventPlaceMax;

/** `YYYY-MM-DD` of the Beijing date `days` from now. */
function beijingDate(days: number): string {
  return beijingDateOf(new Date(Date.now() + days * 86_400_000));
}

/** A Beijing date and time (UTC+8 all year) as an ISO 8601 instant with its offset. */
export function beijingInstant(date: string, time: string): string {
  return beijingW3c(beijingInstantOf(date, time));
}

export interface EventForm {
  title: string;
  description: string;
  place: string;
  date: string;
  startTime: string;
  endTime: string;
  deadlineDate: string;
  deadlineTime: string;
  capacity: string;
  waitlist: boolean;
  openTo: 'members' | 'all';
}

/**
 * The leader's form to start an event for their team (`?teamId=`); with `&actionId=` (issue 20) it schedules
 * that volunteer action handed to the team, the form filled from the action's place and description.
 */
export function useCreateEvent() {
  const params = useRouter().params;
  const teamId = params.teamId ?? '';
  const actionId = params.actionId ?? '';
  const [form, setForm] = useState<EventForm>({
    title: '',
    description: '',
    place: '',
    date: beijingDate(1),
    startTime: '09:00',
    endTime: '11:00',
    // An hour before the start by default: a fixed evening hour today would already be past late at night.
    deadlineDate: beijingDate(1),
    deadlineTime: '08:00',
    capacity: '20',
    waitlist: true,
    openTo: 'members',
  });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [actionTitle, setActionTitle] = useState<string | null>(null);

  useEffect(() => {
    if (!actionId) return;
    call('team/get', { id: teamId }).then(
      (t) => {
        const a = t.actions.find((x) => x.id === actionId);
        if (!a) return setError('没有找到这次志愿行动，可能已安排或已取消。');
        setActionTitle(a.title);
        setForm((f) => ({ ...f, title: f.title || a.title, place: f.place || a.place, description: f.description || a.description }));
      },
      (e: unknown) => setError(errorText(e)),
    );
  }, [teamId, actionId]);

  const set = <K extends keyof EventForm>(key: K, value: EventForm[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setError(null);
  };

  const check = (): string | null => {
    if (!form.title.trim()) return '请填写活动名称。';
    if (!form.place.trim()) return '请填写集合地点。';
    const n = Number(form.capacity);
    if (!Number.isInteger(n) || n < 1 || n > 1000) return '名额请填 1 到 1000 之间的整数。';
    if (form.endTime <= form.startTime) return '结束时间要晚于开始时间。';
    return null;
  };

  const submit = async () => {
    if (busy) return;
    const bad = check();
    if (bad) {
      setError(bad);
      return;
    }
    setBusy(true);
    try {
      const e = await call('event/create', {
        teamId,
        title: form.title.trim(),
        description: form.description.trim(),
        place: form.place.trim(),
        startAt: beijingInstant(form.date, form.startTime),
        endAt: beijingInstant(form.date, form.endTime),
        signupDeadline: beijingInstant(form.deadlineDate, form.deadlineTime),
        capacity: Number(form.capacity),
        waitlist: form.waitlist,
        openTo: form.openTo,
        ...(actionId ? { actionId } : {}),
      });
      // Texts the content check held wait for the town's moderator: say so rather than "published".
      void Taro.showToast({ title: e.moderation === 'published' ? '活动已发布' : '已提交审核', icon: e.moderation === 'published' ? 'success' : 'none', duration: 1500 });
      await Taro.redirectTo({ url: `/volunteer/pages/event/index?id=${encodeURIComponent(e.id)}` });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return { teamId, actionId, actionTitle, form, set, error, busy, submit };
}
