import { describe, expect, it } from 'vitest';
import { LATE_MS, lateBy, lateText } from './order';
import { entry } from './testEntries';

const at = (id: number, time: string) => entry(id, { time });

describe('lateBy', () => {
  it('is 0 for rows in time order, the first row, and skews under a second', () => {
    expect(lateBy(at(2, '2026-01-01T10:00:01.000Z'), at(1, '2026-01-01T10:00:00.000Z'))).toBe(0);
    expect(lateBy(at(2, '2026-01-01T10:00:00.000Z'), undefined)).toBe(0);
    expect(lateBy(at(2, '2026-01-01T10:00:00.001Z'), at(1, '2026-01-01T10:00:01.000Z'))).toBe(0);
  });

  it('measures how long before the row above a late entry was logged', () => {
    expect(lateBy(at(2, '2026-01-01T10:00:00.000Z'), at(1, '2026-01-01T10:00:01.000Z'))).toBe(LATE_MS);
    expect(lateBy(at(2, '2026-01-01T09:59:55.500Z'), at(1, '2026-01-01T10:00:00.000Z'))).toBe(4_500);
    // whatever the zone offsets the times carry
    expect(lateBy(at(2, '2026-01-01T11:00:00.000+01:00'), at(1, '2026-01-01T10:00:03.000Z'))).toBe(3_000);
  });

  it('never marks a loss marker, nor an unreadable time', () => {
    expect(lateBy({ ...at(2, '2026-01-01T09:00:00.000Z'), lost: 3 }, at(1, '2026-01-01T10:00:00.000Z'))).toBe(0);
    expect(lateBy(at(2, 'garbage'), at(1, '2026-01-01T10:00:00.000Z'))).toBe(0);
  });
});

describe('lateText', () => {
  it('says by how much, in seconds, minutes or hours', () => {
    expect(lateText(2_400)).toMatch(/^logged 2\.4 s before the row above/);
    expect(lateText(90_000)).toMatch(/^logged 1\.5 min before/);
    expect(lateText(7_200_000)).toMatch(/^logged 2\.0 h before/);
  });
});
