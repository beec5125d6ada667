import { levelRank } from './filters';
import type { Entry } from './types';

const ERROR_RANK = levelRank('ERROR');

export interface AlertTarget {
  /** Whether the page is out of sight (document.hidden). */
  hidden(): boolean;
  setTitle(title: string): void;
  /** Raises a browser notification; absent or refused: the title alone tells. */
  notify?(title: string, body: string): void;
}

/**
 * While the tab is hidden, errors that pass the filter are counted in the title ("(3) zmqlog")
 * and, when the user allowed it, raise one notification per batch. Coming back clears both.
 */
export class HiddenAlerts {
  private count = 0;

  constructor(
    private readonly target: AlertTarget,
    private readonly baseTitle: string,
  ) {}

  /** Entries that just arrived and pass the filter. */
  arrived(entries: Iterable<Entry>): void {
    if (!this.target.hidden()) return;
    let first: Entry | null = null;
    let errors = 0;
    for (const entry of entries) {
      if (entry.lost === undefined && levelRank(entry.level) >= ERROR_RANK) {
        first ??= entry;
        errors++;
      }
    }
    if (errors === 0) return;
    this.count += errors;
    this.target.setTitle(`(${this.count.toLocaleString('en')}) ${this.baseTitle}`);
    const source = first!.source?.app ? `${first!.source.app}: ` : '';
    this.target.notify?.(errors === 1 ? `${first!.level} in ${first!.topic}` : `${errors} errors`, `${source}${(first!.message ?? '').slice(0, 200)}`);
  }

  /** The page is in sight again. */
  seen(): void {
    if (this.count === 0) return;
    this.count = 0;
    this.target.setTitle(this.baseTitle);
  }
}
