import { describe, expect, it } from 'vitest';
import { RowLayout } from './layout';

describe('RowLayout', () => {
  it('puts only the visible rows, plus overscan, in range', () => {
    const layout = new RowLayout(100_000, 20);
    expect(layout.totalHeight).toBe(2_000_000);
    expect(layout.visibleRange(1000, 400, 5)).toEqual({ start: 45, end: 75 });
  });

  it('accounts for expanded rows', () => {
    const layout = new RowLayout(10, 20, [{ index: 2, extraLines: 3 }]);
    expect(layout.totalHeight).toBe(260);
    expect(layout.offsetOf(3)).toBe(120);
    expect(layout.heightOf(2)).toBe(80);
    expect(layout.indexAt(50)).toBe(2);
    expect(layout.indexAt(119)).toBe(2);
    expect(layout.indexAt(120)).toBe(3);
  });

  it('is empty without rows', () => {
    expect(new RowLayout(0, 20).visibleRange(0, 500)).toEqual({ start: 0, end: 0 });
  });
});
