import { describe, expect, it } from 'vitest';
import { ContextRows } from './context';
import { ContextMode, type Place } from './contextMode';
import { entries, entry } from './testEntries';

const rowsAround = (id: number) => new ContextRows(entry(id), entries(id - 2, id + 2));
const place = (topId: number): Place => ({ topId, offset: 7, following: false, selectedId: topId + 1 });

describe('ContextMode', () => {
  it('shows a context and gives back the place of the filtered view', () => {
    const mode = new ContextMode();
    expect(mode.active).toBe(false);
    const rows = rowsAround(10);
    expect(mode.open(mode.request(), rows, place(3))).toBe(true);
    expect(mode.active).toBe(true);
    expect(mode.rows).toBe(rows);
    expect(mode.close()).toEqual(place(3));
    expect(mode.active).toBe(false);
    expect(mode.close()).toBeNull();
  });

  it('keeps the first place when a context is opened from a context', () => {
    const mode = new ContextMode();
    mode.open(mode.request(), rowsAround(10), place(3));
    const second = rowsAround(11);
    mode.open(mode.request(), second, place(99));
    expect(mode.rows).toBe(second);
    expect(mode.close()).toEqual(place(3));
  });

  it('drops an answer that a newer request or Back made stale', () => {
    const mode = new ContextMode();
    const first = mode.request();
    const second = mode.request();
    expect(mode.open(first, rowsAround(10), place(1))).toBe(false);
    expect(mode.active).toBe(false);
    const third = mode.request();
    mode.close();
    expect(mode.open(third, rowsAround(10), place(1))).toBe(false);
    expect(mode.open(second, rowsAround(10), place(1))).toBe(false);
    expect(mode.active).toBe(false);
  });
});
