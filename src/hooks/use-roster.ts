import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { RosterRemoval } from '../../core/directory/roster-views';
import { placesUnder } from '../services/admin-places';
import { call } from '../services/api';
import { useOneAction } from './use-one-action';
import { useResource } from './use-resource';

export type RosterRole = 'staff' | 'office' | 'admin';

/** An office a 职能办人员 serves in, labelled with its town for a district admin. */
export interface OfficeChoice {
  id: string;
  label: string;
}

/**
 * 人员名单 (issue 19): the town's (district's) people, searched on the server; one person added or edited
 * at a time (grid staff and admins at a place, office staff at one of the town's offices); a removal asks first and then lists the open concerns of the place the person served.
 */
export function useRoster() {
  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState('');
  const base = useResource(async () => {
    const [me, tree] = await Promise.all([call('me/profile', {}), call('grid/tree', {})]);
    const towns = placesUnder(tree.nodes, me.nodeId, ['town']);
    // The offices of the admin's town (a district admin: of each town), as the category page names them.
    const lists = await Promise.all(towns.map((t) => call('category/list', { townId: t.id, all: true })));
    const offices: OfficeChoice[] = towns.flatMap((t, i) =>
      (lists[i].offices ?? []).map((o) => ({ id: o.id, label: towns.length > 1 ? `${t.label} · ${o.name}` : o.name })),
    );
    return { me, places: placesUnder(tree.nodes, me.nodeId, ['district', 'town', 'village', 'cooperative', 'grid']), offices };
  });
  const roster = useResource(() => call('roster/list', searched ? { query: searched } : {}), { key: searched });
  const [form, setForm] = useState({ name: '', phone: '', role: 'staff' as RosterRole, nodeId: '' });
  const [removal, setRemoval] = useState<RosterRemoval | null>(null);
  const action = useOneAction();

  const save = () =>
    action.run('save', async () => {
      await call('roster/save', { name: form.name, phone: form.phone.trim(), role: form.role, nodeId: form.nodeId });
      setForm({ name: '', phone: '', role: 'staff', nodeId: '' });
      await roster.reload();
      await Taro.showToast({ title: '已保存', icon: 'success' });
    });

  const remove = (openid: string, name: string) =>
    action.run(`remove:${openid}`, async () => {
      const ok = await Taro.showModal({ title: '移除人员', content: `确定把${name}移出名单？移除后其下一次操作起即不能再办理诉求，办理记录保留。` });
      if (!ok.confirm) return;
      setRemoval(await call('roster/remove', { openid }));
      await roster.reload();
    });

  const dropPending = (phone: string) =>
    action.run(`pending:${phone}`, async () => {
      await call('roster/remove', { phone });
      await roster.reload();
    });

  return { base, roster, query, setQuery, search: () => setSearched(query.trim()), form, setForm, save, remove, dropPending, removal, ...action };
}
