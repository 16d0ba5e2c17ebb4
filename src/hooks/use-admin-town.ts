import { useEffect, useState } from 'react';
import { placesUnder } from '../services/admin-places';
import { call } from '../services/api';
import { useResource } from './use-resource';

/**
 * The town an admin's page works on: a town admin's own, or the one a district admin picks (the first by
 * default). `named()` is the townId to send: a district admin names it, a town admin's own is implied.
 */
export function useAdminTown() {
  const base = useResource(async () => {
    const [me, tree] = await Promise.all([call('me/profile', {}), call('grid/tree', {})]);
    return { me, towns: placesUnder(tree.nodes, me.nodeId, ['town']) };
  });
  const [townId, setTownId] = useState<string | null>(null);
  useEffect(() => {
    if (townId === null && base.data?.towns[0]) setTownId(base.data.towns[0].id);
  }, [base.data, townId]);
  const named = (): string | undefined => (base.data && base.data.towns.length > 1 ? townId ?? undefined : undefined);
  return { base, townId, setTownId, named };
}
