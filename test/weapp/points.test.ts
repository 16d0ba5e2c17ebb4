/**
 * The points pages as built for WeChat (issue 20): 我的积分 lists the balance and each line of the history,
 * 积分兑换 redeems a reward and shows its code big, and 积分核销 scans a code with the camera (wx.scanCode)
 * to hand the item over, then reverses it with a reason.
 */
import { closePage, fire, has, installHost, launchApp, renderPage, setCloudHandler, tapText, until } from './harness';

installHost();
jest.setTimeout(20_000);

const AT = '2026-11-26T03:00:00.000Z';
const DAGUO = 'dz-xicheng-daguo';
const settings = { nodeId: DAGUO, placeName: '西城社区 · 大果经济社', enabled: true, publicRanking: true, pointsPerHour: 10, pointsPerReport: 2 };
const bag = { id: 'rw-1', nodeId: DAGUO, townId: 'danzao', name: '环保袋', points: 20, stock: 5, active: true, updatedAt: AT };
const redemption = { id: 'rd-1', code: '12345678', rewardName: '环保袋', placeName: settings.placeName, points: 20, status: 'pending', at: AT, handedAt: null, personName: null, reverseReason: null };

let recent: unknown[] = [];
const calls: Array<{ action: string; data: unknown }> = [];
setCloudHandler(({ data }) => {
  calls.push({ action: data.action, data: data.data });
  switch (data.action) {
    case 'me/profile':
      return { ok: true, data: { openid: 'o-staff', name: '黄社长', role: 'staff', nodeId: DAGUO, nodeName: '大果经济社', photoFolder: 'p' } };
    case 'points/mine':
      return {
        ok: true,
        data: {
          balances: [{ nodeId: DAGUO, placeName: settings.placeName, balance: 21, earned: 21 }],
          history: [
            { id: 'pc_1', kind: 'report', points: 2, note: '反映问题已办结', at: AT, placeName: settings.placeName },
            { id: 'ph_1', kind: 'hours', points: 19, note: '人居环境整治：大果经济社', at: AT, placeName: settings.placeName },
          ],
          redemptions: [],
        },
      };
    case 'volunteer/mine':
      return { ok: true, data: { personalQr: 'q', personalQrExpiresAt: AT, teams: [], upcoming: [], history: [], totalConfirmedMinutes: 118 } };
    case 'reward/list':
      return { ok: true, data: { settings, items: [bag], ranking: [{ name: '陈阿姨', earned: 21 }], canManage: false, myBalance: 21 } };
    case 'reward/redeem':
      return { ok: true, data: redemption };
    case 'reward/recent':
      return { ok: true, data: { items: recent } };
    case 'reward/handOver':
      recent = [{ ...redemption, status: 'handed', handedAt: AT, personName: '陈阿姨' }];
      return { ok: true, data: recent[0] };
    case 'reward/reverse':
      recent = [{ ...redemption, status: 'reversed', handedAt: AT, personName: '陈阿姨', reverseReason: '物品有破损' }];
      return { ok: true, data: recent[0] };
    default:
      return { ok: false, code: 'ACTION.UNKNOWN', message: data.action };
  }
});

const scans: unknown[] = [];
beforeAll(() => {
  // The camera answers with the resident's code (installed before the app, which wraps the host's APIs).
  Object.assign((globalThis as unknown as { wx: Record<string, unknown> }).wx, {
    scanCode: (opts: { success?: (r: unknown) => void; complete?: () => void }) => {
      scans.push(opts);
      opts.success?.({ result: redemption.code, scanType: 'QR_CODE', errMsg: 'scanCode:ok' });
      opts.complete?.();
    },
  });
  launchApp();
});

test('我的积分 shows the balance and one line per entry, and 积分兑换 shows the redemption code big', async () => {
  const mine = renderPage('volunteer/pages/points/index');
  await until(() => has(mine, '21 分'), 'the balance');
  expect(has(mine, '志愿服务：人居环境整治：大果经济社')).toBe(true);
  expect(has(mine, '+19 分')).toBe(true);
  expect(has(mine, '反映问题：反映问题已办结')).toBe(true);
  expect(has(mine, '+2 分')).toBe(true);
  closePage(mine);

  const rewards = renderPage('volunteer/pages/rewards/index', { nodeId: DAGUO });
  await until(() => has(rewards, '20 分 · 剩余 5 件'), 'the reward');
  expect(has(rewards, '1. 陈阿姨')).toBe(true);
  tapText(rewards, '兑换');
  await until(() => has(rewards, '兑换成功：环保袋'), 'the redemption');
  expect(has(rewards, '12345678')).toBe(true);
  expect(calls.find((c) => c.action === 'reward/redeem')?.data).toEqual({ rewardId: 'rw-1' });
  closePage(rewards);
});

test('积分核销 scans the code with the camera, then reverses with a reason', async () => {
  const page = renderPage('staff/pages/redeem/index');
  await until(() => has(page, '扫兑换码'), 'the scan button');
  tapText(page, '扫兑换码');
  await until(() => has(page, '已核销：陈阿姨 领取 环保袋'), 'the hand-over');
  expect(scans).toHaveLength(1);
  expect(calls.find((c) => c.action === 'reward/handOver')?.data).toEqual({ nodeId: DAGUO, code: '12345678' });
  tapText(page, '撤销核销');
  await until(() => has(page, '请填写撤销原因。'), 'the reason asked for');
  expect(calls.some((c) => c.action === 'reward/reverse')).toBe(false);
  fire(page.querySelector('wx-textarea') as Element, 'input', { value: '物品有破损', cursor: 5 });
  await new Promise((r) => setTimeout(r, 20));
  tapText(page, '撤销核销');
  await until(() => has(page, '撤销原因：物品有破损'), 'the reversal');
  expect(calls.find((c) => c.action === 'reward/reverse')?.data).toEqual({ id: 'rd-1', reason: '物品有破损' });
  closePage(page);
});
