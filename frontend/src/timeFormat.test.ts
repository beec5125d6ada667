import { describe, expect, it } from 'vitest';
import { ago, clock, fullTime, parseTimeMode, rowTime } from './timeFormat';

describe('time format', () => {
  it('writes UTC on the 24-hour clock with milliseconds, whatever zone the entry was written in', () => {
    expect(rowTime('2026-01-01T23:04:05.123Z', 'utc')).toBe('23:04:05.123');
    expect(rowTime('2026-01-02T01:04:05.1+02:00', 'utc')).toBe('23:04:05.100');
    expect(rowTime('2026-01-01T23:04:05.123456Z', 'utc')).toBe('23:04:05.123');
  });

  it('writes local time on the 24-hour clock', () => {
    const iso = '2026-06-01T15:30:00.007Z';
    const date = new Date(iso);
    const expected = `${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}:00.007`;
    expect(rowTime(iso, 'local')).toBe(expected);
    expect(clock(new Date(2026, 0, 1, 21, 5, 9), 'local')).toBe('21:05:09');
    expect(fullTime(iso, 'utc')).toBe('2026-06-01 15:30:00.007 UTC');
    expect(fullTime(iso, 'local')).toMatch(/^2026-06-01 \d\d:30:00\.007 [+-]\d\d:\d\d$/);
  });

  it('writes relative time as how long ago', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(rowTime('2026-01-01T11:59:59.500Z', 'relative', now)).toBe('now');
    expect(rowTime('2026-01-01T11:59:48Z', 'relative', now)).toBe('12s ago');
    expect(ago(5 * 60_000 + 3_000)).toBe('5m 03s ago');
    expect(ago(3 * 3_600_000 + 5 * 60_000)).toBe('3h 05m ago');
    expect(ago(2 * 86_400_000 + 4 * 3_600_000)).toBe('2d 04h ago');
  });

  it('keeps a time it cannot read as written', () => {
    expect(rowTime('yesterday', 'local')).toBe('yesterday');
    expect(parseTimeMode('utc')).toBe('utc');
    expect(parseTimeMode('Mars')).toBeNull();
  });
});
