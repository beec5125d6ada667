import type { Api } from './api';
import type { Entry } from './types';

/**
 * Loads the entries before the oldest one held, a page at a time, as the user scrolls up
 * past them (GET /api/entries?before=ID: the viewer's history, its store once it has one).
 * One request at a time; a filter change makes an answer in flight stale.
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

  /** The page before `oldestId`, oldest first; null when busy, at the start, stale or failed. */
  async load(oldestId: number, filters: URLSearchParams): Promise<Entry[] | null> {
    if (this.busy || this.exhausted || !(oldestId > 0)) return null;
    this.busy = true;
    const generation = this.generation;
    try {
      const result = await this.api.entries(filters, { before: Math.ceil(oldestId), limit: this.pageSize });
      if (generation !== this.generation) return null;
      if (!result.ok) return null;
      if (result.value.length < this.pageSize) this.exhausted = true;
      return result.value;
    } finally {
      if (generation === this.generation) this.busy = false;
    }
  }
}
