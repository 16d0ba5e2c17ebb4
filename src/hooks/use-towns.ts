import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { TownEntry } from '../../core/admin/grid-admin-views';
import { call } from '../services/api';
import { useOneAction } from './use-one-action';
import { useResource } from './use-resource';

/**
 * 镇街管理 (issue 19): the district admin's towns — a new town, a town renamed, each town's admins
 * appointed by phone and name or removed. A town admin sees their own town, read only.
 */
export function useTowns() {
  const base = useResource(async () => {
    const [me, towns, tree] = await Promise.all([call('me/profile', {}), call('town/list', {}), call('grid/tree', {})]);
    const district = tree.nodes.some((n) => n.id === me.nodeId && n.kind === 'district');
    return { district, towns: towns.items };
  });
  const [form, setForm] = useState({ name: '', code: '' });
  const [names, setNames] = useState<Record<string, string>>({});
  const [appoint, setAppoint] = useState<Record<string, { phone: string; name: string }>>({});
  const [notice, setNotice] = useState<string | null>(null);
  const action = useOneAction();

  const create = () =>
    action.run('create', async () => {
      const saved = await call('town/save', { name: form.name.trim(), ...(form.code.trim() ? { code: form.code.trim() } : {}) });
      setForm({ name: '', code: '' });
      await base.reload();
      setNotice(`已新建：${saved.node.name}（已配好默认诉求类别和职能办）`);
    });

  const rename = (town: TownEntry) =>
    action.run(`rename:${town.id}`, async () => {
      const saved = await call('town/save', { id: town.id, name: (names[town.id] ?? town.name).trim(), code: town.code });
      await base.reload();
      setNotice(`已保存：${saved.node.name}`);
    });

  const saveAdmins = (town: TownEntry, admins: Array<{ phone: string; name: string }>, done: string) =>
    action.run(`admins:${town.id}`, async () => {
      await call('town/saveAdmins', { townId: town.id, admins });
      setAppoint((a) => ({ ...a, [town.id]: { phone: '', name: '' } }));
      await base.reload();
      setNotice(done);
      await Taro.showToast({ title: '已保存', icon: 'success' });
    });

  const kept = (town: TownEntry) => town.admins.filter((a) => a.phone !== null).map((a) => ({ phone: a.phone as string, name: a.name }));
  const addAdmin = (town: TownEntry) => {
    const a = appoint[town.id] ?? { phone: '', name: '' };
    return saveAdmins(town, [...kept(town), { phone: a.phone.trim(), name: a.name.trim() }], `已任命${a.name.trim()}为${town.name}管理员，本人下次进入小程序时生效`);
  };
  const removeAdmin = (town: TownEntry, phone: string, name: string) => saveAdmins(town, kept(town).filter((a) => a.phone !== phone), `已免去${name}的${town.name}管理员`);

  return {
    base,
    form,
    setForm,
    create,
    names,
    setName: (id: string, v: string) => setNames((n) => ({ ...n, [id]: v })),
    rename,
    appoint,
    setAppoint: (id: string, v: { phone: string; name: string }) => setAppoint((a) => ({ ...a, [id]: v })),
    addAdmin,
    removeAdmin,
    notice,
    ...action,
  };
}
