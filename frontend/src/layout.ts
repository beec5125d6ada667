/**
 * Where rows go in a virtualised list whose rows are one line high, except a few expanded
 * ones that are several lines high.
 */
export interface Expansion {
  index: number;
  /** Lines beyond the first. */
  extraLines: number;
}

export class RowLayout {
  private readonly expansions: Expansion[];

  constructor(
    readonly count: number,
    readonly rowHeight: number,
    expansions: Expansion[] = [],
  ) {
    this.expansions = expansions.filter((e) => e.index >= 0 && e.index < count && e.extraLines > 0).sort((a, b) => a.index - b.index);
  }

  get totalHeight(): number {
    return this.offsetOf(this.count);
  }

  heightOf(index: number): number {
    const expansion = this.expansions.find((e) => e.index === index);
    return this.rowHeight * (1 + (expansion ? expansion.extraLines : 0));
  }

  /** Top of a row (or, for count, the bottom of the last). */
  offsetOf(index: number): number {
    let extra = 0;
    for (const e of this.expansions) {
      if (e.index >= index) break;
      extra += e.extraLines;
    }
    return (index + extra) * this.rowHeight;
  }

  /** The row under a vertical offset, clamped to the rows there are. */
  indexAt(offset: number): number {
    if (this.count === 0) return 0;
    let extra = 0;
    for (const e of this.expansions) {
      const top = (e.index + extra) * this.rowHeight;
      if (offset < top) break;
      const bottom = top + (1 + e.extraLines) * this.rowHeight;
      if (offset < bottom) return e.index;
      extra += e.extraLines;
    }
    const index = Math.floor(offset / this.rowHeight) - extra;
    return Math.max(0, Math.min(this.count - 1, index));
  }

  /** Rows to put in the DOM for a viewport, with a margin of overscan rows on both sides. */
  visibleRange(scrollTop: number, viewportHeight: number, overscan = 10): { start: number; end: number } {
    if (this.count === 0) return { start: 0, end: 0 };
    const first = this.indexAt(Math.max(0, scrollTop));
    const last = this.indexAt(Math.max(0, scrollTop + viewportHeight - 1));
    return { start: Math.max(0, first - overscan), end: Math.min(this.count, last + 1 + overscan) };
  }
}
