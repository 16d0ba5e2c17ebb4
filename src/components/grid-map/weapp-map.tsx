import { Map } from '@tarojs/components';
import { useMemo } from 'react';
import type { GridMapView } from '../../../core/directory/grid-map';
import { scaleToFit } from '../../services/map-projection';
import type { DrawnMapProps } from './svg-map';

/** A package path (copied by the build config): WeChat's Map refuses data: URIs for a marker's icon. */
const MARKER_ICON = '/assets/marker.png';
const PIN_ID = 1;

/** The town's boundaries as the Map's polygons (GCJ-02, as asked of grid/map): grids filled, villages outlined. */
function polygonsOf(map: GridMapView, gridId: string | null) {
  return map.areas
    .filter((a) => a.kind === 'grid' || a.kind === 'village' || a.kind === 'town')
    .flatMap((a) =>
      a.rings.map((r) => ({
        points: r.map(([lng, lat]) => ({ latitude: lat, longitude: lng })),
        strokeWidth: a.kind === 'grid' ? 1 : 2,
        strokeColor: a.kind === 'grid' ? '#52a06fcc' : a.kind === 'village' ? '#1f7a4dff' : '#7a8a7aff',
        fillColor: a.kind !== 'grid' ? '#00000000' : a.id === gridId ? '#52a06f66' : '#52a06f1a',
        zIndex: a.kind === 'grid' ? 1 : 2,
      })),
    );
}

/**
 * WeChat's Map of the town: the grid boundaries as polygons, open concerns nearby as markers, the placed
 * point as the pin; a tap places the point (`onTap` gives its latitude and longitude, GCJ-02).
 */
export function WeappMap({ map, point, gridId, onPick, onError, pinText }: DrawnMapProps & { onError: () => void; pinText: string | null }) {
  const polygons = useMemo(() => polygonsOf(map, gridId), [map, gridId]);
  const b = map.bounds;
  const centre = point ?? (b ? { lat: (b[1] + b[3]) / 2, lng: (b[0] + b[2]) / 2 } : null);
  if (!centre) return null;
  const markers = [
    ...map.concerns.map((c, i) => ({ id: 100 + i, latitude: c.lat, longitude: c.lng, width: 18, height: 24, alpha: 0.6, iconPath: MARKER_ICON, title: `附近正在办理：${c.categoryName}` })),
    ...(point
      ? [
          {
            id: PIN_ID,
            latitude: point.lat,
            longitude: point.lng,
            width: 28,
            height: 36,
            iconPath: MARKER_ICON,
            ...(pinText
              ? { callout: { content: pinText, display: 'ALWAYS' as const, padding: 8, borderRadius: 6, fontSize: 13, color: '#1f1f1f', bgColor: '#ffffff', textAlign: 'center' as const, anchorX: 0, anchorY: 0, borderWidth: 0, borderColor: '#ffffff' } }
              : {}),
          },
        ]
      : []),
  ];
  return (
    <Map
      className='report__map'
      latitude={centre.lat}
      longitude={centre.lng}
      scale={point ? 16 : b ? scaleToFit(b) : 14}
      polygons={polygons}
      markers={markers}
      onTap={(e) => {
        const d = e.detail as { latitude?: number; longitude?: number };
        if (typeof d.latitude === 'number' && typeof d.longitude === 'number') onPick(d.latitude, d.longitude);
      }}
      onError={onError}
    />
  );
}
