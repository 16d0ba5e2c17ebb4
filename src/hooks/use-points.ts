import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { MyPoints, RedemptionView, RewardList } from '../../core/points/points-service';
import type { Reward } from '../../core/points/points-model';
import type { Profile } from '../../core/views';
import { call } from '../services/api';
import { useOneAction } from './use-one-action';
import { useResource } from './use-resource';
import { LIMITS } from '../../core/limits';

export const REWARD_NAME_MAX = LIMITS.rewardNameMax;
export const REVERSE_REASON_MAX = LIMITS.reasonMax;

/** Reloads a resource when its page is shown again (back from another page) and on pull-down. */
function useRefreshOnShow(reload: () => Promise<void>) {
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void reload();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void reload().finally(() => Taro.stopPullDownRefresh());
  });
}

export const rewardsUrl = (nodeId: string) => `/volunteer/pages/rewards/index?nodeId=${encodeURIComponent(nodeId)}`;

export interface PointsPlace {
  nodeId: string;
  placeName: string;
  balance: number;
}

/**
 * 我的积分: balances per place, the history and the redemptions, and the places whose rewards the resident
 * may look at (where they hold points, and the places of their teams).
 */
export function useMyPoints() {
  const points = useResource<MyPoints>(() => call('points/mine', {}));
  const teams = useResource(() => call('volunteer/mine', {}).then((m) => m.teams));
  useRefreshOnShow(async () => {
    await Promise.all([points.reload(), teams.reload()]);
  });
  const places: PointsPlace[] = [...(points.data?.balances ?? [])];
  for (const t of teams.data ?? []) {
    if (!places.some((p) => p.nodeId === t.nodeId)) places.push({ nodeId: t.nodeId, placeName: t.placeName, balance: 0 });
  }
  return { points, places, goRewards: (nodeId: string) => Taro.navigateTo({ url: rewardsUrl(nodeId) }) };
}

/** 积分兑换 of one place (`?nodeId=`): its rewards, the public ranking when shown, and redeeming. */
export function useRewards() {
  const nodeId = useRouter().params.nodeId ?? '';
  const list = useResource<RewardList>(() => call('reward/list', { nodeId }), { key: nodeId });
  const { busy, actionError, run } = useOneAction();
  const [redeemed, setRedeemed] = useState<RedemptionView | null>(null);
  useRefreshOnShow(list.reload);
  return {
    nodeId,
    list,
    busy,
    actionError,
    redeemed,
    closeRedeemed: () => setRedeemed(null),
    redeem: (rewardId: string) =>
      run(`redeem:${rewardId}`, async () => {
        setRedeemed(await call('reward/redeem', { rewardId }));
        await list.reload();
      }),
  };
}

/** The place a committee member manages points of: their own village or cooperative (a town's admin: the town's rates). */
function useManagedPlace() {
  const profile = useResource<Profile>(() => call('me/profile', {}));
  return { profile, nodeId: useRouter().params.nodeId ?? profile.data?.nodeId ?? '' };
}

export interface RewardDraft {
  id: string | null;
  name: string;
  points: string;
  addStock: string;
  active: boolean;
}

const EMPTY_DRAFT: RewardDraft = { id: null, name: '', points: '', addStock: '', active: true };

function whole(text: string, min: number, max: number): number | null {
  const n = Number(text.trim());
  return text.trim() !== '' && Number.isInteger(n) && n >= min && n <= max ? n : null;
}

/**
 * 积分设置 (committee): points on/off and the public ranking of their place, and its rewards; a town's admin
 * sets the town's rates (points per confirmed hour, per resolved report) on the same page.
 */
