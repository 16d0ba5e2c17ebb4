import { LIMITS } from '../../core/schemas';
import { DESCRIPTION_MAX, DESCRIPTION_MIN, DESCRIPTION_SHORT_TEXT } from './description-limits';
import { errorText } from './error-text';
import { AppError } from '../../core/errors';

describe('the report form’s description limits', () => {
  it('are the backend’s, so the form refuses exactly what concern/submit refuses', () => {
    expect([DESCRIPTION_MIN, DESCRIPTION_MAX]).toEqual([LIMITS.descriptionMin, LIMITS.descriptionMax]);
  });

  it('explain a too-short description the same way whether the form or the backend caught it', () => {
    expect(errorText(new AppError('CONCERN.DESCRIPTION_TOO_SHORT', 'short'))).toBe(DESCRIPTION_SHORT_TEXT);
    expect(DESCRIPTION_SHORT_TEXT).toContain(`至少写 ${LIMITS.descriptionMin} 个字`);
  });
});
