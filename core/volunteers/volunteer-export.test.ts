import { exportCsv } from './volunteer-export';
import type { Ctx } from './volunteer-common';

jest.mock('./volunteer-common', () => ({
  getEvent: async () => ({ id: 'v1', title: '河涌清洁', startAt: '2025-05-03T01:00:00.000Z' }),
  requireRecordKeeper: async () => undefined,
}));
const rowOf = (name: string) => ({ name, partyMember: false, status: 'signed', checkInAt: null, checkOutAt: null, computedMinutes: 0, note: 'ok', confirmedMinutes: null });
const NAMES = ['=SUM(A1)', '+1', '-1', '@x', '\tx', '\rx', '陈阿姨'];
jest.mock('./volunteer-attendance', () => ({ attendance: async () => ({ rows: NAMES.map(rowOf) }) }));

describe('the volunteer hours export', () => {
  it('neutralises a name starting with = + - @, a tab or a CR, so no cell runs as a formula', async () => {
    const { csv, filename } = await exportCsv({} as Ctx, { id: 'v1' });
    expect(filename).toBe('河涌清洁-2025-05-03-签到工时.csv');
    const cells = csv.split('\r\n').slice(1, -1).map((l) => l.slice(0, l.indexOf(',否')));
    expect(cells).toEqual(["'=SUM(A1)", "'+1", "'-1", "'@x", "'\tx", '"\'\rx"', '陈阿姨']);
  });
});
