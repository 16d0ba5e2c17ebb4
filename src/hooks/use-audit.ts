import { useState } from 'react';
import type { AuditPersonView } from '../../core/views';
import { call } from '../services/api';
import { usePagedList } from './use-paged-list';

const PAGE_SIZE = 20;

/** 操作记录's filters; null shows everything. */
export interface AuditFilters {
  actor: string | null;
  action: string | null;
  /** A Beijing day, YYYY-MM-DD. */
  day: string | null;
}

/**
 * The town admin's 操作记录: the audit log of staff and admin actions in their town, newest first, narrowed
 * on the server by person, action and day (issue 16, item 8), with the town's people to pick from.
 */
export function useAudit() {
  const [filters, setFilters] = useState<AuditFilters>({ actor: null, action: null, day: null });
  const [people, setPeople] = useState<AuditPersonView[]>([]);
  const list = usePagedList(
    (cursor) =>
      call('audit/list', {
        limit: PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
        ...(filters.actor ? { actor: filters.actor } : {}),
        ...(filters.action ? { action: filters.action } : {}),
        ...(filters.day ? { day: filters.day } : {}),
      }).then((page) => {
        setPeople(page.people);
        return page;
      }),
    `${filters.actor ?? ''}/${filters.action ?? ''}/${filters.day ?? ''}`,
  );
  /** Picking the chosen value again clears that filter. */
  const toggle = (field: keyof AuditFilters, value: string | null) => setFilters((f) => ({ ...f, [field]: f[field] === value ? null : value }));
  return {
    ...list,
    filters,
    people,
    filtered: filters.actor !== null || filters.action !== null || filters.day !== null,
    pickActor: (openid: string | null) => toggle('actor', openid),
    pickAction: (action: string | null) => toggle('action', action),
    pickDay: (day: string | null) => toggle('day', day),
    clear: () => setFilters({ actor: null, action: null, day: null }),
  };
}
