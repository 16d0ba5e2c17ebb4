/**
 * Draws the tab bar's and the home grid's icons as PNG files under src/assets/tab/ (weapp wants PNG tab
 * icons of at most 40 KB; these are ~1–2 KB). Shapes are signed distances, anti-aliased over one pixel.
 * Run with `npx tsx scripts/make-tab-icons.ts`; the output is committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 81;
type Sdf = (x: number, y: number) => number;

const circle = (cx: number, cy: number, r: number): Sdf => (x, y) => Math.hypot(x - cx, y - cy) - r;
const box = (x0: number, y0: number, x1: number, y1: number, r = 0): Sdf => (x, y) => {
  const cx = (x0 + x1) / 2, cy = (y0 + y1) / 2, hx = (x1 - x0) / 2 - r, hy = (y1 - y0) / 2 - r;
  const dx = Math.abs(x - cx) - hx, dy = Math.abs(y - cy) - hy;
  return Math.hypot(Math.max(dx, 0), Math.max(dy, 0)) + Math.min(Math.max(dx, dy), 0) - r;
};
/** A convex polygon, points clockwise in screen coordinates. */
const polygon = (pts: Array<[number, number]>): Sdf => (x, y) => {
  let d = -Infinity;
  for (let i = 0; i < pts.length; i++) {
    const [ax, ay] = pts[i], [bx, by] = pts[(i + 1) % pts.length];
    const nx = by - ay, ny = ax - bx, len = Math.hypot(nx, ny);
    d = Math.max(d, ((x - ax) * nx + (y - ay) * ny) / len);
  }
  return d;
};
const union = (...s: Sdf[]): Sdf => (x, y) => Math.min(...s.map((f) => f(x, y)));
const minus = (a: Sdf, b: Sdf): Sdf => (x, y) => Math.max(a(x, y), -b(x, y));
const ring = (s: Sdf, w: number): Sdf => (x, y) => Math.abs(s(x, y)) - w / 2;

const SHAPES: Record<string, Sdf> = {
  // 首页: a house with a door.
  home: minus(union(polygon([[40.5, 10], [72, 38], [9, 38]]), box(17, 36, 64, 70, 3)), box(34, 48, 47, 71, 2)),
  // 反映: a speech bubble with a plus.
  report: minus(union(box(10, 12, 71, 58, 10), polygon([[22, 54], [38, 56], [20, 70]])), union(box(37.5, 22, 43.5, 48, 2), box(27.5, 32, 53.5, 38, 2))),
  // 消息: an envelope.
  messages: minus(box(9, 18, 72, 64, 6), union(ring(polygon([[14, 24], [67, 24], [40.5, 46]]), 5), box(9, 64, 72, 70))),
  // 我的: a person, head and shoulders.
  me: union(circle(40.5, 27, 14), minus(circle(40.5, 78, 30), box(0, 72, 81, 81))),
  // Home grid only: 我的诉求 (a list), 志愿服务 (a heart), 公开栏 (a board), 街坊议事 (two bubbles).
  list: union(box(12, 14, 69, 67, 6), box(0, 0, 0, 0)),
  heart: union(circle(28, 30, 15), circle(53, 30, 15), polygon([[14.5, 37], [66.5, 37], [40.5, 68]])),
  board: minus(box(10, 12, 71, 60, 5), box(17, 19, 64, 53, 2)),
  talk: union(box(8, 12, 52, 44, 9), box(30, 34, 73, 66, 9)),
};
// The list icon's lines are cut out of its card.
SHAPES.list = minus(SHAPES.list, union(box(22, 26, 59, 31, 2), box(22, 38, 59, 43, 2), box(22, 50, 46, 55, 2)));
SHAPES.board = union(SHAPES.board, box(24, 27, 57, 31, 2), box(24, 37, 50, 41, 2), box(36, 60, 45, 70));

const COLORS = { normal: [0x8c, 0x8c, 0x8c], active: [0x1f, 0x7a, 0x4d] } as const;

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}
function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(shape: Sdf, [r, g, b]: readonly number[]): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < SIZE; y++) {
    const row = Buffer.alloc(1 + SIZE * 4);
    for (let x = 0; x < SIZE; x++) {
      const a = Math.max(0, Math.min(1, 0.5 - shape(x + 0.5, y + 0.5)));
      row.set([r, g, b, Math.round(a * 255)], 1 + x * 4);
    }
    rows.push(row);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(SIZE, 0);
  ihdr.writeUInt32BE(SIZE, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const sig = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(Buffer.concat(rows), { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

const out = path.resolve(__dirname, '../src/assets/tab');
mkdirSync(out, { recursive: true });
for (const [name, shape] of Object.entries(SHAPES)) {
  writeFileSync(path.join(out, `${name}.png`), png(shape, COLORS.normal));
  writeFileSync(path.join(out, `${name}-active.png`), png(shape, COLORS.active));
}
