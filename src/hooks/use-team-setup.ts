import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { AdminTeamView } from '../../core/directory/roster-views';
import type { TeamKind } from '../../core/volunteers/volunteer-model';
import { placesUnder } from '../services/admin-places';
import { call } from '../services/api';
import { useOneAction } from './use-one-action';
import { useResource } from './use-resource';

/** 志愿队设置 (issue 19): new teams of the town's villages and cooperatives, and their leaders by phone. */
export function useTeamSetup() {
  const base = useResource(async () => {
    const [me, tree, teams] = await Promise.all([call('me/profile', {}), call('grid/tree', {}), call('team/list', { archived: true })]);
    const places = placesUnder(tree.nodes, me.nodeId, ['village', 'cooperative']);
    const ids = new Set(places.map((p) => p.id));
    return { places, teams: teams.items.filter((t) => ids.has(t.nodeId)) };
  });
  const [form, setForm] = useState({ nodeId: '', name: '', kind: 'party_service' as TeamKind, description: '' });
  const [phones, setPhones] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState<Record<string, AdminTeamView>>({});
  const action = useOneAction();

  const create = () =>
    action.run('create', async () => {
      const team = await call('team/create', form);
      setSaved((s) => ({ ...s, [team.id]: team }));
      setForm({ nodeId: '', name: '', kind: 'party_service', description: '' });
      await base.reload();
      await Taro.showToast({ title: '已新建', icon: 'success' });
    });

  const saveLeaders = (teamId: string) =>
    action.run(`leaders:${teamId}`, async () => {
      const list = (phones[teamId] ?? '').split(/[\s,，、]+/).filter((p) => p.length > 0);
      const team = await call('team/saveLeaders', { teamId, phones: list });
      setSaved((s) => ({ ...s, [teamId]: team }));
      await Taro.showToast({ title: '已保存', icon: 'success' });
    });

  // 撤销 after confirming: the team's coming events are called off and everyone signed up is told.
  const archive = (teamId: string, name: string) =>
    action.run(`archive:${teamId}`, async () => {
      const answer = await Taro.showModal({ title: `撤销${name}？`, content: '撤销后不再接受入队申请和新活动，尚未开始的活动将取消并通知已报名的人；队员的服务记录和时长保留。', confirmText: '确认撤销', cancelText: '再想想' });
      if (!answer.confirm) return;
      const out = await call('team/archive', { teamId });
      await base.reload();
      await Taro.showToast({ title: out.cancelledEvents.length > 0 ? `已撤销，取消${out.cancelledEvents.length}场活动` : '已撤销', icon: 'none' });
    });

  return { base, form, archive, setForm, create, phones, setPhone: (teamId: string, v: string) => setPhones((p) => ({ ...p, [teamId]: v })), saveLeaders, saved, ...action };
}
