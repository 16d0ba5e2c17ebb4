import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useEffect, useMemo, useRef, useState, type PointerEvent as ReactPointerEvent } from 'react';
import type { GridMapView } from '../../../core/directory/grid-map';
import { centreOn, clientToSvg, labelPoint, panView, projection, ringPath, viewBoxAttr, zoomOf, zoomView, type ViewBox } from '../../services/map-projection';

export interface DrawnMapProps {
  map: GridMapView;
  /** The placed point, in the map's coordinates. */
  point: { lat: number; lng: number } | null;
  /** The grid the point lies in, drawn highlighted. */
  gridId: string | null;
  /** Changes when the point came from elsewhere (current location, a restored draft): the view centres on it. */
  centreKey: number;
  onPick: (lat: number, lng: number) => void;
}

/** A press that moves less than this (CSS px) is a tap, not a pan. */
const TAP_SLOP = 6;

/**
 * The town's grid as an SVG drawing (H5 has no map key): tap to place the point, +/− or pinch or the
 * wheel to zoom, drag to move. Villages are outlined and named, grids filled; open concerns nearby are
 * orange dots (public ones only, from the server).
 */
export function SvgMap({ map, point, gridId, centreKey, onPick }: DrawnMapProps) {
  const p = useMemo(() => (map.bounds ? projection(map.bounds) : null), [map.bounds]);
  const full = p?.full ?? { x: 0, y: 0, w: 1000, h: 600 };
  const [view, setView] = useState<ViewBox>(full);
  const svgRef = useRef<SVGSVGElement | null>(null);
  const viewRef = useRef(view);
  viewRef.current = view;
  const pointers = useRef(new Map<number, { x: number; y: number }>());
  const gesture = useRef<{ moved: boolean; startX: number; startY: number; pinch: number | null }>({ moved: false, startX: 0, startY: 0, pinch: null });

  // A new town: the whole drawing.
  useEffect(() => setView(full), [full.w, full.h, map.townId]);
  // A point from elsewhere: zoom in a little and centre on it.
  useEffect(() => {
    if (!p || !point || centreKey === 0) return;
    const [x, y] = p.toXY(point.lng, point.lat);
    setView((v) => centreOn(zoomOf(v, full) < 2 ? zoomView(v, full, 2 / zoomOf(v, full)) : v, full, x, y));
  }, [centreKey]);

  // The wheel zooms about the cursor; a native listener, since React's is passive and cannot keep the page still.
  useEffect(() => {
    const el = svgRef.current;
    if (!el) return undefined;
    const onWheel = (e: WheelEvent) => {
      e.preventDefault();
      const at = clientToSvg(viewRef.current, el.getBoundingClientRect(), e.clientX, e.clientY);
      setView((v) => zoomView(v, full, e.deltaY < 0 ? 1.25 : 0.8, at));
    };
    el.addEventListener('wheel', onWheel, { passive: false });
    return () => el.removeEventListener('wheel', onWheel);
  }, [full]);

  if (!p) return <Text className='muted grid-map__empty'>{`${map.townName}还没有导入网格边界，请在下方选择村（社区）。`}</Text>;

  const rect = () => svgRef.current!.getBoundingClientRect();
  const spread = () => {
    const [a, b] = [...pointers.current.values()];
    return Math.hypot(a.x - b.x, a.y - b.y);
  };
  const down = (e: ReactPointerEvent<SVGSVGElement>) => {
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    (e.currentTarget as Element).setPointerCapture?.(e.pointerId);
    if (pointers.current.size === 1) gesture.current = { moved: false, startX: e.clientX, startY: e.clientY, pinch: null };
    else {
      gesture.current.moved = true;
      gesture.current.pinch = spread();
    }
  };
  const move = (e: ReactPointerEvent<SVGSVGElement>) => {
    const last = pointers.current.get(e.pointerId);
    if (!last) return;
    const g = gesture.current;
    const r = rect();
    if (pointers.current.size >= 2 && g.pinch) {
      pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
      const now = spread();
      const [a, b] = [...pointers.current.values()];
      const mid = clientToSvg(viewRef.current, r, (a.x + b.x) / 2, (a.y + b.y) / 2);
      setView((v) => zoomView(v, full, now / g.pinch!, mid));
      g.pinch = now;
      return;
    }
    if (!g.moved && Math.hypot(e.clientX - g.startX, e.clientY - g.startY) < TAP_SLOP) return;
    g.moved = true;
    const dx = ((last.x - e.clientX) / r.width) * viewRef.current.w;
    const dy = ((last.y - e.clientY) / r.height) * viewRef.current.h;
    pointers.current.set(e.pointerId, { x: e.clientX, y: e.clientY });
    setView((v) => panView(v, full, dx, dy));
  };
  const up = (e: ReactPointerEvent<SVGSVGElement>) => {
    const was = pointers.current.size;
    pointers.current.delete(e.pointerId);
    if (was === 1 && !gesture.current.moved) {
      const [x, y] = clientToSvg(viewRef.current, rect(), e.clientX, e.clientY);
      const [lng, lat] = p.toLngLat(x, y);
      onPick(lat, lng);
    }
  };

  const unit = view.w / 1000;
  const villages = map.areas.filter((a) => a.kind === 'village');
  const grids = map.areas.filter((a) => a.kind === 'grid');
  const town = map.areas.filter((a) => a.kind === 'town');
  const zoomed = zoomOf(view, full);
  const pin = point ? p.toXY(point.lng, point.lat) : null;
  return (
    <View className='grid-map'>
      <svg
        ref={svgRef}
        className='grid-map__svg'
        viewBox={viewBoxAttr(view)}
        style={{ aspectRatio: `${full.w} / ${full.h}` }}
        role='img'
        aria-label={`${map.townName}网格地图，点击地图选择问题发生的位置`}
        data-bounds={map.bounds ? map.bounds.join(',') : ''}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={(e) => pointers.current.delete(e.pointerId)}
      >
        <rect x={full.x} y={full.y} width={full.w} height={full.h} fill='#eef3ee' />
        {town.map((a) => a.rings.map((r, i) => <path key={`${a.id}-${i}`} d={ringPath(r, p)} fill='#f8faf7' stroke='#7a8a7a' strokeWidth={3 * unit} strokeDasharray={`${12 * unit} ${6 * unit}`} />))}
        {grids.map((a) =>
          a.rings.map((r, i) => (
            <path
              key={`${a.id}-${i}`}
              className={a.id === gridId ? 'grid-map__grid grid-map__grid--on' : 'grid-map__grid'}
              d={ringPath(r, p)}
              fill={a.id === gridId ? '#b7e4c7' : '#e3f1e6'}
              stroke='#52a06f'
              strokeWidth={1.5 * unit}
              data-grid={a.name}
            />
          )),
        )}
        {villages.map((a) => a.rings.map((r, i) => <path key={`${a.id}-${i}`} d={ringPath(r, p)} fill='none' stroke='#1f7a4d' strokeWidth={3 * unit} />))}
        {villages.map((a) => {
          const [x, y] = labelPoint(a.rings[0], p);
          return (
            <text key={`${a.id}-label`} x={x} y={y} fontSize={30 * unit} textAnchor='middle' fill='#1f4d33' stroke='#ffffff' strokeWidth={6 * unit} paintOrder='stroke' pointerEvents='none'>
              {a.name}
            </text>
          );
        })}
        {zoomed >= 2.5
          ? grids.map((a) => {
              const [x, y] = labelPoint(a.rings[0], p);
              return (
                <text key={`${a.id}-label`} x={x} y={y + 30 * unit} fontSize={22 * unit} textAnchor='middle' fill='#2d6a45' pointerEvents='none'>
                  {a.name}
                </text>
              );
            })
          : null}
        {map.concerns.map((c) => {
          const [x, y] = p.toXY(c.lng, c.lat);
          return <circle key={c.id} className='grid-map__concern' cx={x} cy={y} r={8 * unit} fill='#fa8c16' stroke='#ffffff' strokeWidth={2 * unit} pointerEvents='none' />;
        })}
        {pin ? (
          <g className='grid-map__pin' pointerEvents='none'>
            <circle cx={pin[0]} cy={pin[1]} r={14 * unit} fill='#d9363e' stroke='#ffffff' strokeWidth={4 * unit} />
            <circle cx={pin[0]} cy={pin[1]} r={4 * unit} fill='#ffffff' />
          </g>
        ) : null}
      </svg>
      <View className='grid-map__zoom'>
        <Button size='small' className='grid-map__zoom-btn' aria-label='放大' disabled={zoomed >= 16} onClick={() => setView((v) => zoomView(v, full, 2, pin ?? undefined))}>
          ＋
        </Button>
        <Button size='small' className='grid-map__zoom-btn' aria-label='缩小' disabled={zoomed <= 1} onClick={() => setView((v) => zoomView(v, full, 0.5, pin ?? undefined))}>
          －
        </Button>
        <Button size='small' className='grid-map__zoom-btn' aria-label='显示全镇' disabled={zoomed <= 1} onClick={() => setView(full)}>
          全镇
        </Button>
      </View>
      {map.concerns.length > 0 ? (
        <Text className='muted grid-map__legend'>
          <Text className='grid-map__dot' /> {`橙色圆点：附近正在办理的 ${map.concerns.length} 条反映`}
        </Text>
      ) : null}
    </View>
  );
}
