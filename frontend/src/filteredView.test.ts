import { describe, expect, it } from 'vitest';
import { EntryBuffer } from './entryBuffer';
import { FilteredView } from './filteredView';
import { entries } from './testEntries';

const odd = (e: { id: number }) => e.id % 2 === 1;

describe('FilteredView', () => {
  it('holds what passes the filter, in order', () => {
    const buffer = new EntryBuffer(100);
    buffer.append(entries(1, 10));
    const view = new FilteredView(buffer, odd);
    expect([...view.entries()].map((e) => e.id)).toEqual([1, 3, 5, 7, 9]);
  });

  it('follows appends and evictions', () => {
    const buffer = new EntryBuffer(5);
    const view = new FilteredView(buffer, odd);
    const result = buffer.append(entries(1, 8));
    expect(view.sync(result.added.length)).toEqual({ added: 2, dropped: 0 });
    expect([...view.entries()].map((e) => e.id)).toEqual([5, 7]);
    const next = buffer.append(entries(9, 12));
    expect(view.sync(next.added.length)).toEqual({ added: 2, dropped: 2 });
    expect([...view.entries()].map((e) => e.id)).toEqual([9, 11]);
  });

  it('rescans when the filter changes', () => {
    const buffer = new EntryBuffer(100);
    buffer.append(entries(1, 6));
    const view = new FilteredView(buffer, odd);
    view.setPredicate((e) => e.id > 4);
    expect([...view.entries()].map((e) => e.id)).toEqual([5, 6]);
    expect(view.entry(1)!.id).toBe(6);
  });
});

describe('FilteredView.prepended', () => {
  it('adds the older entries that pass the filter at the start, in order', () => {
    const buffer = new EntryBuffer(100);
    buffer.append(entries(10, 14));
    const view = new FilteredView(buffer, (e) => e.id % 2 === 0);
    expect(view.prepended(buffer.prepend(entries(1, 9)).added)).toBe(4);
    expect([...view.entries()].map((e) => e.id)).toEqual([2, 4, 6, 8, 10, 12, 14]);
    buffer.append(entries(15, 16));
    view.sync(2);
    expect([...view.entries()].map((e) => e.id)).toEqual([2, 4, 6, 8, 10, 12, 14, 16]);
  });

  it('forgets the rows whose entries the buffer evicted at its newest end', () => {
    const buffer = new EntryBuffer(6);
    buffer.append(entries(10, 15));
    const view = new FilteredView(buffer, (e) => e.id % 2 === 0);
    expect(view.prepended(buffer.prepend(entries(6, 9), { evictNewest: true }).added)).toBe(2);
    expect([...view.entries()].map((e) => e.id)).toEqual([6, 8, 10]);
    expect(view.length).toBe(3);
    buffer.append(entries(12, 13));
    view.sync(2);
    expect([...view.entries()].map((e) => e.id)).toEqual([8, 10, 12]);
  });
});
