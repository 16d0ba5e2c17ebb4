import Taro, { useDidShow } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import type { GridTreeNode } from '../../core/directory/grid';
import { call } from '../services/api';
import { deadlineIn } from '../services/topic-text';
import { TOPIC_LIMITS } from '../../core/labels';
import { useOneAction } from './use-one-action';
import { photosNotReady, usePhotoUpload } from './use-photo-upload';
import { useResource } from './use-resource';
import { TOPIC_PAGE } from './use-topics';

/** The villages and cooperatives at or under `nodeId`, from the grid tree: the places a committee runs topics for. */
export function placesUnder(roots: readonly GridTreeNode[], nodeId: string | null): Array<{ id: string; name: string }> {
  const out: Array<{ id: string; name: string }> = [];
  const visit = (n: GridTreeNode, inside: boolean) => {
    const here = inside || n.id === nodeId;
    if (here && (n.kind === 'village' || n.kind === 'cooperative')) out.push({ id: n.id, name: n.name });
    n.children.forEach((c) => visit(c, here));
  };
  roots.forEach((r) => visit(r, false));
  return out;
}

/** 议事管理: the committee opens a topic for one of its places and follows its topics. */
export function useTopicAdmin() {
  const me = useResource(() => call('me/profile', {}));
  const tree = useResource(() => call('grid/tree', {}));
  const topics = useResource(() => call('topic/list', {}));
  const places = useMemo(() => (tree.data && me.data ? placesUnder(tree.data.nodes, me.data.nodeId) : []), [tree.data, me.data]);
  const [placeId, setPlaceId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [background, setBackground] = useState('');
  const [options, setOptions] = useState<string[]>(['', '', '']);
  const [days, setDays] = useState(7);
  const [requireVerified, setRequireVerified] = useState(false);
  const action = useOneAction();
  const photos = usePhotoUpload(TOPIC_LIMITS.photosMax);
  useDidShow(() => void topics.reload());
  const create = () => {
    const notReady = photosNotReady(photos);
    if (notReady) return action.setActionError(notReady);
    return action.run('create', async () => {
      const t = await call('topic/create', { placeId: placeId ?? places[0]?.id ?? '', title, background, options: options.map((o) => o.trim()).filter((o) => o !== ''), deadline: deadlineIn(days), ...(requireVerified ? { requireVerified: true } : {}), ...(photos.fileIds.length > 0 ? { photos: photos.fileIds } : {}) });
      photos.reset();
      setTitle('');
      setBackground('');
      setOptions(['', '', '']);
      await Taro.navigateTo({ url: TOPIC_PAGE(t.id) });
    });
  };
  const setOption = (i: number, v: string) => setOptions((xs) => xs.map((x, j) => (j === i ? v : x)));
  return { me, topics, places, placeId: placeId ?? places[0]?.id ?? null, setPlaceId, title, setTitle, background, setBackground, options, setOption, addOption: () => setOptions((xs) => [...xs, '']), days, setDays, requireVerified, setRequireVerified, photos, create, ...action, openResidents: (placeId: string) => Taro.navigateTo({ url: `/staff/pages/residents/index?placeId=${encodeURIComponent(placeId)}` }), open: (id: string) => Taro.navigateTo({ url: TOPIC_PAGE(id) }) };
}
