import { describe, expect, it } from 'vitest';
import { NO_FILTER } from './filters';
import { entries, entry } from './testEntries';
import { ViewState } from './viewState';

function state(capacity = 100) {
  const restarts: number[] = [];
  const view = new ViewState(NO_FILTER, { capacity, onRestart: () => restarts.push(1) });
  return { view, restarts };
}

const shownIds = (s: ViewState) => [...s.view.entries()].map((e) => e.id);

describe('ViewState', () => {
  it('appends batches and counts what arrives while paused', () => {
    const { view } = state();
    expect(view.received(entries(1, 3))).toEqual({ kind: 'appended', added: 3, dropped: 0 });
    view.follow.pause();
    view.received(entries(4, 5));
    expect(view.follow.newCount).toBe(2);
    expect(shownIds(view)).toEqual([1, 2, 3, 4, 5]);
  });

  it('reports the rows dropped at the start when the buffer is full', () => {
    const { view } = state(4);
    view.received(entries(1, 4));
    expect(view.received(entries(5, 6))).toEqual({ kind: 'appended', added: 2, dropped: 2 });
    expect(shownIds(view)).toEqual([3, 4, 5, 6]);
  });

  it('refilters what it holds at once and says when the server must be asked again', () => {
    const { view } = state();
    view.received([entry(1, { level: 'INFO' }), entry(2, { level: 'ERROR' }), entry(3, { level: 'WARN', message: 'disk' })]);
    expect(view.setFilter({ ...NO_FILTER, level: 'WARN' })).toEqual({ serverChanged: true });
    expect(shownIds(view)).toEqual([2, 3]);
    // a regex is applied here only: the stream stays as it is
    expect(view.setFilter({ ...NO_FILTER, level: 'WARN', q: 'di.k', regex: true })).toEqual({ serverChanged: false });
    expect(shownIds(view)).toEqual([3]);
  });

  it('replaces what it holds with the backlog that follows a filter change, counting nothing as new', () => {
    const { view, restarts } = state();
    view.received(entries(1, 5));
    view.follow.pause();
    view.setFilter({ ...NO_FILTER, level: 'ERROR' });
    view.expectBacklog();
    expect(view.resumeId()).toBe(-1);
    expect(view.received([entry(3, { level: 'ERROR' })])).toEqual({ kind: 'replaced' });
    expect(shownIds(view)).toEqual([3]);
    expect(view.follow.newCount).toBe(0);
    expect(view.resumeId()).toBe(3);
    expect(restarts).toEqual([]);
  });

  it('takes ids going backwards for a restart of the viewer, told once', () => {
    const { view, restarts } = state();
    view.received(entries(10, 12));
    expect(view.received(entries(1, 2))).toEqual({ kind: 'restarted' });
    expect(shownIds(view)).toEqual([1, 2]);
    expect(restarts).toEqual([1]);
  });

  it('tells a restart announced by the greeting once, though the backlog that follows starts its ids afresh', () => {
    const { view, restarts } = state();
    view.received(entries(10, 12));
    view.viewerRestarted();
    view.viewerRestarted(); // a second greeting before any batch: the same restart
    expect(view.received(entries(1, 2))).toEqual({ kind: 'replaced' });
    expect(shownIds(view)).toEqual([1, 2]);
    expect(restarts).toEqual([1]);
    // a later restart is news again
    view.viewerRestarted();
    view.received(entries(1, 1));
    expect(restarts).toEqual([1, 1]);
  });

  it('ignores an empty batch, even while a backlog is expected', () => {
    const { view } = state();
    view.received(entries(1, 2));
    view.expectBacklog();
    expect(view.received([])).toEqual({ kind: 'none' });
    expect(view.awaitingBacklog).toBe(true);
    expect(shownIds(view)).toEqual([1, 2]);
  });

  it('slides back through history past its capacity, detached from the live tail, and comes back by newer pages', () => {
    const { view } = state(4);
    view.received(entries(101, 104));
    expect(view.prepend(entries(99, 100))).toBe(2);
    expect(shownIds(view)).toEqual([99, 100, 101, 102]);
    expect(view.detached).toBe(true);
    // the stream's batches wait: they would leave a hole where 103 and 104 were
    expect(view.received(entries(105, 106))).toEqual({ kind: 'none' });
    expect(shownIds(view)).toEqual([99, 100, 101, 102]);
    // scrolling down: the newer page (the one held already is skipped), the oldest making room
    expect(view.appendNewer(entries(102, 104), false)).toEqual({ added: 2, dropped: 2 });
    expect(shownIds(view)).toEqual([101, 102, 103, 104]);
    expect(view.detached).toBe(true);
    expect(view.appendNewer(entries(105, 106), true)).toEqual({ added: 2, dropped: 2 });
    expect(view.detached).toBe(false);
    expect(view.resumeId()).toBe(106);
    expect(view.received(entries(107, 107))).toEqual({ kind: 'appended', added: 1, dropped: 1 });
  });

  it('is attached again by the backlog asked afresh', () => {
    const { view } = state(2);
    view.received(entries(10, 11));
    view.prepend(entries(8, 9));
    expect(view.detached).toBe(true);
    view.expectBacklog();
    expect(view.received(entries(20, 21))).toEqual({ kind: 'replaced' });
    expect(view.detached).toBe(false);
    expect(shownIds(view)).toEqual([20, 21]);
  });
});
