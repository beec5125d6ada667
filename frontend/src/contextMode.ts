import type { ContextRows } from './context';

/** Where the filtered view was: the row at the top, how far it was scrolled past, and whether it followed the newest. */
export interface Place {
  topId: number | null;
  /** Pixels of the top row above the viewport's top. */
  offset: number;
  following: boolean;
  selectedId: number | null;
}

/**
 * The list shows either the filtered view or the context around one entry. Opening a context
 * keeps the place of the filtered view; opening another from inside a context keeps the
 * first place, so Back always returns to the filtered view as it was left.
 */
export class ContextMode {
  private rowsShown: ContextRows | null = null;
  private saved: Place | null = null;
  private opening = 0;

  get active(): boolean {
    return this.rowsShown !== null;
  }

  get rows(): ContextRows | null {
    return this.rowsShown;
  }

  /**
   * A context is on its way; answers that come after a newer request or after Back are stale.
   * @returns a ticket to pass to open
   */
  request(): number {
    return ++this.opening;
  }

  /** Shows the context; place is the filtered view's, unless a context is already shown. */
  open(ticket: number, rows: ContextRows, place: Place): boolean {
    if (ticket !== this.opening) return false;
    if (!this.saved) this.saved = place;
    this.rowsShown = rows;
    return true;
  }

  /** Back to the filtered view: where it was, or null when no context was shown. */
  close(): Place | null {
    this.opening++;
    const place = this.saved;
    this.rowsShown = null;
    this.saved = null;
    return place;
  }
}