export function usePointsSettings() {
  const { profile, nodeId } = useManagedPlace();
  const isTown = profile.data?.role === 'admin' && nodeId === profile.data.nodeId;
  // A town is no place with rewards: reward/list answers for villages and cooperatives only.
  const list = useResource<RewardList>(() => call('reward/list', { nodeId }), { skip: !profile.data || isTown, key: `${nodeId}:${isTown ? 'town' : 'place'}` });
  const { busy, actionError, setActionError, run } = useOneAction();
  const [draft, setDraft] = useState<RewardDraft>(EMPTY_DRAFT);
  const [rates, setRates] = useState<{ perHour: string; perReport: string }>({ perHour: '', perReport: '' });
  // 积分标准 starts from the town's stored rates (the defaults where none were saved), once per town.
  const filled = useRef<string | null>(null);
  useResource(
    () =>
      call('town/pointsSettings', { nodeId }).then((t) => {
        if (filled.current !== nodeId) {
          filled.current = nodeId;
          setRates({ perHour: String(t.pointsPerHour), perReport: String(t.pointsPerReport) });
        }
        return t;
      }),
    { skip: !profile.data || !isTown, key: `${nodeId}:rates` },
  );
  const [formError, setFormError] = useState<string | null>(null);
  const toast = (title: string) => void Taro.showToast({ title, icon: 'success', duration: 1500 });

  const saveSetting = (key: 'enabled' | 'publicRanking', value: boolean) =>
    run(key, async () => {
      await call('village/savePointsSettings', { nodeId, [key]: value });
      toast('已保存');
      await list.reload();
    });

  const saveRates = () => {
    const perHour = whole(rates.perHour, 0, 1000);
    const perReport = whole(rates.perReport, 0, 1000);
    if (perHour === null || perReport === null) {
      setFormError('积分请填 0 到 1000 之间的整数。');
      return Promise.resolve();
    }
    setFormError(null);
    return run('rates', async () => {
      const s = await call('village/savePointsSettings', { nodeId, pointsPerHour: perHour, pointsPerReport: perReport });
      setRates({ perHour: String(s.pointsPerHour), perReport: String(s.pointsPerReport) });
      toast('已保存');
    });
  };

  const saveReward = () => {
    const points = whole(draft.points, 1, 100_000);
    const addStock = whole(draft.addStock === '' ? '0' : draft.addStock, 0, 10_000);
    if (!draft.name.trim()) return setFormError('请填写物品名称。'), Promise.resolve();
    if (points === null) return setFormError('所需积分请填 1 到 100000 之间的整数。'), Promise.resolve();
    if (addStock === null) return setFormError('增加库存请填 0 到 10000 之间的整数。'), Promise.resolve();
    setFormError(null);
    return run('reward', async () => {
      await call('reward/save', { nodeId, ...(draft.id ? { id: draft.id } : {}), name: draft.name.trim(), points, addStock, active: draft.active });
      setDraft(EMPTY_DRAFT);
      toast('已保存');
      await list.reload();
    });
  };

  return {
    profile,
    nodeId,
    isTown,
    list,
    busy,
    actionError,
    setActionError,
    formError,
    draft,
    setDraft: (p: Partial<RewardDraft>) => {
      setDraft((d) => ({ ...d, ...p }));
      setFormError(null);
    },
    edit: (r: Reward) => setDraft({ id: r.id, name: r.name, points: String(r.points), addStock: '', active: r.active }),
    cancelEdit: () => setDraft(EMPTY_DRAFT),
    rates,
    setRates: (p: Partial<{ perHour: string; perReport: string }>) => setRates((r) => ({ ...r, ...p })),
    saveSetting,
    saveRates,
    saveReward,
  };
}

/** Reads a code with the camera; null when the person closed the scanner. */
async function scanCode(): Promise<string | null> {
  try {
    return (await Taro.scanCode({ onlyFromCamera: true })).result;
  } catch {
    return null;
  }
}

/**
 * 积分核销 (committee): a redemption code scanned or typed hands the item over; the place's latest
 * redemptions are listed, each with 撤销 and a reason.
 */
export function useHandOver() {
  const { profile, nodeId } = useManagedPlace();
  const { busy, actionError, setActionError, run } = useOneAction();
  const recent = useResource(() => call('reward/recent', { nodeId }).then((r) => r.items), { skip: !nodeId, key: nodeId });
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const refresh = () => recent.reload();

  const handOver = (raw: string) => {
    const code = raw.replace(/\s+/g, '');
    if (!/^\d{8}$/.test(code)) {
      setActionError('兑换码是 8 位数字，请核对后再输入。');
      return Promise.resolve();
    }
    return run('handOver', async () => {
      setNotice(null);
      const r = await call('reward/handOver', { nodeId, code });
      await refresh();
      setNotice(`已核销：${r.personName ?? ''} 领取 ${r.rewardName}`);
    });
  };

  return {
    profile,
    nodeId,
    busy,
    actionError,
    notice,
    recent,
    reasons,
    setReason: (id: string, text: string) => setReasons((m) => ({ ...m, [id]: text })),
    handOver,
    scan: async () => {
      const code = await scanCode();
      if (code) await handOver(code);
    },
    reverse: (id: string) => {
      const reason = (reasons[id] ?? '').trim();
      if (!reason) {
        setActionError('请填写撤销原因。');
        return Promise.resolve();
      }
      return run(`reverse:${id}`, async () => {
        setNotice(null);
        const r = await call('reward/reverse', { id, reason });
        await refresh();
        setNotice(`已撤销：${r.rewardName}，积分已退回`);
      });
    },
  };
}
