import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { TOPIC_LIMITS } from '../../core/labels';
import { call } from '../services/api';
import { groupVillages } from './use-report';
import { photosNotReady, usePhotoUpload } from './use-photo-upload';
import { useOneAction } from './use-one-action';
import { useResource } from './use-resource';

const TOPIC_PHOTOS_MAX = TOPIC_LIMITS.photosMax;

export const TOPIC_PAGE = (id: string) => `/yishi/pages/topic/index?id=${encodeURIComponent(id)}`;

/** 街坊议事 for a resident: their place (stated once), its topics open first, and a proposal form. */
export function useTopics() {
  const topics = useResource(() => call('topic/list', {}));
  const tree = useResource(() => call('grid/tree', {}));
  const towns = useMemo(() => (tree.data ? groupVillages(tree.data.nodes) : []), [tree.data]);
  const [picking, setPicking] = useState(false);
  const [villageId, setVillageId] = useState<string | null>(null);
  const [title, setTitle] = useState('');
  const [background, setBackground] = useState('');
  const action = useOneAction();
  const photos = usePhotoUpload(TOPIC_PHOTOS_MAX);
  useDidShow(() => void topics.reload());
  usePullDownRefresh(() => {
    void topics.reload().finally(() => Taro.stopPullDownRefresh());
  });
  const village = useMemo(() => towns.flatMap((t) => t.villages).find((v) => v.id === villageId) ?? null, [towns, villageId]);

  const setPlace = (placeId: string) =>
    action.run('place', async () => {
      await call('me/setPlace', { placeId });
      setPicking(false);
      await topics.reload();
    });
  const propose = () => {
    const notReady = photosNotReady(photos);
    if (notReady) return action.setActionError(notReady);
    return action.run('propose', async () => {
      const t = await call('topic/propose', { title, background, ...(photos.fileIds.length > 0 ? { photos: photos.fileIds } : {}) });
      setTitle('');
      setBackground('');
      photos.reset();
      await Taro.navigateTo({ url: TOPIC_PAGE(t.id) });
    });
  };
  return { topics, towns, village, villageId, setVillageId, picking, setPicking, setPlace, title, setTitle, background, setBackground, photos, propose, ...action, open: (id: string) => Taro.navigateTo({ url: TOPIC_PAGE(id) }) };
}
