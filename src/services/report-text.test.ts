import { REPORT_REASONS } from '../../core/trust/report-model';
import { REPORT_REASON_LIST } from './report-text';

describe('举报 reasons', () => {
  it('list every reason the backend takes, once each, in Chinese, within the 6 items of an action sheet', () => {
    expect(REPORT_REASON_LIST.map((r) => r.reason).sort()).toEqual([...REPORT_REASONS].sort());
    expect(REPORT_REASON_LIST.length).toBeLessThanOrEqual(6);
    for (const r of REPORT_REASON_LIST) expect(r.text).toMatch(/^[\u4e00-\u9fff]+$/);
  });
});
