import { describe, expect, it } from 'vitest';
import { Backoff } from './backoff';
import { abbreviateLogger, entriesAsJsonLines, entriesAsText, findError, lineCount, shortTime } from './format';
import { entry } from './testEntries';

describe('formatting', () => {
  it('shows the clock time with milliseconds', () => {
    expect(shortTime('2026-03-01T12:34:56.789123Z')).toBe('12:34:56.789');
    expect(shortTime('2026-03-01T12:34:56Z')).toBe('12:34:56.000');
  });

  it('counts the lines of message and stack trace', () => {
    expect(lineCount(entry(1))).toBe(1);
    expect(lineCount(entry(1, { message: 'a\nb', exception: 'E\n\tat x\n' }))).toBe(4);
  });

  it('exports as text without escapes and as JSON lines', () => {
    const list = [entry(1, { message: '\x1b[31mred\x1b[0m', level: 'WARN', exception: 'E: x\n\tat y' })];
    expect(entriesAsText(list)).toBe('2026-01-01T10:00:00.001Z WARN  [app.INFO] com.example.Service > red\nE: x\n\tat y\n');
    const line = entriesAsJsonLines(list);
    expect(JSON.parse(line.trim()).id).toBe(1);
    expect(line.endsWith('\n')).toBe(true);
  });

  it('finds the next and previous error, wrapping', () => {
    const levels = ['INFO', 'ERROR', 'INFO', 'FATAL', 'INFO'];
    const at = (i: number) => levels[i];
    expect(findError(5, at, 1, 1)).toBe(3);
    expect(findError(5, at, 3, 1)).toBe(1);
    expect(findError(5, at, 1, -1)).toBe(3);
    expect(findError(5, () => 'INFO', 0, 1)).toBe(-1);
  });
});

describe('Backoff', () => {
  it('doubles up to the maximum and starts over after a reset', () => {
    const backoff = new Backoff(500, 4000, () => 1);
    expect([backoff.next(), backoff.next(), backoff.next(), backoff.next(), backoff.next()]).toEqual([500, 1000, 2000, 4000, 4000]);
    backoff.reset();
    expect(backoff.next()).toBe(500);
  });
});

describe('abbreviateLogger', () => {
  it('shortens packages to initials until the name fits', () => {
    expect(abbreviateLogger('com.example.orders.OrderService', 40)).toBe('com.example.orders.OrderService');
    expect(abbreviateLogger('com.example.orders.OrderService', 24)).toBe('c.e.orders.OrderService');
    expect(abbreviateLogger('com.example.orders.OrderService', 5)).toBe('c.e.o.OrderService');
  });
});
