/**
 * A static, packed Hilbert R-tree over boxes (the flatbush layout, written small for core/): items are
 * sorted along a Hilbert curve of their box centres, packed into full nodes of NODE_SIZE, and the
 * levels are built bottom-up into flat typed arrays. Built once, queried many times; never mutated.
 *
 * A point query visits O(log_B n) nodes plus the boxes that really contain the point, so its cost
 * barely grows with the number of items.
 */
import type { BBox } from './geo';

const NODE_SIZE = 16;
const HILBERT_MAX = (1 << 16) - 1;

export class PackedRTree {
  /** Boxes of every node, items first (in Hilbert order) then each level up: 4 numbers per box. */
  private readonly boxes: Float64Array;
  /** For a leaf entry the item's index; for an inner entry the offset (in boxes) of its first child. */
  private readonly indices: Uint32Array;
  /** Start offsets (in boxes) of each level; the last level holds the root alone. */
  private readonly levelBounds: number[];
  readonly size: number;

  constructor(items: readonly BBox[]) {
    const n = items.length;
    this.size = n;
    let count = n;
    let total = n;
    const levelBounds = [n];
    do {
      count = Math.ceil(count / NODE_SIZE);
      total += count;
      levelBounds.push(total);
    } while (count > 1 && n > 0);
    this.levelBounds = levelBounds;
    this.boxes = new Float64Array(total * 4);
    this.indices = new Uint32Array(total);
    if (n === 0) return;

    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const b of items) {
      if (b[0] < minX) minX = b[0];
      if (b[1] < minY) minY = b[1];
      if (b[2] > maxX) maxX = b[2];
      if (b[3] > maxY) maxY = b[3];
    }
    const w = maxX - minX || 1;
    const h = maxY - minY || 1;
    const keys = new Uint32Array(n);
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) {
      const b = items[i];
      const cx = Math.floor((HILBERT_MAX * ((b[0] + b[2]) / 2 - minX)) / w);
      const cy = Math.floor((HILBERT_MAX * ((b[1] + b[3]) / 2 - minY)) / h);
      keys[i] = hilbert(cx, cy);
      order[i] = i;
    }
    const sorted = Array.from(order).sort((a, b) => keys[a] - keys[b] || a - b);
    for (let i = 0; i < n; i++) {
      const it = sorted[i];
      const b = items[it];
      this.boxes.set(b, i * 4);
      this.indices[i] = it;
    }
    // Build each level from the one below.
    let pos = 0;
    for (let l = 0; l < levelBounds.length - 1; l++) {
      const end = levelBounds[l];
      let out = end;
      while (pos < end) {
        const first = pos;
        let a = Infinity;
        let bb = Infinity;
        let c = -Infinity;
        let d = -Infinity;
        for (let k = 0; k < NODE_SIZE && pos < end; k++, pos++) {
          const o = pos * 4;
          if (this.boxes[o] < a) a = this.boxes[o];
          if (this.boxes[o + 1] < bb) bb = this.boxes[o + 1];
          if (this.boxes[o + 2] > c) c = this.boxes[o + 2];
          if (this.boxes[o + 3] > d) d = this.boxes[o + 3];
        }
        this.boxes[out * 4] = a;
        this.boxes[out * 4 + 1] = bb;
        this.boxes[out * 4 + 2] = c;
        this.boxes[out * 4 + 3] = d;
        this.indices[out] = first;
        out++;
      }
    }
  }

  /** Calls `visit(itemIndex)` for every item whose box contains (x, y) (boxes are closed). */
  searchPoint(x: number, y: number, visit: (item: number) => void): void {
    this.searchBox([x, y, x, y], visit);
  }

  /** Calls `visit(itemIndex)` for every item whose box meets `box` (boxes are closed). */
  searchBox(box: BBox, visit: (item: number) => void): void {
    if (this.size === 0) return;
    const [x0, y0, x1, y1] = box;
    const { boxes, indices, levelBounds } = this;
    const stack: number[] = [];
    // The root is the single box of the top level.
    let node = levelBounds[levelBounds.length - 1] - 1;
    let level = levelBounds.length - 1;
    for (;;) {
      // `node` is the offset of this node's first entry within its level.
      const start = node;
      const end = Math.min(start + NODE_SIZE, levelBounds[level]);
      for (let pos = start; pos < end; pos++) {
        const o = pos * 4;
        if (x1 < boxes[o] || y1 < boxes[o + 1] || x0 > boxes[o + 2] || y0 > boxes[o + 3]) continue;
        if (level === 0) visit(indices[pos]);
        else stack.push(indices[pos], level - 1);
      }
      if (stack.length === 0) return;
      level = stack.pop()!;
      node = stack.pop()!;
    }
  }
}

/** Hilbert curve index of (x, y) in a 2^16 × 2^16 grid (Warren's "Hacker's Delight" form, as flatbush uses). */
function hilbert(x: number, y: number): number {
  let a = x ^ y;
  let b = 0xffff ^ a;
  let c = 0xffff ^ (x | y);
  let d = x & (y ^ 0xffff);

  let A = a | (b >> 1);
  let B = (a >> 1) ^ a;
  let C = (c >> 1) ^ (b & (d >> 1)) ^ c;
  let D = (a & (c >> 1)) ^ (d >> 1) ^ d;

  a = A;
  b = B;
  c = C;
  d = D;
  A = (a & (a >> 2)) ^ (b & (b >> 2));
  B = (a & (b >> 2)) ^ (b & ((a ^ b) >> 2));
  C ^= (a & (c >> 2)) ^ (b & (d >> 2));
  D ^= (b & (c >> 2)) ^ ((a ^ b) & (d >> 2));

  a = A;
  b = B;
  c = C;
  d = D;
  A = (a & (a >> 4)) ^ (b & (b >> 4));
  B = (a & (b >> 4)) ^ (b & ((a ^ b) >> 4));
  C ^= (a & (c >> 4)) ^ (b & (d >> 4));
  D ^= (b & (c >> 4)) ^ ((a ^ b) & (d >> 4));

  a = A;
  b = B;
  c = C;
  d = D;
  C ^= (a & (c >> 8)) ^ (b & (d >> 8));
  D ^= (b & (c >> 8)) ^ ((a ^ b) & (d >> 8));

  a = C ^ (C >> 1);
  b = D ^ (D >> 1);

  let i0 = x ^ y;
  let i1 = b | (0xffff ^ (i0 | a));

  i0 = (i0 | (i0 << 8)) & 0x00ff00ff;
  i0 = (i0 | (i0 << 4)) & 0x0f0f0f0f;
  i0 = (i0 | (i0 << 2)) & 0x33333333;
  i0 = (i0 | (i0 << 1)) & 0x55555555;

  i1 = (i1 | (i1 << 8)) & 0x00ff00ff;
  i1 = (i1 | (i1 << 4)) & 0x0f0f0f0f;
  i1 = (i1 | (i1 << 2)) & 0x33333333;
  i1 = (i1 | (i1 << 1)) & 0x55555555;

  return ((i1 << 1) | i0) >>> 0;
}
