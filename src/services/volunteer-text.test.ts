import { LIMITS } from '../../core/schemas';
import { EVENT_REVIEW_TEXT, TEAM_NOTE_MAX } from './volunteer-text';

describe('volunteer texts of the mini program', () => {
  it('cap the application note where the backend does', () => {
    expect(TEAM_NOTE_MAX).toBe(LIMITS.teamNoteMax);
  });

  it.each(Object.entries(EVENT_REVIEW_TEXT))('explain the %s review state to the leader in Chinese', (_state, t) => {
    expect(t.tag).toMatch(/[\u4e00-\u9fa5]/);
    expect(t.explain).toMatch(/居民/);
  });
});
