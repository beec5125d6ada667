import type { Api } from './api';
import type { Entry } from './types';

/**
 * Loads the entries before the oldest one held, a page at a time, as the user scrolls up
 * past them (GET /api/entries?before=ID: the viewer's history, its store once it has one),
 * and, once those held no longer reach the live tail, the entries after the newest one held
 * as the user scrolls down again (after=ID). One request at a time; a filter change makes an
 * answer in flight stale.
 */
export class OlderLoader {
  private busy = false;
  private exhausted = false;
  private generation = 0;

  constructor(
    private readonly api: Api,
    private readonly pageSize = 500,
  ) {}

  /** Whether the history has nothing older for this filter. */
  get atStart(): boolean {
    return this.exhausted;
  }

  get loading(): boolean {
    return this.busy;
  }

  /** The filter changed: start over, and forget any answer still on its way. */
  reset(): void {
    this.generation++;
    this.busy = false;
    this.exhausted = false;
  }

  /** Entries older than those held are out of the buffer again (newer pages evicted them): there is history before them. */
  reopen(): void {
    this.exhausted = false;
  }

  /** The page before `oldestId`, oldest first; null when busy, at the start, stale or failed. */
  async load(oldestId: number, filters: URLSearchParams): Promise<Entry[] | null> {
    if (this.exhausted || !(oldestId > 0)) return null;
    const page = await this.fetch(filters, { before: Math.ceil(oldestId), limit: this.pageSize });
    if (page && page.length < this.pageSize) this.exhausted = true;
    return page;
  }

  /**
   * The page after `newestId`, oldest first, and whether it is the last one (it reached the
   * newest entry stored); null when busy, stale or failed.
   */
  async loadNewer(newestId: number, filters: URLSearchParams): Promise<{ entries: Entry[]; complete: boolean } | null> {
    const page = await this.fetch(filters, { after: Math.floor(newestId), limit: this.pageSize });
    return page && { entries: page, complete: page.length < this.pageSize };
  }

  private async fetch(filters: URLSearchParams, page: { before?: number; after?: number; limit: number }): Promise<Entry[] | null> {
    if (this.busy) return null;
    this.busy = true;
    const generation = this.generation;
    try {
      const result = await this.api.entries(filters, page);
      if (generation !== this.generation || !result.ok) return null;
      return result.value;
    } finally {
      if (generation === this.generation) this.busy = false;
    }
  }
}
