import { EntryBuffer } from './entryBuffer';
import { FilteredView } from './filteredView';
import { compileFilter, type FilterState, sameServerFilter, streamIsUnfiltered } from './filters';
import { FollowState } from './follow';
import { LossTracker } from './sources';
import type { Entry, Source } from './types';

/** What a batch from the stream did to the view. */
export type BatchOutcome =
  /** Nothing was new. */
  | { kind: 'none' }
  /** The backlog asked for (new filters, a new viewer run) stands in for what was held: nothing in it is news. */
  | { kind: 'replaced' }
  /** The ids went backwards with no greeting to say so: the viewer restarted, its entries are shown afresh. */
  | { kind: 'restarted' }
  /** Entries were added at the end (and old ones evicted at the start). */
  | { kind: 'appended'; added: number; dropped: number };

export interface ViewStateOptions {
  capacity: number;
  /** Called once for each restart of the viewer, however it was detected. */
  onRestart?: () => void;
  /** Names a source in loss markers. */
  sourceLabel?: (source: Source | null) => string;
}

/**
 * The page's model of the log, with no DOM: the filter, the entries held, those shown, follow
 * mode, and what each batch from the stream, each filter change and each viewer restart does
 * to them. main.ts only reacts to the outcomes.
 */
export class ViewState {
  readonly buffer: EntryBuffer;
  readonly view: FilteredView;
  readonly follow = new FollowState();
  private current: FilterState;
  private backlogExpected = false;
  private detachedFromLive = false;
  private restartPending = false;
  private readonly losses = new LossTracker();

  constructor(
    filter: FilterState,
    private readonly options: ViewStateOptions,
  ) {
    this.current = filter;
    this.buffer = new EntryBuffer(options.capacity);
    this.view = new FilteredView(this.buffer, compileFilter(filter));
  }

  get filter(): FilterState {
    return this.current;
  }

  /** Whether the next batch replaces what is held. */
  get awaitingBacklog(): boolean {
    return this.backlogExpected;
  }

  /**
   * Whether scrolling back through history evicted the newest entries: what is held no longer
   * reaches the live tail, so the stream's batches cannot be appended until newer pages close
   * the gap (or the backlog is asked for afresh).
   */
  get detached(): boolean {
    return this.detachedFromLive;
  }

  /** The id the stream resumes after; -1 asks for the backlog afresh. */
  resumeId(): number {
    return this.backlogExpected ? -1 : this.buffer.lastId;
  }

  /**
   * Shows a new filter over the entries held at once.
   * @returns whether the server's part of the filter changed, so the stream must be reopened for its backlog
   */
  setFilter(next: FilterState): { serverChanged: boolean } {
    const previous = this.current;
    this.current = next;
    this.view.setPredicate(compileFilter(next));
    this.follow.reset();
    const serverChanged = !sameServerFilter(previous, next);
    if (serverChanged) this.losses.reset();
    return { serverChanged };
  }

  /** The stream is reopened without `after`: its first batch is the backlog for the current filter. */
  expectBacklog(): void {
    this.backlogExpected = true;
  }

  /** Entries loaded from history for a time range stand in for what was held. */
  replaceAll(entries: readonly Entry[]): void {
    this.backlogExpected = false;
    this.detachedFromLive = false;
    this.losses.reset();
    this.buffer.clear();
    this.buffer.append(entries);
    this.view.rescan();
    this.follow.reset();
  }

  /** The viewer's greeting named another run: its backlog replaces what the old one gave. */
  viewerRestarted(): void {
    this.expectBacklog();
    this.noteRestart();
  }

  /** The server skipped entries for this page: the gaps that follow are not publishers' losses. */
  skipped(): void {
    this.losses.reset();
  }

  received(batch: readonly Entry[]): BatchOutcome {
    if (batch.length === 0) return { kind: 'none' };
    if (this.detachedFromLive && !this.backlogExpected) return { kind: 'none' };
    if (this.backlogExpected) this.losses.reset();
    const entries = streamIsUnfiltered(this.current) ? this.losses.mark(batch, this.options.sourceLabel ?? ((s) => s?.app ?? '')) : batch;
    if (this.backlogExpected) {
      this.backlogExpected = false;
      this.detachedFromLive = false;
      this.restartPending = false;
      this.buffer.clear();
      this.buffer.append(entries);
      this.view.rescan();
      this.follow.reset();
      return { kind: 'replaced' };
    }
    const result = this.buffer.append(entries);
    if (result.restarted) {
      this.losses.reset();
      this.view.rescan();
      this.follow.reset();
      this.follow.arrived(this.view.length);
      this.noteRestart();
      this.restartPending = false;
      return { kind: 'restarted' };
    }
    const change = this.view.sync(result.added.length);
    this.follow.arrived(change.added);
    return { kind: 'appended', added: change.added, dropped: change.dropped };
  }

  /**
   * Older entries from history (oldest first), put before those held; at capacity the newest
   * make room, and the view is then detached from the live tail.
   * @returns how many rows that adds at the top of the view
   */
  prepend(older: readonly Entry[]): number {
    const { added, evicted } = this.buffer.prepend(older, { evictNewest: true });
    if (evicted > 0) this.detachedFromLive = true;
    return added > 0 ? this.view.prepended(added) : 0;
  }

  /**
   * Newer entries from history (oldest first), after the newest held, while detached: the
   * oldest make room. A page shorter than asked for reached the newest entry stored: the
   * view is attached again, and the stream resumes after it.
   * @returns the rows added at the end and dropped from the start
   */
  appendNewer(newer: readonly Entry[], complete: boolean): { added: number; dropped: number } {
    const lastId = this.buffer.lastId;
    const result = this.buffer.append(newer.filter((e) => e.id > lastId));
    const change = this.view.sync(result.added.length);
    if (complete) this.detachedFromLive = false;
    return change;
  }

  /** One notice per restart: a greeting and ids going backwards may both tell of the same one. */
  private noteRestart(): void {
    if (this.restartPending) return;
    this.restartPending = true;
    this.options.onRestart?.();
  }
}
