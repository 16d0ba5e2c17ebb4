import { LIMITS } from '../../core/schemas';
import { EVENT_REVIEW_TEXT, TEAM_NOTE_MAX, mySignUpText, signupBlockedText } from './volunteer-text';

describe('volunteer texts of the mini program', () => {
  it('cap the application note where the backend does', () => {
    expect(TEAM_NOTE_MAX).toBe(LIMITS.teamNoteMax);
  });

  it.each(Object.entries(EVENT_REVIEW_TEXT))('explain the %s review state to the leader in Chinese', (_state, t) => {
    expect(t.tag).toMatch(/[\u4e00-\u9fa5]/);
    expect(t.explain).toMatch(/居民/);
  });
});

describe('the caller’s place in an event (issue 17)', () => {
  const e = { myStatus: 'signed' as const, myConfirmedMinutes: null, myCheckInAt: null };
  it('reads 已参加 once they checked in or had hours confirmed, not 已报名 for ever', () => {
    expect(mySignUpText(e)).toBe('已报名');
    expect(mySignUpText({ ...e, myCheckInAt: '2026-12-01T01:00:00.000Z' })).toBe('已参加');
    expect(mySignUpText({ ...e, myConfirmedMinutes: 90 })).toBe('已参加');
    expect(mySignUpText({ ...e, myStatus: 'waitlisted' })).toBe('候补中');
    expect(mySignUpText({ ...e, myStatus: 'cancelled' })).toBeNull();
  });

  it('does not tell a person whose application waits to apply again', () => {
    const fallback = (code: string) => `text of ${code}`;
    const blocked = { teamName: '大果志愿队', signupBlocked: 'EVENT.MEMBERS_ONLY' };
    expect(signupBlockedText({ ...blocked, myMembership: null }, fallback)).toBe('text of EVENT.MEMBERS_ONLY');
    expect(signupBlockedText({ ...blocked, myMembership: 'pending' }, fallback)).toBe('这个活动只面向本队队员。您已申请加入大果志愿队，队长同意后就可以报名了。');
    expect(signupBlockedText({ ...blocked, signupBlocked: null, myMembership: 'pending' }, fallback)).toBeNull();
  });
});
