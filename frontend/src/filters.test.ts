import { describe, expect, it } from 'vitest';
import { apiQuery, compileFilter, compileSearch, NO_FILTER, parseFilter, sameServerFilter, serialiseFilter, streamQuery, toggleField } from './filters';
import { entry } from './testEntries';

describe('filter URL state', () => {
  it('parses repeatable topics, level and q', () => {
    const filter = parseFilter('?topic=a.INFO&topic=b&level=warn&q=time%20out');
    expect(filter).toEqual({ ...NO_FILTER, topics: ['a.INFO', 'b'], level: 'WARN', q: 'time out' });
  });

  it('reads pyzmq level names and ignores unknown ones', () => {
    expect(parseFilter('level=WARNING').level).toBe('WARN');
    expect(parseFilter('level=CRITICAL').level).toBe('FATAL');
    expect(parseFilter('level=LOUD').level).toBeNull();
  });

  it('round-trips through the URL', () => {
    const filter = { ...NO_FILTER, topics: ['x', 'y.z'], level: 'ERROR' as const, q: 'a+b', regex: true, invert: true };
    expect(parseFilter(serialiseFilter(filter))).toEqual(filter);
  });

  it('uses the API names, and round-trips every field whatever characters it holds', () => {
    const filter = {
      ...NO_FILTER,
      q: 'a|b[0-9]{2}\\d ^`&=#%',
      regex: true,
      invert: true,
      sources: ['orders', 'i-1'],
      notSources: ['web'],
      logger: 'com.shop',
      thread: 'http-nio-1',
      mdc: [['traceId', 'a&b=c'] as [string, string]],
      notMdc: [['user', 'bot'] as [string, string]],
      marker: 'AUDIT',
    };
    const params = serialiseFilter(filter);
    expect(params.get('regex')).toBe('true');
    expect(params.get('not')).toBe('true');
    expect(params.getAll('source')).toEqual(['orders', 'i-1']);
    expect(params.get('mdc.traceId')).toBe('a&b=c');
    expect(parseFilter(`?${params}`)).toEqual(filter);
  });

  it('reads a URL typed by hand, with regex characters left raw', () => {
    const filter = parseFilter('?regex=true&q=a|b[0-9]');
    expect(filter.q).toBe('a|b[0-9]');
    expect(filter.regex).toBe(true);
    expect(parseFilter('?q=x&invert=1').invert).toBe(true);
  });

  it('keeps other parameters but drops an access token', () => {
    const params = serialiseFilter(parseFilter(''), '?token=secret&debug=1&q=old');
    expect(params.toString()).toBe('debug=1');
  });

  it('asks the server only for what it can filter', () => {
    expect(streamQuery(parseFilter('topic=a&level=INFO&q=x'), 42).toString()).toBe('topic=a&level=INFO&q=x&after=42');
    expect(streamQuery(parseFilter('q=x&regex=1')).toString()).toBe('');
    expect(streamQuery(parseFilter('q=x&invert=1')).toString()).toBe('');
    expect(streamQuery(parseFilter('source=orders&source!=web&mdc.traceId=t1&mdc.user!=bot&logger=a.b')).toString()).toBe(
      'source=orders&logger=a.b&mdc.traceId=t1',
    );
  });

  it('gives the HTTP API the regex and the inversion too, but never an invalid regex', () => {
    expect(apiQuery(parseFilter('q=a|b&regex=true&not=true')).toString()).toBe('q=a%7Cb&regex=true&not=true');
    expect(apiQuery(parseFilter('q=a(b&regex=true&level=WARN')).toString()).toBe('level=WARN');
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

describe('filters by field', () => {
  const order = entry(1, { source: { app: 'orders', host: 'h1', pid: 1, instance: 'o-1' }, mdc: { traceId: 't1' }, thread: 'main', logger: 'com.shop.Orders' });
  const web = entry(2, { source: { app: 'web', host: 'h2', pid: 2, instance: 'w-1' }, mdc: { traceId: 't2', user: 'bot' } });

  it('keeps the entries of a source by app or instance, and hides excluded ones', () => {
    expect(compileFilter(parseFilter('source=orders'))(order)).toBe(true);
    expect(compileFilter(parseFilter('source=w-1'))(web)).toBe(true);
    expect(compileFilter(parseFilter('source=orders'))(web)).toBe(false);
    expect(compileFilter(parseFilter('source!=orders'))(order)).toBe(false);
    expect(compileFilter(parseFilter('source!=orders'))(web)).toBe(true);
    expect(compileFilter(parseFilter('source=orders'))(entry(3))).toBe(false);
  });

  it('matches MDC values, logger prefixes and threads', () => {
    expect(compileFilter(parseFilter('mdc.traceId=t1'))(order)).toBe(true);
    expect(compileFilter(parseFilter('mdc.traceId=t1'))(web)).toBe(false);
    expect(compileFilter(parseFilter('mdc.user!=bot'))(web)).toBe(false);
    expect(compileFilter(parseFilter('logger=com.shop&thread=main'))(order)).toBe(true);
    expect(compileFilter(parseFilter('logger=org'))(order)).toBe(false);
  });

  it('toggles a clicked value: click to require, shift-click to exclude, again to take back', () => {
    let filter = toggleField(NO_FILTER, 'source', 'orders');
    expect(filter.sources).toEqual(['orders']);
    filter = toggleField(filter, 'source', 'orders', true);
    expect([filter.sources, filter.notSources]).toEqual([[], ['orders']]);
    filter = toggleField(filter, 'mdc.traceId', 't1');
    filter = toggleField(filter, 'mdc.traceId', 't2');
    expect(filter.mdc).toEqual([['traceId', 't2']]);
    expect(toggleField(filter, 'mdc.traceId', 't2').mdc).toEqual([]);
    expect(toggleField(NO_FILTER, 'logger', 'a.B').logger).toBe('a.B');
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
