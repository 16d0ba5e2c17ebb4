import { useMemo, useState } from 'react';
import type { GridTreeNode } from '../../core/directory/grid';
import type { TargetPickerProps } from '../components/target-picker';
import { placeTree } from '../services/place-tree';
import { findTown, searchTargets, targetLeaves } from '../services/target-tree';

/** The resident's words for the shared picker (components/target-picker.tsx). */
export const PLACE_PICKER_TEXTS = {
  search: '搜索村（社区）或经济社名称',
  picked: '已选：',
  none: '还没有选择村（社区）',
  walk: '按村（社区）逐级选择',
  title: '选择村（社区）和经济社',
  missing: '村（社区）名单没有取到，点此重试。',
};

/**
 * The village → cooperative picker of the report page, limited to ONE town (the located one, else the one
 * the map shows): a search by name and a Cascader. `onPick` gets the village and the cooperative (or null).
 */
export function usePlacePicker(opts: {
  roots: readonly GridTreeNode[] | null;
  townId: string | null;
  loading: boolean;
  error: string | null;
  onRetry: () => void;
  label: string | null;
  onPick: (villageId: string, cooperativeId: string | null) => void;
}): TargetPickerProps & { townName: string | null } {
  const town = useMemo(() => (opts.roots && opts.townId ? findTown(opts.roots, opts.townId) : null), [opts.roots, opts.townId]);
  const tree = useMemo(() => (town ? placeTree(town) : { options: [], where: new Map<string, { villageId: string; cooperativeId: string | null }>() }), [town]);
  const leaves = useMemo(() => targetLeaves(tree.options), [tree]);
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState(false);
  return {
    townName: town?.name ?? null,
    options: tree.options,
    loading: opts.loading,
    error: opts.error,
    onRetry: opts.onRetry,
    query,
    onQuery: setQuery,
    results: searchTargets(leaves, query),
    label: opts.label,
    open,
    onOpen: () => setOpen(true),
    onClose: () => setOpen(false),
    onPick: (id: string) => {
      const w = tree.where.get(id);
      if (!w) return;
      setOpen(false);
      setQuery('');
      opts.onPick(w.villageId, w.cooperativeId);
    },
    texts: PLACE_PICKER_TEXTS,
  };
}
