import { describe, expect, it } from 'vitest';
import { EntryBuffer } from './entryBuffer';
import { entries, entry } from './testEntries';

const ids = (buffer: EntryBuffer) => [...buffer].map((e) => e.id);

describe('EntryBuffer', () => {
  it('keeps appended batches in order', () => {
    const buffer = new EntryBuffer(10);
    buffer.append(entries(1, 3));
    buffer.append(entries(4, 5));
    expect(ids(buffer)).toEqual([1, 2, 3, 4, 5]);
    expect(buffer.lastId).toBe(5);
  });

  it('evicts the oldest beyond capacity and says how many', () => {
    const buffer = new EntryBuffer(3);
    buffer.append(entries(1, 2));
    const result = buffer.append(entries(3, 5));
    expect(ids(buffer)).toEqual([3, 4, 5]);
    expect(result.evicted).toBe(2);
    expect(buffer.firstPosition).toBe(2);
    expect(buffer.at(1)).toBeUndefined();
    expect(buffer.at(2)!.id).toBe(3);
  });

  it('drops an entry it already holds', () => {
    const buffer = new EntryBuffer(10);
    buffer.append(entries(1, 3));
    const result = buffer.append([entry(2), entry(3), entry(4)]);
    expect(result.added.map((e) => e.id)).toEqual([4]);
    expect(result.restarted).toBe(false);
    expect(ids(buffer)).toEqual([1, 2, 3, 4]);
  });

  it('treats ids going backwards with other content as a viewer restart', () => {
    const buffer = new EntryBuffer(10);
    buffer.append(entries(1, 5));
    const result = buffer.append([entry(1, { message: 'after restart', time: '2026-01-02T00:00:00Z' }), entry(2)]);
    expect(result.restarted).toBe(true);
    expect(ids(buffer)).toEqual([1, 2]);
    expect(buffer.at(buffer.firstPosition)!.message).toBe('after restart');
  });

  it('treats an id below everything it still holds as a restart', () => {
    const buffer = new EntryBuffer(3);
    buffer.append(entries(1, 10));
    const result = buffer.append(entries(2, 3));
    expect(result.restarted).toBe(true);
    expect(ids(buffer)).toEqual([2, 3]);
  });

  it('finds entries by id', () => {
    const buffer = new EntryBuffer(4);
    buffer.append(entries(10, 20));
    expect(buffer.positionOfId(18)).toBe(8);
    expect(buffer.positionOfId(12)).toBe(-1);
  });

  it('stays bounded over a long stream', () => {
    const buffer = new EntryBuffer(1000);
    for (let batch = 0; batch < 50; batch++) buffer.append(entries(batch * 500 + 1, batch * 500 + 500));
    expect(buffer.size).toBe(1000);
    expect(buffer.lastId).toBe(25_000);
    expect(buffer.at(buffer.firstPosition)!.id).toBe(24_001);
  });
});

describe('EntryBuffer.prepend', () => {
  it('puts older entries before the oldest, within the room there is, nearest first', () => {
    const buffer = new EntryBuffer(6);
    buffer.append(entries(10, 12));
    const first = buffer.firstPosition;
    expect(buffer.prepend([...entries(4, 9)])).toEqual({ added: 3, evicted: 0 });
    expect(ids(buffer)).toEqual([7, 8, 9, 10, 11, 12]);
    expect(buffer.firstPosition).toBe(first - 3);
    expect(buffer.at(first)!.id).toBe(10);
    // full: nothing more
    expect(buffer.prepend(entries(1, 3))).toEqual({ added: 0, evicted: 0 });
  });

  it('ignores entries that are not older than those held, and keeps appending after', () => {
    const buffer = new EntryBuffer(10);
    buffer.append(entries(5, 6));
    expect(buffer.prepend([entry(3), entry(5), entry(9)]).added).toBe(1);
    buffer.append(entries(7, 8));
    expect(ids(buffer)).toEqual([3, 5, 6, 7, 8]);
    expect(buffer.positionOfId(3)).toBe(buffer.firstPosition);
  });

  it('makes room by evicting the newest when asked: a window sliding back through history', () => {
    const buffer = new EntryBuffer(6);
    buffer.append(entries(10, 15));
    expect(buffer.prepend(entries(6, 9), { evictNewest: true })).toEqual({ added: 4, evicted: 4 });
    expect(ids(buffer)).toEqual([6, 7, 8, 9, 10, 11]);
    expect(buffer.lastId).toBe(11);
    // positions stay those of the entries kept
    expect(buffer.at(buffer.positionOfId(10))!.id).toBe(10);
    // a batch larger than the buffer: the entries nearest to those held, none of its own evicted
    expect(buffer.prepend(entries(1, 5).concat(), { evictNewest: true })).toEqual({ added: 5, evicted: 5 });
    expect(ids(buffer)).toEqual([1, 2, 3, 4, 5, 6]);
    const small = new EntryBuffer(3);
    small.append(entries(20, 22));
    expect(small.prepend(entries(1, 10), { evictNewest: true })).toEqual({ added: 3, evicted: 3 });
    expect(ids(small)).toEqual([8, 9, 10]);
    // and the newer pages come back at the end, the oldest leaving
    small.append(entries(11, 12));
    expect(ids(small)).toEqual([10, 11, 12]);
  });
});
