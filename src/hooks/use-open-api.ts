import Taro from '@tarojs/taro';
import { useState } from 'react';
import { placesUnder } from '../services/admin-places';
import { call } from '../services/api';
import { useOneAction } from './use-one-action';
import { useResource } from './use-resource';

export interface OpenApiForm {
  name: string;
  source: '12345' | 'open311';
  reads: 'own' | 'scope';
  townIds: string[];
  requestsPerMinute: string;
  postsPerHour: string;
}

const EMPTY: OpenApiForm = { name: '', source: 'open311', reads: 'own', townIds: [], requestsPerMinute: '', postsPerHour: '' };

/** 开放接口 (issue 19): the Open311 clients of the admin's towns; a new one's key is shown once, here. */
export function useOpenApi() {
  const base = useResource(async () => {
    const [me, tree, clients] = await Promise.all([call('me/profile', {}), call('grid/tree', {}), call('apiClient/list', {})]);
    return { towns: placesUnder(tree.nodes, me.nodeId, ['town']), clients: clients.items };
  });
  const [form, setForm] = useState<OpenApiForm>(EMPTY);
  /** The key of the client just created: shown once, gone when the page is left. */
  const [newKey, setNewKey] = useState<{ name: string; key: string } | null>(null);
  const action = useOneAction();

  const toggleTown = (id: string) => setForm((f) => ({ ...f, townIds: f.townIds.includes(id) ? f.townIds.filter((t) => t !== id) : [...f.townIds, id] }));

  const create = () =>
    action.run('create', async () => {
      const towns = base.data?.towns ?? [];
      const townIds = form.townIds.length > 0 ? form.townIds : towns.length === 1 ? [towns[0].id] : [];
      const made = await call('apiClient/create', {
        name: form.name,
        source: form.source,
        reads: form.reads,
        townIds,
        // Left blank: the server's default budget.
        requestsPerMinute: form.requestsPerMinute ? Number(form.requestsPerMinute) : undefined,
        postsPerHour: form.postsPerHour ? Number(form.postsPerHour) : undefined,
      });
      setNewKey({ name: made.client.name, key: made.key });
      setForm(EMPTY);
      await base.reload();
    });

  const revoke = (id: string, name: string) =>
    action.run(`revoke:${id}`, async () => {
      const { confirm } = await Taro.showModal({ title: '吊销接口', content: `确定吊销“${name}”？吊销后它的密钥立即失效，无法恢复；已提交的诉求保留。`, confirmText: '吊销', cancelText: '再想想' });
      if (!confirm) return;
      await call('apiClient/revoke', { id });
      await base.reload();
      await Taro.showToast({ title: '已吊销', icon: 'success' });
    });

  const copyKey = async () => {
    if (newKey) await Taro.setClipboardData({ data: newKey.key });
  };

  return { base, form, setForm, toggleTown, create, revoke, newKey, copyKey, ...action };
}
