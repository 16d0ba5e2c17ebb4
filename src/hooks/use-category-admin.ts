import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { Category, CategoryKind } from '../../core/model';
import { call } from '../services/api';
import { useAdminTown } from './use-admin-town';
import { useOneAction } from './use-one-action';
import { useResource } from './use-resource';

/** One category's form: numbers as typed (blank keeps the kind's default clock). */
export interface CategoryDraft {
  name: string;
  kind: CategoryKind;
  ackHours: string;
  resolveDays: string;
  enabled: boolean;
  /** The town office that joins as co-handler (牵头职能办), picked from the town's offices; null: none. */
  leadOfficeCode: string | null;
}

const draftOf = (c: Category): CategoryDraft => ({ name: c.name, kind: c.kind, ackHours: c.ackHours === null ? '' : String(c.ackHours), resolveDays: c.resolveDays === null ? '' : String(c.resolveDays), enabled: c.enabled, leadOfficeCode: c.leadOfficeCode });
const numberOrNull = (s: string): number | null => (s.trim() === '' ? null : Number(s.trim()));

/** 诉求类别 (issue 19): a town's categories with their SLA overrides; a district admin picks the town first. */
export function useCategoryAdmin() {
  const { base, townId, setTownId, named } = useAdminTown();
  const list = useResource(() => call('category/list', { townId: townId ?? undefined, all: true }), { skip: townId === null, key: townId ?? '' });
  const [drafts, setDrafts] = useState<Record<string, CategoryDraft>>({});
  const action = useOneAction();

  const draft = (c: Category) => drafts[c.code] ?? draftOf(c);
  const edit = (c: Category, change: Partial<CategoryDraft>) => setDrafts((d) => ({ ...d, [c.code]: { ...draft(c), ...change } }));
  const save = (c: Category) =>
    action.run(`save:${c.code}`, async () => {
      const d = draft(c);
      await call('category/save', {
        townId: named(),
        code: c.code,
        name: d.name,
        kind: d.kind,
        leadOfficeCode: d.leadOfficeCode,
        ackHours: numberOrNull(d.ackHours),
        resolveDays: numberOrNull(d.resolveDays),
        enabled: d.enabled,
      });
      setDrafts((all) => Object.fromEntries(Object.entries(all).filter(([k]) => k !== c.code)));
      await list.reload();
      await Taro.showToast({ title: '已保存', icon: 'success' });
    });

  return { base, townId, setTownId, list, draft, edit, save, goTemplates: () => Taro.navigateTo({ url: '/staff/pages/templates/index' }), ...action };
}
