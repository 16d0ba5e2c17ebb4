import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { call } from '../services/api';
import { errorText } from '../services/error-text';
import { useResource } from './use-resource';
import { LIMITS } from '../../core/limits';

/** Limits of `town/setReplyTemplates` (core/schemas.ts LIMITS.templatesMax / templateMax). */
export const TEMPLATES_MAX = LIMITS.templatesMax;
export const TEMPLATE_MAX = LIMITS.templateMax;

/**
 * The town admin's 常用回复设置: the town's quick replies per category. One category is edited at a time;
 * its list is saved whole (blank lines dropped; an empty list removes the category's replies).
 */
export function useTemplates() {
  const town = useResource(async () => {
    const t = await call('town/replyTemplates', {});
    const cats = await call('category/list', { townId: t.townId });
    return { ...t, categories: cats.items };
  });
  const [saved, setSaved] = useState<Record<string, string[]> | null>(null);
  const templates = saved ?? town.data?.templates ?? {};
  const [category, setCategory] = useState<string | null>(null);
  const [draft, setDraft] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  // The first category is chosen once the list arrives.
  useEffect(() => {
    const first = town.data?.categories[0];
    if (category === null && first) {
      setCategory(first.code);
      setDraft(town.data?.templates[first.code] ?? []);
    }
  }, [town.data, category]);

  const pick = (code: string) => {
    setCategory(code);
    setDraft(templates[code] ?? []);
    setError(null);
  };

  async function save() {
    if (!town.data || category === null) return;
    const list = draft.map((t) => t.trim()).filter((t) => t.length > 0);
    const tooLong = list.findIndex((t) => [...t].length > TEMPLATE_MAX);
    if (tooLong >= 0) {
      setError(`第 ${tooLong + 1} 条超过 ${TEMPLATE_MAX} 字，请精简后再保存。`);
      return;
    }
    setSaving(true);
    setError(null);
    try {
      const out = await call('town/setReplyTemplates', { townId: town.data.townId, category, templates: list });
      setSaved(out.templates);
      setDraft(out.templates[category] ?? []);
      await Taro.showToast({ title: '已保存', icon: 'success' });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setSaving(false);
    }
  }

  return {
    town,
    categories: town.data?.categories ?? [],
    category,
    pick,
    draft,
    canAdd: draft.length < TEMPLATES_MAX,
    add: () => setDraft((d) => (d.length < TEMPLATES_MAX ? [...d, ''] : d)),
    edit: (i: number, text: string) => setDraft((d) => d.map((t, j) => (j === i ? text : t))),
    remove: (i: number) => setDraft((d) => d.filter((_, j) => j !== i)),
    saving,
    error,
    save,
  };
}
