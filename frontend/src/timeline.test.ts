// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { HistogramBucket } from './api';
import { jumpRange, bucketAt, rangeBetween, stackCounts, Timeline } from './timeline';

const buckets: HistogramBucket[] = [
  { start: '2026-01-01T10:00:00Z', end: null, counts: { INFO: 5, DEBUG: 2, ERROR: 1 } },
  { start: '2026-01-01T10:01:00Z', end: null, counts: { WARN: 3, FATAL: 1 } },
  { start: '2026-01-01T10:02:00Z', end: null, counts: {} },
];

describe('timeline', () => {
  it('stacks levels in groups, debug at the bottom and errors on top', () => {
    expect(stackCounts(buckets[0])).toEqual([2, 5, 0, 1]);
    expect(stackCounts(buckets[1])).toEqual([0, 0, 3, 1]);
  });

  it('finds the bucket under a point', () => {
    expect(bucketAt(0, 300, 3)).toBe(0);
    expect(bucketAt(150, 300, 3)).toBe(1);
    expect(bucketAt(400, 300, 3)).toBe(2);
    expect(bucketAt(10, 300, 0)).toBe(-1);
  });

  it('gives a clicked bar its time and a drag every bar it crossed, either way', () => {
    expect(rangeBetween(120, 121, 300, buckets)).toEqual({ from: '2026-01-01T10:01:00Z', to: '2026-01-01T10:02:00Z' });
    expect(rangeBetween(290, 10, 300, buckets)).toEqual({ from: '2026-01-01T10:00:00Z', to: '2026-01-01T10:03:00.000Z' });
  });

  it('jumps to a time typed in, five minutes either side', () => {
    expect(jumpRange('2026-03-14T09:30:15', true)).toEqual({ from: '2026-03-14T09:25:15.000Z', to: '2026-03-14T09:35:15.000Z' });
    const local = jumpRange('2026-03-14T09:30', false)!;
    expect(Date.parse(local.to) - Date.parse(local.from)).toBe(600_000);
    expect(new Date(Date.parse(local.from) + 300_000).getHours()).toBe(9);
    expect(jumpRange('yesterday', false)).toBeNull();
  });

  it('hands a drag on the canvas to select', () => {
    const canvas = document.createElement('canvas');
    Object.defineProperty(canvas, 'clientWidth', { value: 300 });
    const selected: unknown[] = [];
    const timeline = new Timeline(canvas, (range) => selected.push(range));
    timeline.show(buckets);
    const pointer = (type: string, x: number) => {
      const event = new MouseEvent(type, { bubbles: true });
      Object.defineProperty(event, 'offsetX', { value: x });
      Object.defineProperty(event, 'pointerId', { value: 1 });
      canvas.dispatchEvent(event);
    };
    pointer('pointerdown', 10);
    pointer('pointermove', 150);
    pointer('pointerup', 150);
    expect(selected).toEqual([{ from: '2026-01-01T10:00:00Z', to: '2026-01-01T10:02:00Z' }]);
    expect(timeline.bucketCount()).toBe(50);
  });
});
