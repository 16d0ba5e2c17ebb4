import { useEffect, useState } from 'react';
import type { GridMapView } from '../../core/directory/grid-map';
import { call } from '../services/api';
import type { CoordSystem } from '../services/location';
import { useResource } from './use-resource';

/** WeChat's Map draws GCJ-02; the H5 drawing uses the boundaries as stored (WGS-84), like the browser's GPS. */
export const MAP_COORD: CoordSystem = process.env.TARO_ENV === 'h5' ? 'wgs84' : 'gcj02';

/**
 * The town map of the report page (`grid/map`): the caller's town at first (the server knows it), then the
 * town the resident switches to, or the town a located point lies in.
 */
export function useReportMap(locatedTownId: string | null) {
  const [wanted, setWanted] = useState<string | null>(null);
  const map = useResource<GridMapView>(() => call('grid/map', { ...(wanted ? { townId: wanted } : {}), coord: MAP_COORD }), { key: wanted ?? '' });
  const shown = map.data?.townId ?? null;
  // A point placed (or restored) in another town moves the map there.
  useEffect(() => {
    if (locatedTownId && shown && locatedTownId !== shown) setWanted(locatedTownId);
  }, [locatedTownId, shown]);
  return { map, townId: shown, chooseTown: (id: string) => setWanted(id), coord: MAP_COORD };
}
