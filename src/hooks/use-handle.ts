import { useMemo, useState } from 'react';
import { call } from '../services/api';
import { findTown, searchTargets, targetLeaves, targetTree, type TargetOption } from '../services/target-tree';
import { useConcernDetail } from './use-concern-detail';
import { useResource } from './use-resource';

/**
 * Staff handling page: the same detail plus every move the lifecycle allows the caller — accept, reply,
 * resolve, and the route changes (派单, 转派, 退回, 上报) with a target picker — a village → cooperative → grid
 * tree of the concern's town without the node holding it now, searchable by name; and the
 * town's quick replies for the concern's category, which fill the reply and 办结 boxes with one tap.
 */
export function useHandle() {
  const d = useConcernDetail();
  const picks = d.can('transfer') || d.can('dispatch');
  const tree = useResource(() => call('grid/tree', {}), { skip: !picks, key: picks ? 'tree' : '' });
  const route = d.concern.data?.route ?? null;
  const townId = route?.townId ?? null;
  const currentId = route ? route.gridId ?? route.cooperativeId ?? route.villageId : null;
  const options: TargetOption[] = useMemo(() => {
    const town = tree.data && townId ? findTown(tree.data.nodes, townId) : null;
    return town ? targetTree(town, currentId) : [];
  }, [tree.data, townId, currentId]);
  const leaves = useMemo(() => targetLeaves(options), [options]);
  const [query, setQuery] = useState('');
  const [pickerOpen, setPickerOpen] = useState(false);
  // Quick replies (常用回复) of the concern's category, set by the town admin; a help, so a failure only hides them.
  const writes = d.can('reply') || d.can('resolve');
  const templates = useResource(() => call('town/replyTemplates', townId ? { townId } : {}), { skip: !writes || !townId, key: writes && townId ? townId : '' });
  const category = d.concern.data?.category ?? '';
  const quickReplies = templates.data?.templates[category] ?? [];
  return {
    ...d,
    quickReplies,
    quickRepliesError: templates.error,
    reloadQuickReplies: () => void templates.reload(),
    /** A template fills the box; what is already typed is kept, the template goes after it. */
    pickReply: (t: string) => d.setReplyText(joinText(d.replyText, t)),
    pickResolve: (t: string) => d.setResolveText(joinText(d.resolveText, t)),
    /** The 转派 / 派单 target picker's state and handlers (components/target-picker.tsx). */
    picker: {
      options,
      loading: picks && tree.loading,
      error: tree.error,
      onRetry: () => void tree.reload(),
      query,
      onQuery: setQuery,
      results: searchTargets(leaves, query),
      /** What is picked, with its whole path, e.g. `新安社区 / 新安第一经济社 / 新安第一网格`. */
      label: leaves.find((l) => l.id === d.targetId)?.label ?? null,
      open: pickerOpen,
      onOpen: () => setPickerOpen(true),
      onClose: () => setPickerOpen(false),
      onPick: (id: string) => {
        d.setTargetId(id);
        setPickerOpen(false);
        setQuery('');
      },
    },
  };
}

function joinText(typed: string, template: string): string {
  const t = typed.trimEnd();
  return t.length === 0 ? template : `${t}\n${template}`;
}
