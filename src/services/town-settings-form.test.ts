import type { TownSettingsView } from '../../core/directory/town-settings-service';
import { TOWN_WORK_LIMITS } from '../../core/directory/town-work-model';
import { draftOf, FORM_LIMITS, inputOf, minuteText, parseTime } from './town-settings-form';

const view = (stored: TownSettingsView['stored']): TownSettingsView => {
  const defaults = { dayStartMinute: 540, dayEndMinute: 1080, checkinMarginMinutes: 30, reminderLeadMinutes: 1440 };
  return { townId: 'danzao', publicBoard: true, ...defaults, stored, defaults };
};

describe('the town settings form', () => {
  it('checks the bounds the server checks', () => {
    expect(FORM_LIMITS).toEqual({ minuteOfDayMax: TOWN_WORK_LIMITS.minuteOfDayMax, checkinMarginMax: TOWN_WORK_LIMITS.checkinMarginMax, reminderLeadMax: TOWN_WORK_LIMITS.reminderLeadMax });
  });

  it('reads times as 时:分 and a blank field as the default', () => {
    expect([parseTime('8:30'), parseTime('08:30'), parseTime('17：45'), parseTime(' '), parseTime('24:00')]).toEqual([510, 510, 1065, null, 1440]);
    expect([parseTime('8.30'), parseTime('25:00'), parseTime('08:60'), parseTime('830')]).toEqual([undefined, undefined, undefined, undefined]);
    expect([minuteText(510), minuteText(0), minuteText(1080)]).toEqual(['08:30', '00:00', '18:00']);
  });

  it('shows what the town stored, leaving defaults blank, and sends it back as it was', () => {
    const v = view({ dayStartMinute: 510, dayEndMinute: null, checkinMarginMinutes: 15, reminderLeadMinutes: null });
    const d = draftOf(v);
    expect(d).toEqual({ publicBoard: true, dayStart: '08:30', dayEnd: '', checkinMargin: '15', reminderLead: '' });
    expect(inputOf(d)).toEqual({ ok: true, input: { publicBoard: true, dayStartMinute: 510, dayEndMinute: null, checkinMarginMinutes: 15, reminderLeadMinutes: null } });
  });

  it('names the first bad field in Chinese', () => {
    const d = draftOf(view({ dayStartMinute: null, dayEndMinute: null, checkinMarginMinutes: null, reminderLeadMinutes: null }));
    expect(inputOf({ ...d, dayEnd: '六点' })).toEqual({ ok: false, problem: expect.stringContaining('下班时间') });
    expect(inputOf({ ...d, checkinMargin: '999' })).toEqual({ ok: false, problem: expect.stringContaining('签到') });
    expect(inputOf({ ...d, reminderLead: '-5' })).toEqual({ ok: false, problem: expect.stringContaining('活动提醒') });
  });
});
