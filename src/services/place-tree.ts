/**
 * The resident's village → cooperative picker (the report page): the options of ONE town for a NutUI
 * Cascader and its search, built on the staff target picker's tree helpers. Grids are not places a
 * resident picks; a village with cooperatives can be picked on its own (不清楚经济社).
 */
import type { GridTreeNode } from '../../core/directory/grid';
import type { TargetOption } from './target-tree';

/** The text of a village's own option when it has cooperatives. */
export const VILLAGE_ONLY = '不清楚经济社';

export interface PlaceTree {
  options: TargetOption[];
  /** Each pickable id, as the village and the cooperative (or null) it stands for. */
  where: Map<string, { villageId: string; cooperativeId: string | null }>;
}

export function placeTree(town: GridTreeNode): PlaceTree {
  const where = new Map<string, { villageId: string; cooperativeId: string | null }>();
  const options = town.children
    .filter((v) => v.kind === 'village')
    .map((v): TargetOption => {
      where.set(v.id, { villageId: v.id, cooperativeId: null });
      const coops = v.children.filter((c) => c.kind === 'cooperative');
      if (coops.length === 0) return { text: v.name, value: v.id };
      for (const c of coops) where.set(c.id, { villageId: v.id, cooperativeId: c.id });
      return { text: v.name, value: `v:${v.id}`, children: [{ text: VILLAGE_ONLY, value: v.id }, ...coops.map((c) => ({ text: c.name, value: c.id }))] };
    });
  return { options, where };
}
