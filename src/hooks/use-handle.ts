import { useMemo, useState } from 'react';
import { call } from '../services/api';
import { findTown, searchTargets, targetLeaves, targetTree, type TargetOption } from '../services/target-tree';
import { type DetailOptions, useConcernDetail } from './use-concern-detail';
import { useRestoreHandleDraft, writeHandleDraft } from './use-handle-draft';
import { useResource } from './use-resource';

/**
 * Staff handling page: the same detail plus every move the lifecycle allows the caller — accept, reply,
 * resolve, and the route changes (派单, 转派, 退回, 上报) with a target picker — a village → cooperative → grid
 * tree of the concern's town without the node holding it now, searchable by name; and the
 * town's quick replies for the concern's category, which fill the reply and 办结 boxes with one tap.
 */
export function useHandle(opts: DetailOptions = {}) {
  const d = useConcernDetail(opts);
  // The unsent reply, kept per concern on this device until it is sent (issue 16, item 5).
  const setReplyText = (t: string) => {
    d.setReplyText(t);
    writeHandleDraft(d.id, t);
  };
  useRestoreHandleDraft(d.id, d.replyText, d.setReplyText);
  const [moreOpen, setMoreOpen] = useState(false);
  const [moreMove, setMoreMove] = useState<RerouteMove | null>(null);
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
  const sent = (ok: boolean) => {
    if (ok) writeHandleDraft(d.id, '');
  };
  return {
    ...d,
    setReplyText,
    reply: async () => sent(await d.reply()),
    /** 办结 with the one composer's text and photos. */
    resolve: async () => sent(await d.resolve(true)),
    /** The 更多 sheet: 转派 / 退回 / 上报 (and 派单), each with its reason, off the common path. */
    more: {
      open: moreOpen,
      move: moreMove,
      moves: REROUTE_MOVES.filter((m) => d.can(m)),
      onOpen: (move: RerouteMove | null = null) => {
        setMoreMove(move);
        setMoreOpen(true);
      },
      onPick: (move: RerouteMove | null) => setMoreMove(move),
      onClose: () => setMoreOpen(false),
    },
    quickReplies,
    quickRepliesError: templates.error,
    reloadQuickReplies: () => void templates.reload(),
    /** A template fills the box; what is already typed is kept, the template goes after it. */
    pickReply: (t: string) => setReplyText(joinText(d.replyText, t)),
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

export type RerouteMove = 'dispatch' | 'transfer' | 'return' | 'escalate';
const REROUTE_MOVES: readonly RerouteMove[] = ['dispatch', 'transfer', 'return', 'escalate'];

function joinText(typed: string, template: string): string {
  const t = typed.trimEnd();
  return t.length === 0 ? template : `${t}\n${template}`;
}
