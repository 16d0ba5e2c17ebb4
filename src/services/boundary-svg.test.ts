import { previewDataUrl, previewSvg } from './boundary-svg';

const square = (a: number, b: number, c: number, d: number): Array<[number, number]> => [[a, b], [c, b], [c, d], [a, d], [a, b]];

describe('the boundary preview drawing', () => {
  it('draws every outline in its change colour, north up, the removed one dashed', () => {
    const svg = previewSvg({
      bbox: [112.9, 23.0, 113.0, 23.1],
      shapes: [
        { nodeId: 'a', name: '甲', kind: 'grid', change: 'added', rings: [square(112.9, 23.0, 112.95, 23.05)] },
        { nodeId: 'b', name: '乙', kind: 'cooperative', change: 'removed', rings: [square(112.95, 23.05, 113.0, 23.1)] },
      ],
    });
    expect(svg.match(/<path /g)).toHaveLength(2);
    expect(svg).toContain('stroke="#1a9e4b"');
    expect(svg).toMatch(/stroke="#d4380d"[^>]*stroke-dasharray/);
    // The southern square (lat 23.00–23.05) lies lower in the picture than the northern one.
    const ys = [...svg.matchAll(/M[\d.]+,([\d.]+)/g)].map((m) => Number(m[1]));
    expect(ys[1]).toBeGreaterThan(ys[0]);
  });

  it('draws nothing for a preview without shapes', () => {
    expect(previewDataUrl({ bbox: null, shapes: [] })).toBe('');
  });
});
