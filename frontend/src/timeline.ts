import type { HistogramBucket } from './api';

/** Levels stacked in a bar, bottom first, with the CSS variable that colours them. */
const STACK = [
  { levels: ['TRACE', 'DEBUG'], colour: '--debug' },
  { levels: ['INFO', 'NONE'], colour: '--dim' },
  { levels: ['WARN'], colour: '--warn' },
  { levels: ['ERROR', 'FATAL'], colour: '--error' },
] as const;

export interface TimeRange {
  from: string;
  to: string;
}

const JUMP_SPAN_MS = 5 * 60_000;

/** The range around a time typed in a datetime-local field (local time, or UTC where the page shows UTC): five minutes either side. */
export function jumpRange(value: string, utc: boolean): TimeRange | null {
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?$/.test(value)) return null;
  const at = Date.parse(utc ? `${value}Z` : value);
  if (Number.isNaN(at)) return null;
  return { from: new Date(at - JUMP_SPAN_MS).toISOString(), to: new Date(at + JUMP_SPAN_MS).toISOString() };
}

/** A bucket's count in each stacked group, bottom first. */
export function stackCounts(bucket: HistogramBucket): number[] {
  return STACK.map(({ levels }) => levels.reduce((sum, level) => sum + (bucket.counts[level] ?? 0), 0));
}

export function bucketTotal(bucket: HistogramBucket): number {
  return Object.values(bucket.counts).reduce((sum, n) => sum + n, 0);
}

/** The bucket under x, clamped to the buckets there are. */
export function bucketAt(x: number, width: number, count: number): number {
  if (count === 0 || width <= 0) return -1;
  return Math.max(0, Math.min(count - 1, Math.floor((x / width) * count)));
}

/** Where a bucket ends: its own end, the next one's start, or as long after its start as the one before lasted. */
function bucketEnd(buckets: readonly HistogramBucket[], index: number): string {
  const bucket = buckets[index];
  if (bucket.end) return bucket.end;
  if (index + 1 < buckets.length) return buckets[index + 1].start;
  const start = Date.parse(bucket.start);
  const previous = index > 0 ? Date.parse(buckets[index - 1].start) : start - 60_000;
  return new Date(start + (start - previous)).toISOString();
}

/** The time range a click (one bucket) or a drag (every bucket it crossed) stands for. */
export function rangeBetween(x1: number, x2: number, width: number, buckets: readonly HistogramBucket[]): TimeRange | null {
  const a = bucketAt(Math.min(x1, x2), width, buckets.length);
  const b = bucketAt(Math.max(x1, x2), width, buckets.length);
  if (a < 0 || b < 0) return null;
  return { from: buckets[a].start, to: bucketEnd(buckets, b) };
}

/**
 * The histogram above the list: a bar per time bucket, its levels stacked. A click selects a
 * bar's time, a drag a range; either is handed to `select`.
 */
export class Timeline {
  private buckets: HistogramBucket[] = [];
  private dragFrom: number | null = null;
  private dragTo: number | null = null;

  constructor(
    private readonly canvas: HTMLCanvasElement,
    private readonly select: (range: TimeRange) => void,
  ) {
    canvas.addEventListener('pointerdown', (event) => {
      this.dragFrom = this.dragTo = event.offsetX;
      canvas.setPointerCapture?.(event.pointerId);
      this.draw();
    });
    canvas.addEventListener('pointermove', (event) => {
      if (this.dragFrom === null) return;
      this.dragTo = event.offsetX;
      this.draw();
    });
    canvas.addEventListener('pointerup', (event) => {
      if (this.dragFrom === null) return;
      const from = this.dragFrom;
      this.dragFrom = this.dragTo = null;
      const range = rangeBetween(from, event.offsetX, canvas.clientWidth, this.buckets);
      this.draw();
      if (range) this.select(range);
    });
  }

  /** How many bars fit: one every 6 px. */
  bucketCount(): number {
    return Math.max(10, Math.min(240, Math.floor((this.canvas.clientWidth || 600) / 6)));
  }

  show(buckets: HistogramBucket[]): void {
    this.buckets = buckets;
    this.draw();
  }

  private draw(): void {
    const canvas = this.canvas;
    const context = canvas.getContext?.('2d');
    if (!context) return;
    const ratio = canvas.ownerDocument.defaultView?.devicePixelRatio ?? 1;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    const style = getComputedStyle(canvas);
    const colours = STACK.map(({ colour }) => style.getPropertyValue(colour).trim() || '#888');
    const max = Math.max(1, ...this.buckets.map(bucketTotal));
    const step = width / Math.max(1, this.buckets.length);
    this.buckets.forEach((bucket, i) => {
      let y = height;
      stackCounts(bucket).forEach((count, group) => {
        if (count === 0) return;
        const h = Math.max(1, (count / max) * (height - 2));
        context.fillStyle = colours[group];
        context.fillRect(i * step + 0.5, y - h, Math.max(1, step - 1), h);
        y -= h;
      });
    });
    if (this.dragFrom !== null && this.dragTo !== null) {
      context.fillStyle = style.getPropertyValue('--sel').trim() || 'rgba(80,120,255,.3)';
      context.globalAlpha = 0.6;
      context.fillRect(Math.min(this.dragFrom, this.dragTo), 0, Math.abs(this.dragTo - this.dragFrom) || 1, height);
      context.globalAlpha = 1;
    }
  }
}
