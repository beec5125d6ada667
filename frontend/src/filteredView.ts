import type { EntryBuffer } from './entryBuffer';
import type { Entry } from './types';

/** Free slots kept before the first row when older pages are put in front. */
const HEADROOM = 4096;

/**
 * The buffer's entries that pass the current filter, as absolute buffer positions in
 * order. Appends are tested one by one; a filter change rescans the buffer.
 */
export class FilteredView {
  private positions: number[] = [];
  private start = 0; // index of the first live element in positions

  constructor(
    private readonly buffer: EntryBuffer,
    private predicate: (entry: Entry) => boolean,
  ) {
    this.rescan();
  }

  get length(): number {
    return this.positions.length - this.start;
  }

  entry(index: number): Entry | undefined {
    const position = this.positions[this.start + index];
    return position === undefined ? undefined : this.buffer.at(position);
  }

  setPredicate(predicate: (entry: Entry) => boolean): void {
    this.predicate = predicate;
    this.rescan();
  }

  rescan(): void {
    this.positions = [];
    this.start = 0;
    for (let p = this.buffer.firstPosition; p < this.buffer.endPosition; p++) {
      if (this.predicate(this.buffer.at(p)!)) this.positions.push(p);
    }
  }

  /**
   * Takes in what the buffer just appended (the last `added` positions) and forgets what
   * it evicted.
   * @returns how many rows were added at the end and dropped from the start
   */
  sync(added: number): { added: number; dropped: number } {
    let dropped = 0;
    const first = this.buffer.firstPosition;
    while (this.start < this.positions.length && this.positions[this.start] < first) {
      this.start++;
      dropped++;
    }
    if (this.start > 4096 && this.start * 2 > this.positions.length) {
      this.positions = this.positions.slice(this.start);
      this.start = 0;
    }
    let matched = 0;
    const end = this.buffer.endPosition;
    for (let p = Math.max(first, end - added); p < end; p++) {
      if (this.predicate(this.buffer.at(p)!)) {
        this.positions.push(p);
        matched++;
      }
    }
    return { added: matched, dropped };
  }

  /**
   * Takes in what the buffer just put before its oldest entry (the first `added` positions),
   * and forgets what it evicted at its newest end to make room.
   * @returns how many rows were added at the start
   */
  prepended(added: number): number {
    const end = this.buffer.endPosition;
    while (this.positions.length > this.start && this.positions[this.positions.length - 1] >= end) this.positions.pop();
    const first = this.buffer.firstPosition;
    const matched: number[] = [];
    for (let p = first; p < first + added; p++) if (this.predicate(this.buffer.at(p)!)) matched.push(p);
    if (matched.length === 0) return 0;
    if (this.start < matched.length) {
      // room at the front for the pages to come: scrolling back must not copy every row per page
      const headroom = Math.max(matched.length, HEADROOM, this.length >> 1);
      const rows = this.positions.slice(this.start);
      this.positions = new Array<number>(headroom).concat(rows);
      this.start = headroom;
    }
    this.start -= matched.length;
    for (let i = 0; i < matched.length; i++) this.positions[this.start + i] = matched[i];
    return matched.length;
  }

  *entries(): IterableIterator<Entry> {
    for (let i = 0; i < this.length; i++) yield this.entry(i)!;
  }
}
