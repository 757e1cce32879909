import { describe, expect, it } from 'vitest';
import { findTableRows, maskRows } from './find-table-grid';
import type { GrayImage } from './page-image';

/** A white page with rules drawn 2 px thick: horizontal at `ys` from x0 to x1, vertical at `xs` from y0 to y1. */
function ruled(width: number, height: number, ys: number[], xs: number[], x0: number, x1: number, y0: number, y1: number): GrayImage {
  const data = new Uint8Array(width * height).fill(255);
  for (const y of ys) for (let t = 0; t < 2; t++) data.fill(0, (y + t) * width + x0, (y + t) * width + x1);
  for (const x of xs) for (let y = y0; y < y1; y++) data[y * width + x] = data[y * width + x + 1] = 0;
  return { width, height, data };
}

describe('findTableRows', () => {
  it('finds the rows between horizontal rules and the cells between vertical rules', () => {
    const img = ruled(600, 400, [50, 100, 150], [100, 300, 400, 500], 100, 502, 50, 152);
    const rows = findTableRows(img);
    expect(rows.map((r) => [r.top, r.bottom])).toEqual([
      [52, 100],
      [102, 150],
    ]);
    expect(rows[0].cells.map((c) => [c.x, c.w])).toEqual([
      [103, 195],
      [303, 95],
      [403, 95],
    ]);
  });

  it('adds the open row a page break leaves under the last rule, as far as the vertical rules run', () => {
    const img = ruled(600, 400, [50, 100], [100, 300, 400, 500], 100, 502, 50, 140);
    const rows = findTableRows(img);
    expect(rows).toHaveLength(2);
    expect(rows[1].top).toBe(102);
    expect(rows[1].bottom).toBe(139);
  });

  it('finds no rows on a page without rules, and masks nothing then', () => {
    const img: GrayImage = { width: 200, height: 100, data: new Uint8Array(200 * 100).fill(255) };
    img.data.fill(0, 50 * 200 + 10, 50 * 200 + 30);
    expect(findTableRows(img)).toEqual([]);
    expect(maskRows(img, []).data).toEqual(img.data);
  });
});
