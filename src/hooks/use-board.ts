import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { useMemo, useState } from 'react';
import { call } from '../services/api';
import { groupVillages } from './use-report';
import { useResource } from './use-resource';

/** 公开栏: resolved concerns of a village (`?place=` or the one picked), personal data removed by the backend. */
export function useBoard() {
  const params = useRouter().params;
  const [placeId, setPlaceId] = useState<string | null>(params.place ?? null);
  const tree = useResource(() => call('grid/tree', {}));
  const towns = useMemo(() => (tree.data ? groupVillages(tree.data.nodes) : []), [tree.data]);
  const board = useResource(() => call('board/list', placeId ? { placeId } : {}), { key: placeId ?? '' });
  usePullDownRefresh(() => {
    void board.reload().finally(() => Taro.stopPullDownRefresh());
  });
  const placeName = useMemo(() => {
    for (const t of towns) for (const v of t.villages) if (v.id === placeId) return `${t.townName} · ${v.name}`;
    return null;
  }, [towns, placeId]);
  useShareAppMessage(() => ({
    title: placeName ? `${placeName}公开栏：家门口的事，办得怎么样` : '街坊公开栏：家门口的事，办得怎么样',
    path: `/pages/board/index${placeId ? `?place=${encodeURIComponent(placeId)}` : ''}`,
  }));
  return { tree, towns, board, placeId, placeName, choose: setPlaceId };
}
