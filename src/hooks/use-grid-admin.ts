import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { BoundaryPreview } from '../../core/admin/grid-admin-views';
import type { NodeKind } from '../../core/model';
import { CHILD_KIND_CHOICES, flattenTree, type TreeRow } from '../services/grid-rows';
import { call } from '../services/api';
import { useOneAction } from './use-one-action';
import { useResource } from './use-resource';

/**
 * 网格管理 (issue 19): the tree under the admin's node; the selected node renamed or retired, a child added;
 * a boundary file pasted (or chosen), previewed on a map, then applied with the import.
 */
export function useGridAdmin() {
  const base = useResource(async () => {
    const [me, tree] = await Promise.all([call('me/profile', {}), call('grid/tree', {})]);
    return { rootId: me.nodeId, rows: flattenTree(tree.nodes, me.nodeId) };
  });
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [edit, setEdit] = useState({ name: '', code: '' });
  const [child, setChild] = useState<{ name: string; kind: NodeKind | null }>({ name: '', kind: null });
  const [confirmRetire, setConfirmRetire] = useState(false);
  const [geojson, setGeojson] = useState('');
  const [preview, setPreview] = useState<BoundaryPreview | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const action = useOneAction();
  const rows = base.data?.rows ?? [];
  const selected: TreeRow | undefined = rows.find((r) => r.id === selectedId) ?? rows[0];
  const kinds = selected ? CHILD_KIND_CHOICES[selected.kind] : [];

  const select = (row: TreeRow) => {
    setSelectedId(row.id);
    setEdit({ name: row.name, code: row.code ?? '' });
    setChild({ name: '', kind: null });
    setConfirmRetire(false);
    setNotice(null);
  };

  const rename = () =>
    action.run('rename', async () => {
      if (!selected) return;
      const saved = await call('node/save', { id: selected.id, name: edit.name.trim(), code: edit.code.trim() === '' ? null : edit.code.trim() });
      await base.reload();
      setNotice(`已保存：${saved.node.name}`);
    });

  const addChild = () =>
    action.run('add', async () => {
      if (!selected) return;
      const kind = child.kind ?? kinds[0]?.kind;
      const saved = await call('node/save', { parentId: selected.id, name: child.name.trim(), ...(kind && selected.kind !== 'district' ? { kind: kind as 'village' | 'cooperative' | 'grid' } : {}) });
      setChild({ name: '', kind: null });
      await base.reload();
      setNotice(`已添加：${saved.placeName}${saved.node.kind === 'grid' ? ` · ${saved.node.name}` : ''}`);
    });

  const retire = () =>
    action.run('retire', async () => {
      if (!selected) return;
      if (!confirmRetire) return setConfirmRetire(true);
      const saved = await call('node/retire', { id: selected.id });
      setConfirmRetire(false);
      await base.reload();
      setNotice(`已撤销：${saved.node.name}。新的诉求不再分到这里，已有的诉求照常办理。`);
    });

  /** The pasted file as a JSON object, or null (and the admin told why). */
  const parsed = (): Record<string, unknown> | null => {
    try {
      const v = JSON.parse(geojson) as unknown;
      if (v && typeof v === 'object' && !Array.isArray(v)) return v as Record<string, unknown>;
    } catch {
      // Not JSON: said below, in Chinese.
    }
    action.setActionError('文件内容不是有效的 GeoJSON（JSON 格式），请检查后重新粘贴。');
    return null;
  };

  const runPreview = () => {
    const file = parsed();
    if (!file) return Promise.resolve();
    return action.run('preview', async () => {
      setPreview(null);
      setPreview(await call('grid/previewBoundaries', { geojson: file }));
    });
  };

  const apply = () => {
    const file = parsed();
    if (!file) return Promise.resolve();
    return action.run('apply', async () => {
      const done = await call('grid/importBoundaries', { geojson: file });
      setPreview(null);
      setGeojson('');
      await base.reload();
      setNotice(`已应用：${done.boundaries} 个边界${done.nodesCreated > 0 ? `，新建 ${done.nodesCreated} 个节点` : ''}`);
      await Taro.showToast({ title: '已应用', icon: 'success' });
    });
  };

  return { base, rows, selected, select, edit, setEdit, rename, child, setChild, kinds, addChild, confirmRetire, retire, geojson, setGeojson, preview, runPreview, apply, notice, ...action };
}
