import { describe, expect, it } from 'vitest';
import { visibleLabels } from '../../../../../renderer/src/map/label-layout';

const box = (id: number, x: number, y: number, width = 80) => ({ id, x, y, width, height: 18 });

describe('tower labels that do not overlap', () => {
  it('keeps the first of two overlapping labels and every label that has room', () => {
    expect(visibleLabels([box(1, 0, 0), box(2, 40, 10), box(3, 0, 30), box(4, 200, 0)])).toEqual(
      new Set([1, 3, 4]),
    );
  });

  it('keeps a gap between neighbours: touching labels count as overlapping', () => {
    expect(visibleLabels([box(1, 0, 0), box(2, 82, 0)])).toEqual(new Set([1]));
    expect(visibleLabels([box(1, 0, 0), box(2, 85, 0)])).toEqual(new Set([1, 2]));
  });

  it('shows every label once zooming in spreads them out', () => {
    const crowded = [box(1, 0, 0), box(2, 10, 5), box(3, 20, 10)];
    expect(visibleLabels(crowded)).toEqual(new Set([1]));
    expect(visibleLabels(crowded.map((b) => ({ ...b, x: b.x * 10, y: b.y * 10 })))).toEqual(
      new Set([1, 2, 3]),
    );
  });
});
