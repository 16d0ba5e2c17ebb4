import { ERROR_CODES } from '../../core/errors';
import { ERROR_TEXT_CODES, errorText } from './error-text';

describe('error texts', () => {
  it('give every backend error code its own Chinese text', () => {
    for (const code of Object.keys(ERROR_CODES)) {
      expect([code, ERROR_TEXT_CODES.includes(code)]).toEqual([code, true]);
      expect(errorText(code)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it('fall back to a generic Chinese text for an unknown code', () => {
    expect(errorText('NO.SUCH_CODE')).toMatch(/请稍后再试/);
  });
});
