/**
 * The map preview of a boundary file (issue 19): the outlines grid/previewBoundaries answers, drawn as one
 * SVG, as a data URL an <Image> shows on weapp and H5 alike. Colours by change: added green, changed
 * orange, removed red and dashed, unchanged grey. Pure, so the node tests cover it.
 */
import type { BoundaryChange, BoundaryPreview } from '../../core/admin/grid-admin-views';

export const CHANGE_COLOUR: Readonly<Record<BoundaryChange, string>> = { added: '#1a9e4b', changed: '#e07b00', removed: '#d4380d', unchanged: '#8c8c8c' };
export const CHANGE_TEXT: Readonly<Record<BoundaryChange, string>> = { added: '新增', changed: '修改', removed: '删除', unchanged: '不变' };

const SIZE = 600;

/** The SVG source: north up, longitude scaled by the latitude's cosine so shapes keep their proportions. */
export function previewSvg(preview: Pick<BoundaryPreview, 'shapes' | 'bbox'>): string {
  const box = preview.bbox;
  if (!box || preview.shapes.length === 0) return '';
  const [minLng, minLat, maxLng, maxLat] = box;
  const kx = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const w = Math.max((maxLng - minLng) * kx, 1e-9);
  const h = Math.max(maxLat - minLat, 1e-9);
  const scale = (SIZE - 20) / Math.max(w, h);
  const width = Math.round(w * scale + 20);
  const height = Math.round(h * scale + 20);
  const x = (lng: number) => ((lng - minLng) * kx * scale + 10).toFixed(1);
  const y = (lat: number) => ((maxLat - lat) * scale + 10).toFixed(1);
  // Removed and unchanged first, so what changes is drawn on top.
  const order: BoundaryChange[] = ['unchanged', 'removed', 'changed', 'added'];
  const paths = [...preview.shapes]
    .sort((a, b) => order.indexOf(a.change) - order.indexOf(b.change))
    .map((s) => {
      const d = s.rings.map((r) => `M${r.map(([lng, lat]) => `${x(lng)},${y(lat)}`).join('L')}Z`).join('');
      const colour = CHANGE_COLOUR[s.change];
      const dash = s.change === 'removed' ? ' stroke-dasharray="6 4"' : '';
      const fill = s.kind === 'grid' && s.change !== 'removed' ? ` fill="${colour}" fill-opacity="0.15"` : ' fill="none"';
      return `<path d="${d}" stroke="${colour}" stroke-width="${s.kind === 'town' ? 3 : s.kind === 'grid' ? 1 : 2}"${fill}${dash}/>`;
    });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><rect width="100%" height="100%" fill="#ffffff"/>${paths.join('')}</svg>`;
}

export function previewDataUrl(preview: Pick<BoundaryPreview, 'shapes' | 'bbox'>): string {
  const svg = previewSvg(preview);
  return svg === '' ? '' : `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}
