import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { call } from '../services/api';
import { groupVillages } from './use-report';
import { useOneAction } from './use-one-action';
import { useResource } from './use-resource';

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
  const propose = () =>
    action.run('propose', async () => {
      const t = await call('topic/propose', { title, background });
      setTitle('');
      setBackground('');
      await Taro.navigateTo({ url: TOPIC_PAGE(t.id) });
    });
  return { topics, towns, village, villageId, setVillageId, picking, setPicking, setPlace, title, setTitle, background, setBackground, propose, ...action, open: (id: string) => Taro.navigateTo({ url: TOPIC_PAGE(id) }) };
}
