import { describe, expect, it } from 'vitest';
import { compileFilter, compileSearch, parseFilter, sameServerFilter, serialiseFilter, streamQuery } from './filters';
import { entry } from './testEntries';

describe('filter URL state', () => {
  it('parses repeatable topics, level and q', () => {
    const filter = parseFilter('?topic=a.INFO&topic=b&level=warn&q=time%20out');
    expect(filter).toEqual({ topics: ['a.INFO', 'b'], level: 'WARN', q: 'time out', regex: false, invert: false });
  });

  it('reads pyzmq level names and ignores unknown ones', () => {
    expect(parseFilter('level=WARNING').level).toBe('WARN');
    expect(parseFilter('level=CRITICAL').level).toBe('FATAL');
    expect(parseFilter('level=LOUD').level).toBeNull();
  });

  it('round-trips through the URL', () => {
    const filter = { topics: ['x', 'y.z'], level: 'ERROR' as const, q: 'a+b', regex: true, invert: true };
    expect(parseFilter(serialiseFilter(filter))).toEqual(filter);
  });

  it('keeps other parameters but drops an access token', () => {
    const params = serialiseFilter(parseFilter(''), '?token=secret&debug=1&q=old');
    expect(params.toString()).toBe('debug=1');
  });

  it('asks the server only for what it can filter', () => {
    expect(streamQuery(parseFilter('topic=a&level=INFO&q=x'), 42).toString()).toBe('topic=a&level=INFO&q=x&after=42');
    expect(streamQuery(parseFilter('q=x&regex=1')).toString()).toBe('');
    expect(streamQuery(parseFilter('q=x&invert=1')).toString()).toBe('');
  });
});

describe('when the stream must be reopened', () => {
  it('reopens when what the server filters changes, not for client-only toggles', () => {
    const base = parseFilter('topic=a&q=x');
    expect(sameServerFilter(base, parseFilter('topic=a&q=x'))).toBe(true);
    expect(sameServerFilter(base, parseFilter('topic=a&q=xy'))).toBe(false);
    expect(sameServerFilter(base, parseFilter('topic=a&q=x&regex=1'))).toBe(false);
    expect(sameServerFilter(parseFilter('topic=a&q=x&regex=1'), parseFilter('topic=a&q=y&regex=1'))).toBe(true);
    expect(sameServerFilter(parseFilter('invert=1'), parseFilter(''))).toBe(true);
  });
});

describe('client-side filter', () => {
  it('matches topic prefixes, lowest level and substring like the server', () => {
    const match = compileFilter(parseFilter('topic=db&topic=web&level=WARN&q=POOL'));
    expect(match(entry(1, { topic: 'db.WARN', level: 'WARN', message: 'pool empty' }))).toBe(true);
    expect(match(entry(2, { topic: 'db.INFO', level: 'INFO', message: 'pool empty' }))).toBe(false);
    expect(match(entry(3, { topic: 'cache.ERROR', level: 'ERROR', message: 'pool empty' }))).toBe(false);
    expect(match(entry(4, { topic: 'web.ERROR', level: 'ERROR', message: 'x', exception: 'at Pool.get' }))).toBe(true);
    expect(match(entry(5, { topic: 'web.ERROR', level: null, message: 'pool' }))).toBe(false);
  });

  it('inverts the text search', () => {
    const match = compileFilter(parseFilter('q=health&invert=1'));
    expect(match(entry(1, { message: 'GET /health' }))).toBe(false);
    expect(match(entry(2, { message: 'GET /orders' }))).toBe(true);
  });

  it('searches by regular expression', () => {
    const match = compileFilter(parseFilter('q=took%20\\d{3,}ms&regex=1'));
    expect(match(entry(1, { message: 'took 1200ms' }))).toBe(true);
    expect(match(entry(2, { message: 'took 12ms' }))).toBe(false);
  });

  it('lets everything through while the regex is invalid, and says why', () => {
    expect(compileFilter(parseFilter('q=(&regex=1'))(entry(1))).toBe(true);
    expect(compileSearch({ q: '(', regex: true }).error).toMatch(/./);
  });
});

describe('search highlight', () => {
  it('finds every case-insensitive occurrence', () => {
    const { matcher } = compileSearch({ q: 'ab', regex: false });
    expect(matcher!('xABab ab')).toEqual([
      [1, 3],
      [3, 5],
      [6, 8],
    ]);
  });

  it('finds regex matches and skips empty ones', () => {
    const { matcher } = compileSearch({ q: 'a*', regex: true });
    expect(matcher!('baab')).toEqual([[1, 3]]);
  });
});
