/**
 * 节假日安排 as built for WeChat: home warns every admin of a year without a holiday list; the page in the
 * staff subpackage shows the stored years; a district admin types a year from the notice (spans and all)
 * and sees what the backend refused, line by line.
 */
import { findByText, fire, has, installHost, launchApp, navigations, renderPage, setCloudHandler, tapText, until } from './harness';

installHost();

const YEARS = [
  { year: 2025, holidays: ['2025-01-01'], makeupWorkdays: [], basis: '国务院办公厅关于2025年部分节假日安排的通知（2024年11月12日）', version: 1, source: 'builtin', savedAt: '2024-11-11T16:00:00.000Z', savedByName: null },
  { year: 2026, holidays: ['2026-01-01', '2026-01-02', '2026-01-03'], makeupWorkdays: ['2026-01-04'], basis: '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）', version: 1, source: 'builtin', savedAt: '2025-11-03T16:00:00.000Z', savedByName: null },
];

const years: unknown[] = [...YEARS];
let canEdit = false;
let missing = [2027];
const saves: unknown[] = [];
let refuse = false;
setCloudHandler(({ data }) => {
  const input = (data.data ?? {}) as Record<string, unknown>;
  switch (data.action) {
    case 'me/profile':
      return { ok: true, data: { openid: 'o-admin', name: canEdit ? '区管理员' : '镇管理员', role: 'admin', nodeId: 'n1', nodeName: canEdit ? '南海区' : '丹灶镇' } };
    case 'message/list':
      return { ok: true, data: { items: [], nextCursor: null, unread: 0 } };
    case 'moderation/list':
      return { ok: true, data: { items: [] } };
    case 'concern/inboxCounts':
      return { ok: true, data: { dueToday: 0, overdue: 0, toAccept: 0, toDispatch: null } };
    case 'calendar/list':
      return { ok: true, data: { years, missing, canEdit } };
    case 'calendar/save':
      saves.push(input);
      if (refuse) return { ok: false, code: 'CALENDAR.INVALID', message: 'x', details: [{ field: 'makeupWorkdays', message: '2027-02-17 不是周末，调休上班日应为周六或周日' }] };
      missing = [];
      years.push({ ...input, version: 1, source: 'admin', savedAt: '2026-12-02T02:00:00.000Z', savedByName: '区管理员' });
      return { ok: true, data: { years, missing, canEdit } };
    default:
      return { ok: false, code: 'ACTION.UNKNOWN', message: data.action };
  }
});

beforeAll(() => {
  launchApp();
});

test('home warns a town admin of the missing year and leads to the calendar, which they may read but not edit', async () => {
  const home = renderPage('pages/index/index');
  await until(() => has(home, '2027年节假日安排尚未录入'), 'the calendar warning');
  expect(home.textContent).toContain('请提醒区管理员录入国务院办公厅公布的安排');
  tapText(home, '查看节假日安排');
  await until(() => navigations().includes('navigateTo /staff/pages/calendar/index'), 'the calendar page to open');

  const page = renderPage('staff/pages/calendar/index');
  await until(() => has(page, '2026年'), 'the stored years');
  expect(has(page, '2027年的节假日安排尚未录入')).toBe(true);
  expect(has(page, '放假 3 天，调休上班 1 天')).toBe(true);
  expect(has(page, '系统内置（第 1 版）')).toBe(true);
  expect(has(page, '节假日安排由区管理员统一录入；如发现有误，请联系区管理员。')).toBe(true);
  expect(findByText(page, '保存2027年安排')).toHaveLength(0);
});

test('a district admin enters 2027 from the notice: spans are read, refusals are listed, and the warning goes', async () => {
  canEdit = true;
  const page = renderPage('staff/pages/calendar/index');
  await until(() => has(page, '保存2027年安排'), 'the editor, on the missing year');
  expect(has(page, '2027年还没有安排，保存后即为第 1 版。')).toBe(true);
  const [holidays, makeup] = Array.from(page.querySelectorAll('wx-textarea'));
  fire(holidays, 'input', { value: '2027-01-01\n2027-02-06至2027-02-08', cursor: 0 });
  fire(makeup, 'input', { value: '2027-2-17', cursor: 0 });
  fire(page.querySelector('wx-input') as Element, 'input', { value: '国务院办公厅关于2027年部分节假日安排的通知', cursor: 0 });

  refuse = true;
  tapText(page, '保存2027年安排');
  await until(() => has(page, '· 2027-02-17 不是周末，调休上班日应为周六或周日'), 'the refusal, line by line');
  expect(saves[0]).toEqual({ year: 2027, holidays: ['2027-01-01', '2027-02-06', '2027-02-07', '2027-02-08'], makeupWorkdays: ['2027-02-17'], basis: '国务院办公厅关于2027年部分节假日安排的通知', expectedVersion: 0 });

  refuse = false;
  fire(makeup, 'input', { value: '2027-02-20', cursor: 0 });
  tapText(page, '保存2027年安排');
  await until(() => has(page, '正在修改2027年第 1 版，保存后为第 2 版，旧版留档。'), 'the saved version');
  expect(saves[1]).toMatchObject({ makeupWorkdays: ['2027-02-20'], expectedVersion: 0 });
  expect(has(page, '2027年的节假日安排尚未录入')).toBe(false);
  expect(has(page, '放假 4 天，调休上班 1 天')).toBe(true);

  const home = renderPage('pages/index/index');
  await until(() => has(home, '节假日安排'), 'the admin entry on home');
  expect(has(home, '2027年节假日安排尚未录入')).toBe(false);
});
