import { describe, expect, it } from 'vitest';
import { NO_FILTER } from './filters';
import { groupByApp, LossTracker, SourceNames, sourceHealth } from './sources';
import { entry } from './testEntries';
import type { SourceRow } from './types';
import { ViewState } from './viewState';

const NOW = Date.parse('2026-01-01T12:00:00Z');
const ago = (ms: number) => new Date(NOW - ms).toISOString();

function row(fields: Partial<SourceRow>): SourceRow {
  return {
    app: 'orders',
    host: 'web-1',
    pid: 1,
    instance: 'o-1',
    firstSeen: ago(3_600_000),
    lastSeen: ago(1_000),
    received: 10,
    lost: 0,
    rate: 1,
    restartOf: null,
    ...fields,
  };
}

describe('sourceHealth', () => {
  it('tells live, quiet and gone apart by when a source was last seen', () => {
    expect(sourceHealth(row({}), [], NOW)).toBe('live');
    expect(sourceHealth(row({ lastSeen: ago(60_000) }), [], NOW)).toBe('quiet');
    expect(sourceHealth(row({ lastSeen: ago(3_600_000) }), [], NOW)).toBe('gone');
  });

  it('marks a new instance of the same app and host as restarted, and the one it replaced as gone', () => {
    const old = row({ instance: 'o-1', lastSeen: ago(20_000) });
    const fresh = row({ instance: 'o-2', pid: 2, firstSeen: ago(30_000), restartOf: 'o-1' });
    expect(sourceHealth(fresh, [old, fresh], NOW)).toBe('restarted');
    expect(sourceHealth(old, [old, fresh], NOW)).toBe('gone');
    // long after the restart it is an ordinary live source
    expect(sourceHealth(row({ restartOf: 'o-1', firstSeen: ago(3_600_000) }), [], NOW)).toBe('live');
  });

  it('groups instances under their app', () => {
    const groups = groupByApp([row({}), row({ app: 'web', instance: 'w-1' }), row({ instance: 'o-2' })]);
    expect(groups.map((g) => [g.app, g.instances.map((i) => i.instance)])).toEqual([
      ['orders', ['o-1', 'o-2']],
      ['web', ['w-1']],
    ]);
  });
});

describe('SourceNames', () => {
  it('names a source by its app until the app has several instances, then by its host', () => {
    const names = new SourceNames();
    const first = { app: 'orders', host: 'web-1', pid: 1, instance: 'o-1' };
    names.learnEntry(entry(1, { source: first }));
    expect(names.label(first)).toBe('orders');
    expect(names.filterValue(first)).toBe('orders');
    const version = names.version;
    const second = { app: 'orders', host: 'web-2', pid: 1, instance: 'o-2' };
    names.learnRows([row({ ...second })]);
    expect(names.version).toBeGreaterThan(version);
    expect(names.label(first)).toBe('orders@web-1');
    expect(names.label(second)).toBe('orders@web-2');
    expect(names.filterValue(second)).toBe('o-2');
  });

  it('falls back to the pid when instances share a host', () => {
    const names = new SourceNames();
    names.learnRows([row({ instance: 'a', pid: 10 }), row({ instance: 'b', pid: 11 })]);
    expect(names.label({ app: 'orders', host: 'web-1', pid: 11, instance: 'b' })).toBe('orders@web-1:11');
  });
});

describe('LossTracker', () => {
  const source = { app: 'orders', host: 'web-2', pid: 1, instance: 'o-1' };
  const other = { app: 'web', host: 'web-3', pid: 1, instance: 'w-1' };

  it('puts a marker before the entry that follows a gap in its source seq', () => {
    const tracker = new LossTracker();
    const batch = [entry(1, { seq: 1, source }), entry(2, { seq: 1, source: other }), entry(3, { seq: 1236, source }), entry(4, { seq: 2, source: other })];
    const marked = tracker.mark(batch, () => 'orders@web-2');
    expect(marked.map((e) => e.id)).toEqual([1, 2, 2.5, 3, 4]);
    expect(marked[2]).toMatchObject({ lost: 1234, message: '1,234 lost from orders@web-2', source });
  });

  it('ignores repeated and late numbers, and forgets everything on reset', () => {
    const tracker = new LossTracker();
    tracker.mark([entry(1, { seq: 5, source })], () => '');
    expect(tracker.mark([entry(2, { seq: 5, source }), entry(3, { seq: 3, source }), entry(4, { seq: 6, source })], () => '')).toHaveLength(3);
    tracker.reset();
    expect(tracker.mark([entry(5, { seq: 100, source })], () => '')).toHaveLength(1);
  });

  it('marks losses in the view only while the stream is unfiltered', () => {
    const view = new ViewState(NO_FILTER, { capacity: 100 });
    view.received([entry(1, { seq: 1, source })]);
    view.received([entry(2, { seq: 4, source })]);
    expect([...view.view.entries()].map((e) => e.lost ?? e.id)).toEqual([1, 2, 2]);
    view.setFilter({ ...NO_FILTER, level: 'WARN' });
    view.expectBacklog();
    view.received([entry(5, { seq: 10, source, level: 'WARN' }), entry(6, { seq: 20, source, level: 'WARN' })]);
    expect([...view.view.entries()].map((e) => e.id)).toEqual([5, 6]);
  });

  it('does not take entries the server skipped for losses', () => {
    const view = new ViewState(NO_FILTER, { capacity: 100 });
    view.received([entry(1, { seq: 1, source })]);
    view.skipped();
    view.received([entry(50, { seq: 50, source })]);
    expect(view.view.length).toBe(2);
  });
});
