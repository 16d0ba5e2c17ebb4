import { ERROR_CODES } from '../../core/errors';
import { ApiError } from './api-error';
import { ERROR_TEXT_CODES, errorText } from './error-text';

describe('error texts', () => {
  it('give every backend error code its own Chinese text', () => {
    for (const code of Object.keys(ERROR_CODES)) {
      expect([code, ERROR_TEXT_CODES.includes(code)]).toEqual([code, true]);
      expect(errorText(code)).toMatch(/[\u4e00-\u9fff]/);
    }
  });

  it("say why the content check refused a text, and fall back to the code's text for an unknown reason", () => {
    expect(errorText(new ApiError('CONTENT.RISKY', 'refused', { label: 'ad' }))).toBe('内容含有广告或引流信息，没有提交（已填写的内容还在）。请修改相关词句后再提交。');
    expect(errorText(new ApiError('CONTENT.RISKY', 'refused', { label: 'something_new' }))).toBe(errorText('CONTENT.RISKY'));
    expect(errorText(new ApiError('CONTENT.RISKY', 'refused'))).toMatch(/没有提交/);
  });

  it('tell a person taken off the roster why a staff action is refused', () => {
    expect(errorText(new ApiError('AUTH.FORBIDDEN', 'removed', { removed: true }))).toMatch(/^账号已被移出名单/);
    expect(errorText(new ApiError('AUTH.FORBIDDEN', 'resident'))).toBe(errorText('AUTH.FORBIDDEN'));
  });

  it('fall back to a generic Chinese text for an unknown code', () => {
    expect(errorText('NO.SUCH_CODE')).toMatch(/请稍后再试/);
  });
});
