/**
 * What every town starts with (issue 19): its town offices and its categories. The demo towns are seeded
 * with them, and a town a district admin creates in the app gets them, so it takes reports at once; the
 * town's admin changes them on 诉求类别 afterwards.
 */
import type { Category, CategoryKind, Office } from '../model';

export const TOWN_OFFICE_KINDS: ReadonlyArray<readonly [code: string, name: string]> = [
  ['enforcement', '综合执法办'],
  ['environment', '人居环境办'],
  ['emergency', '应急办'],
  ['stability', '综治信访维稳办'],
];

/** Default categories of every town; a town may change them. Kinds pick the 12345 resolve clock. */
export const DEFAULT_CATEGORIES: ReadonlyArray<readonly [code: string, name: string, kind: CategoryKind, lead: string | null]> = [
  ['environment', '人居环境/环境卫生', 'complaint', 'environment'],
  ['illegal_building', '违建/两违', 'report', 'enforcement'],
  ['public_space', '公共空间', 'suggest', null],
  ['parking', '停车', 'complaint', 'enforcement'],
  ['waste_sorting', '垃圾分类', 'suggest', 'environment'],
  ['fire_safety', '消防安全', 'report', 'emergency'],
  ['dispute', '矛盾纠纷/信访', 'help', 'stability'],
  ['road', '道路设施', 'help', null],
  ['other', '其他', 'consult', null],
];

/** A town's offices (ids `<town>-<code>`, named after the town) and default categories. */
export function townDefaults(townId: string, townName: string): { offices: Office[]; categories: Category[] } {
  return {
    offices: TOWN_OFFICE_KINDS.map(([code, name]) => ({ id: `${townId}-${code}`, townId, code, name: `${townName}${name}` })),
    categories: DEFAULT_CATEGORIES.map(([code, name, kind, lead]) => ({ townId, code, name, kind, leadOfficeCode: lead, ackHours: null, resolveDays: null, enabled: true })),
  };
}
