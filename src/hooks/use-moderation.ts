import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ModerationItem } from '../../core/views';
import { call, codeOf } from '../services/api';
import { errorText } from '../services/error-text';
import { heldKindText, subjectLink } from '../services/admin-text';
import { useResource } from './use-resource';

export type Decision = 'publish' | 'reject';

const keyOf = (item: Pick<ModerationItem, 'kind' | 'id'>) => `${item.kind}:${item.id}`;

/**
 * The town admin's 内容审核: the text the content check held in their town, oldest first; 通过 publishes an
 * item, 不通过 (after a confirmation) rejects it. A decided item leaves the list; so does one somebody else
 * decided meanwhile (`MODERATION.NOT_HELD`), with a note saying so. Any other failure keeps the item.
 */
export function useModeration() {
  const list = useResource(() => call('moderation/list', {}));
  const [gone, setGone] = useState<ReadonlySet<string>>(new Set());
  const [busy, setBusy] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [errors, setErrors] = useState<Readonly<Record<string, string>>>({});

  const items = (list.data?.items ?? []).filter((i) => !gone.has(keyOf(i)));

  async function decide(item: ModerationItem, decision: Decision) {
    const key = keyOf(item);
    if (busy) return;
    if (decision === 'reject') {
      const reported = item.reports !== undefined;
      const { confirm } = await Taro.showModal({
        title: reported ? '确定下架？' : '确定不通过？',
        content: reported ? `这条${heldKindText(item.kind)}将不再公开显示，原文仍会保留。` : `这条${heldKindText(item.kind)}将不会公开显示，原文仍会保留。`,
        confirmText: reported ? '下架' : '不通过',
        cancelText: '再想想',
      });
      if (!confirm) return;
    }
    setBusy(key);
    setNotice(null);
    setErrors(({ [key]: _dropped, ...rest }) => rest);
    try {
      await call('moderation/decide', { kind: item.kind, id: item.id, decision });
      setGone((s) => new Set(s).add(key));
      const done = item.reports ? (decision === 'publish' ? '已保留' : '已下架') : decision === 'publish' ? '已通过' : '已设为不通过';
      await Taro.showToast({ title: done, icon: 'success' });
    } catch (e) {
      if (codeOf(e) === 'MODERATION.NOT_HELD') {
        setGone((s) => new Set(s).add(key));
        setNotice(errorText(e));
      } else {
        setErrors((m) => ({ ...m, [key]: errorText(e) }));
      }
    } finally {
      setBusy(null);
    }
  }

  return {
    list,
    items,
    keyOf,
    busy,
    notice,
    errors,
    decide,
    reload: async () => {
      setNotice(null);
      setErrors({});
      await list.reload();
      setGone(new Set());
    },
    open: (item: ModerationItem) => Taro.navigateTo({ url: subjectLink(item.subject).url }),
  };
}
