import { useMemo, useState } from 'react';
import { call } from '../services/api';
import { useConcernDetail } from './use-concern-detail';
import { groupVillages, type VillageOption } from './use-report';
import { useResource } from './use-resource';

/**
 * Staff handling page: the same detail plus every move the lifecycle allows the caller — accept, reply,
 * resolve, and the route changes (派单, 转派, 退回, 上报) with a node picker limited to the concern's town; and the
 * town's quick replies for the concern's category, which fill the reply and 办结 boxes with one tap.
 */
export function useHandle() {
  const d = useConcernDetail();
  const picks = d.can('transfer') || d.can('dispatch');
  const tree = useResource(() => call('grid/tree', {}), { skip: !picks, key: picks ? 'tree' : '' });
  const townId = d.concern.data?.route.townId ?? null;
  const villages: VillageOption[] = useMemo(
    () => (tree.data ? groupVillages(tree.data.nodes).find((t) => t.townId === townId)?.villages ?? [] : []),
    [tree.data, townId],
  );
  // Quick replies (常用回复) of the concern's category, set by the town admin; a help, so a failure only hides them.
  const writes = d.can('reply') || d.can('resolve');
  const templates = useResource(() => call('town/replyTemplates', townId ? { townId } : {}), { skip: !writes || !townId, key: writes && townId ? townId : '' });
  const category = d.concern.data?.category ?? '';
  const quickReplies = templates.data?.templates[category] ?? [];
  const [villageId, setVillageId] = useState<string | null>(null);
  const village = villages.find((v) => v.id === villageId) ?? null;
  return {
    ...d,
    quickReplies,
    quickRepliesError: templates.error,
    reloadQuickReplies: () => void templates.reload(),
    /** A template fills the box; what is already typed is kept, the template goes after it. */
    pickReply: (t: string) => d.setReplyText(joinText(d.replyText, t)),
    pickResolve: (t: string) => d.setResolveText(joinText(d.resolveText, t)),
    villages,
    village,
    pickVillage: (id: string) => {
      setVillageId(id);
      d.setTargetId(id);
    },
    pickCooperative: (id: string) => d.setTargetId(d.targetId === id ? villageId : id),
  };
}

function joinText(typed: string, template: string): string {
  const t = typed.trimEnd();
  return t.length === 0 ? template : `${t}\n${template}`;
}
