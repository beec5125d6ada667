import type { Entry } from './types';

export interface AppendResult {
  /** Entries kept from this batch, in order. */
  added: Entry[];
  /** Entries dropped from the oldest end to stay within capacity. */
  evicted: number;
  /** The ids went backwards: the viewer restarted, and the buffer was cleared first. */
  restarted: boolean;
}

/**
 * The browser's bounded copy of the stream: a ring of the newest entries in id order.
 * Positions are absolute (0 for the first entry ever kept, counting on across evictions),
 * so views can refer to entries without being renumbered when old ones go.
 */
export class EntryBuffer {
  private ring: (Entry | undefined)[];
  private head = 0; // ring index of the oldest entry
  private count = 0;
  private base = 0; // absolute position of the oldest entry

  constructor(readonly capacity = 100_000) {
    if (capacity < 1) throw new Error('capacity must be positive');
    this.ring = new Array(capacity);
  }

  get size(): number {
    return this.count;
  }

  /** Absolute position of the oldest entry kept. */
  get firstPosition(): number {
    return this.base;
  }

  /** Absolute position the next entry will get. */
  get endPosition(): number {
    return this.base + this.count;
  }

  /** The newest id kept, or -1. */
  get lastId(): number {
    return this.count === 0 ? -1 : this.at(this.endPosition - 1)!.id;
  }

  /** The entry at an absolute position, or undefined once evicted. */
  at(position: number): Entry | undefined {
    const offset = position - this.base;
    if (offset < 0 || offset >= this.count) return undefined;
    return this.ring[(this.head + offset) % this.capacity];
  }

  /** Absolute position of the entry with this id, or -1. */
  positionOfId(id: number): number {
    let low = this.base;
    let high = this.endPosition - 1;
    while (low <= high) {
      const mid = Math.floor((low + high) / 2); // positions go below 0 once older entries are put before the first
      const midId = this.at(mid)!.id;
      if (midId === id) return mid;
      if (midId < id) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  /**
   * Adds a batch. An id not above the last one is a duplicate when the buffer holds the
   * same entry under that id, and otherwise means the viewer restarted and numbers afresh:
   * the buffer is cleared and the batch accepted from there.
   */
  append(batch: readonly Entry[]): AppendResult {
    const added: Entry[] = [];
    let evicted = 0;
    let restarted = false;
    for (const entry of batch) {
      if (entry.id <= this.lastId) {
        if (this.isDuplicate(entry)) continue;
        this.clear();
        added.length = 0;
        evicted = 0;
        restarted = true;
      }
      if (this.count === this.capacity) {
        this.ring[this.head] = undefined;
        this.head = (this.head + 1) % this.capacity;
        this.count--;
        this.base++;
        evicted++;
      }
      this.ring[(this.head + this.count) % this.capacity] = entry;
      this.count++;
      added.push(entry);
    }
    return { added, evicted, restarted };
  }

  /**
   * Adds older entries (oldest first) before the oldest held. Entries not older than the
   * oldest held are ignored. At capacity, the newest entries make room when evictNewest (the
   * buffer then no longer reaches the live tail), else the batch is cut to the room there is,
   * keeping the entries nearest to those held.
   * @returns how many were added, and how many of the newest were evicted for them
   */
  prepend(batch: readonly Entry[], { evictNewest = false } = {}): { added: number; evicted: number } {
    const firstId = this.count === 0 ? Infinity : this.at(this.base)!.id;
    let added = 0;
    let evicted = 0;
    for (let i = batch.length - 1; i >= 0; i--) {
      const entry = batch[i];
      if (entry.id >= (added === 0 ? firstId : this.at(this.base)!.id)) continue;
      if (this.count === this.capacity) {
        // never the entries of this very batch: a batch larger than the buffer stops when it is full of it
        if (!evictNewest || added === this.capacity) break;
        this.ring[(this.head + this.count - 1) % this.capacity] = undefined;
        this.count--;
        evicted++;
      }
      this.head = (this.head - 1 + this.capacity) % this.capacity;
      this.ring[this.head] = entry;
      this.count++;
      this.base--;
      added++;
    }
    return { added, evicted };
  }

  private isDuplicate(entry: Entry): boolean {
    const position = this.positionOfId(entry.id);
    if (position < 0) return false;
    const kept = this.at(position)!;
    return kept.time === entry.time && kept.topic === entry.topic && kept.message === entry.message;
  }

  /** Forgets everything; positions continue from where they were. */
  clear(): void {
    this.ring = new Array(this.capacity);
    this.base += this.count;
    this.head = 0;
    this.count = 0;
  }

  *[Symbol.iterator](): IterableIterator<Entry> {
    for (let p = this.base; p < this.endPosition; p++) yield this.at(p)!;
  }
}
