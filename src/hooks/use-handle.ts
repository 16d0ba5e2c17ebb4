import { useMemo, useState } from 'react';
import { call } from '../services/api';
import { useConcernDetail } from './use-concern-detail';
import { groupVillages, type VillageOption } from './use-report';
import { useResource } from './use-resource';

/**
 * Staff handling page: the same detail plus every move the lifecycle allows the caller — accept, reply,
 * resolve, and the route changes (派单, 转派, 退回, 上报) with a node picker limited to the concern's town.
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
  const [villageId, setVillageId] = useState<string | null>(null);
  const village = villages.find((v) => v.id === villageId) ?? null;
  return {
    ...d,
    villages,
    village,
    pickVillage: (id: string) => {
      setVillageId(id);
      d.setTargetId(id);
    },
    pickCooperative: (id: string) => d.setTargetId(d.targetId === id ? villageId : id),
  };
}
