/**
 * The report page's drawn map (H5, no map key): a town's boundaries projected to SVG units, and the view
 * (the SVG viewBox) that zooms and pans over them. Pure: the component renders and binds, this module
 * does every sum, so a tap lands on the same lat/lng in the page and in a test.
 *
 * Projection: equirectangular around the town's middle latitude (x scaled by cos φ₀), north up. At a
 * town's size (≤ 30 km) its distortion is far below a tap's precision.
 */

/** [minLng, minLat, maxLng, maxLat], as `grid/map` answers its bounds. */
export type Bounds = [number, number, number, number];

/** A rectangle in SVG units: the whole drawing, or what the view shows of it. */
export interface ViewBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Projection {
  /** The whole drawing, the town's box with a margin around it. */
  full: ViewBox;
  toXY(lng: number, lat: number): [number, number];
  toLngLat(x: number, y: number): [number, number];
}

/** The drawing is this many SVG units wide whatever the town's size. */
export const MAP_WIDTH = 1000;
/** The drawing's height stays between these (SVG units). */
export const MIN_HEIGHT = MAP_WIDTH / 3;
export const MAX_HEIGHT = MAP_WIDTH * 1.25;
/** The view may zoom in to 1/MAX_ZOOM of the drawing's width. */
export const MAX_ZOOM = 16;

/** A projection of `bounds` into a drawing MAP_WIDTH wide, with `margin` (a share of the width) around it. */
export function projection(bounds: Bounds, margin = 0.04): Projection {
  const [minLng, minLat, maxLng, maxLat] = bounds;
  const midLat = ((minLat + maxLat) / 2) * (Math.PI / 180);
  const kx = Math.cos(midLat);
  const spanX = Math.max((maxLng - minLng) * kx, 1e-9);
  const spanY = Math.max(maxLat - minLat, 1e-9);
  const pad = MAP_WIDTH * margin;
  // Fit the width, unless the town is so tall that the drawing would pass MAX_HEIGHT: then fit the height.
  // A flat town's drawing stays at least MIN_HEIGHT tall, so it stays tappable.
  const k = Math.min((MAP_WIDTH - 2 * pad) / spanX, (MAX_HEIGHT - 2 * pad) / spanY);
  const height = Math.max(spanY * k + 2 * pad, MIN_HEIGHT);
  const offY = (height - spanY * k) / 2;
  const offX = (MAP_WIDTH - spanX * k) / 2;
  return {
    full: { x: 0, y: 0, w: MAP_WIDTH, h: height },
    toXY: (lng, lat) => [offX + (lng - minLng) * kx * k, offY + (maxLat - lat) * k],
    toLngLat: (x, y) => [minLng + (x - offX) / (kx * k), maxLat - (y - offY) / k],
  };
}

/** The view moved so it stays inside the drawing (a view as large as the drawing is the drawing). */
export function clampView(v: ViewBox, full: ViewBox): ViewBox {
  const w = Math.min(v.w, full.w);
  const h = Math.min(v.h, full.h);
  return {
    x: Math.min(Math.max(v.x, full.x), full.x + full.w - w),
    y: Math.min(Math.max(v.y, full.y), full.y + full.h - h),
    w,
    h,
  };
}

/** How far the view is zoomed in: 1 shows the whole drawing. */
export const zoomOf = (v: ViewBox, full: ViewBox) => full.w / v.w;

/**
 * Zoomed by `factor` (>1 in, <1 out) about `anchor` (SVG units; the view's centre when left out): the
 * anchor stays where it is on screen. Between the whole drawing and MAX_ZOOM.
 */
export function zoomView(v: ViewBox, full: ViewBox, factor: number, anchor?: [number, number]): ViewBox {
  const zoom = Math.min(Math.max(zoomOf(v, full) * factor, 1), MAX_ZOOM);
  const w = full.w / zoom;
  const h = full.h / zoom;
  const [ax, ay] = anchor ?? [v.x + v.w / 2, v.y + v.h / 2];
  const rx = (ax - v.x) / v.w;
  const ry = (ay - v.y) / v.h;
  return clampView({ x: ax - rx * w, y: ay - ry * h, w, h }, full);
}

/** The view moved by (dx, dy) SVG units. */
export function panView(v: ViewBox, full: ViewBox, dx: number, dy: number): ViewBox {
  return clampView({ ...v, x: v.x + dx, y: v.y + dy }, full);
}

/** The view with (x, y) in its middle, as near as the drawing's edges allow. */
export function centreOn(v: ViewBox, full: ViewBox, x: number, y: number): ViewBox {
  return clampView({ ...v, x: x - v.w / 2, y: y - v.h / 2 }, full);
}

/** A point on screen (client pixels) in SVG units, for an SVG element at `rect` showing `v` (same aspect). */
export function clientToSvg(v: ViewBox, rect: { left: number; top: number; width: number; height: number }, clientX: number, clientY: number): [number, number] {
  return [v.x + ((clientX - rect.left) / rect.width) * v.w, v.y + ((clientY - rect.top) / rect.height) * v.h];
}

/** SVG units as a point on screen: the inverse of clientToSvg. */
export function svgToClient(v: ViewBox, rect: { left: number; top: number; width: number; height: number }, x: number, y: number): [number, number] {
  return [rect.left + ((x - v.x) / v.w) * rect.width, rect.top + ((y - v.y) / v.h) * rect.height];
}

export const viewBoxAttr = (v: ViewBox) => `${v.x.toFixed(2)} ${v.y.toFixed(2)} ${v.w.toFixed(2)} ${v.h.toFixed(2)}`;

/** A closed ring of [lng, lat] as an SVG path. */
export function ringPath(ring: readonly [number, number][], p: Projection): string {
  return (
    ring
      .map(([lng, lat], i) => {
        const [x, y] = p.toXY(lng, lat);
        return `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`;
      })
      .join('') + 'Z'
  );
}

/** Where a ring's label goes: its area centroid (the vertex mean for a degenerate ring), in SVG units. */
export function labelPoint(ring: readonly [number, number][], p: Projection): [number, number] {
  const pts = ring.map(([lng, lat]) => p.toXY(lng, lat));
  let a = 0;
  let cx = 0;
  let cy = 0;
  for (let i = 0; i < pts.length - 1; i++) {
    const [x0, y0] = pts[i];
    const [x1, y1] = pts[i + 1];
    const c = x0 * y1 - x1 * y0;
    a += c;
    cx += (x0 + x1) * c;
    cy += (y0 + y1) * c;
  }
  if (Math.abs(a) < 1e-9) {
    const n = Math.max(pts.length, 1);
    return [pts.reduce((s, q) => s + q[0], 0) / n, pts.reduce((s, q) => s + q[1], 0) / n];
  }
  return [cx / (3 * a), cy / (3 * a)];
}

/**
 * WeChat's Map scale (3–20, like web map zoom levels) that shows the whole box on a screen `px` wide:
 * at zoom z one pixel is 156543 m × cos φ / 2^z.
 */
export function scaleToFit(bounds: Bounds, px = 375): number {
  const [minLng, minLat, maxLng, maxLat] = bounds;
  const lat = ((minLat + maxLat) / 2) * (Math.PI / 180);
  const metres = Math.max((maxLng - minLng) * 111_320 * Math.cos(lat), (maxLat - minLat) * 110_574, 1);
  const z = Math.floor(Math.log2((156_543 * Math.cos(lat) * px) / metres));
  return Math.min(Math.max(z, 3), 18);
}
