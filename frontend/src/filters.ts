import type { Entry } from './types';

export const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;
export type Level = (typeof LEVELS)[number];

/** What the user asked to see; lives in the page URL, in the API's parameter names, so a view can be shared as a link. */
export interface FilterState {
  /** Topic prefixes, any of them; empty means every topic (`topic`). */
  topics: string[];
  /** The lowest level, or null for every entry (`level`). */
  level: Level | null;
  /** Text to look for in message, logger, topic and exception (`q`). */
  q: string;
  /** q is a regular expression (`regex=true`; applied in the page, so an invalid one filters nothing). */
  regex: boolean;
  /** Show what does not match q (`not=true`; applied in the page). */
  invert: boolean;
  /** App names or instance ids, any of them (`source`). */
  sources: string[];
  /** App names or instance ids to hide (`source!`, the page's own: the API has no exclusion). */
  notSources: string[];
  /** Logger name prefix (`logger`). */
  logger: string | null;
  /** Thread name (`thread`). */
  thread: string | null;
  /** MDC values that must all be there (`mdc.KEY=VALUE`, repeatable). */
  mdc: Array<[string, string]>;
  /** MDC values to hide (`mdc.KEY!=VALUE`, the page's own). */
  notMdc: Array<[string, string]>;
  /** A marker the entry carries (`marker`). */
  marker: string | null;
}

export const NO_FILTER: FilterState = {
  topics: [],
  level: null,
  q: '',
  regex: false,
  invert: false,
  sources: [],
  notSources: [],
  logger: null,
  thread: null,
  mdc: [],
  notMdc: [],
  marker: null,
};

export function levelRank(level: string | null | undefined): number {
  if (!level) return -1;
  const name = level.toUpperCase();
  if (name === 'WARNING') return 3;
  if (name === 'CRITICAL') return 5;
  return LEVELS.indexOf(name as Level);
}

function asLevel(value: string | null): Level | null {
  if (!value) return null;
  const rank = levelRank(value.trim());
  return rank < 0 ? null : LEVELS[rank];
}

function isOn(value: string | null): boolean {
  return value !== null && value !== '0' && value !== 'false';
}

const nonEmpty = (values: string[]) => [...new Set(values.filter((v) => v !== ''))];

function mdcPairs(params: URLSearchParams, suffix: '' | '!'): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  const seen = new Set<string>();
  for (const [name, value] of params) {
    if (!name.startsWith('mdc.') || name.length <= 4 + suffix.length) continue;
    const excluded = name.endsWith('!');
    if (excluded !== (suffix === '!')) continue;
    const key = excluded ? name.slice(4, -1) : name.slice(4);
    const id = `${key}\n${value}`;
    if (!seen.has(id)) pairs.push([key, value]);
    seen.add(id);
  }
  return pairs;
}

export function parseFilter(search: string | URLSearchParams): FilterState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  return {
    topics: nonEmpty(params.getAll('topic')),
    level: asLevel(params.get('level')),
    q: params.get('q') ?? '',
    regex: isOn(params.get('regex')),
    // `invert` is what links from before the API's names said
    invert: isOn(params.get('not') ?? params.get('invert')),
    sources: nonEmpty(params.getAll('source')),
    notSources: nonEmpty(params.getAll('source!')),
    logger: params.get('logger') || null,
    thread: params.get('thread') || null,
    mdc: mdcPairs(params, ''),
    notMdc: mdcPairs(params, '!'),
    marker: params.get('marker') || null,
  };
}

const FILTER_NAMES = ['topic', 'level', 'q', 'regex', 'not', 'invert', 'source', 'source!', 'logger', 'thread', 'marker', 'token'];

/** The filter as URL parameters; other parameters of `base` are kept (from, to, columns...), but never an access token. */
export function serialiseFilter(filter: FilterState, base?: string | URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of [...params.keys()]) if (FILTER_NAMES.includes(name) || name.startsWith('mdc.')) params.delete(name);
  for (const topic of filter.topics) params.append('topic', topic);
  if (filter.level) params.set('level', filter.level);
  if (filter.q) params.set('q', filter.q);
  if (filter.regex) params.set('regex', 'true');
  if (filter.invert) params.set('not', 'true');
  appendServerFields(params, filter);
  for (const source of filter.notSources) params.append('source!', source);
  for (const [key, value] of filter.notMdc) params.append(`mdc.${key}!`, value);
  return params;
}

function appendServerFields(params: URLSearchParams, filter: FilterState): void {
  for (const source of filter.sources) params.append('source', source);
  if (filter.logger) params.set('logger', filter.logger);
  if (filter.thread) params.set('thread', filter.thread);
  for (const [key, value] of filter.mdc) params.append(`mdc.${key}`, value);
  if (filter.marker) params.set('marker', filter.marker);
}

/**
 * What the live stream is asked to filter: everything the API names except a regex or an
 * inverted search, which the page applies itself (so an invalid regex filters nothing out).
 */
export function streamQuery(filter: FilterState, after?: number): URLSearchParams {
  const params = new URLSearchParams();
  for (const topic of filter.topics) params.append('topic', topic);
  if (filter.level) params.set('level', filter.level);
  if (filter.q && !filter.regex && !filter.invert) params.set('q', filter.q);
  appendServerFields(params, filter);
  if (after !== undefined && after >= 0) params.set('after', String(after));
  return params;
}

/** Whether the stream would carry every entry (so gaps in `seq` are losses, not the filter's doing). */
export function streamIsUnfiltered(filter: FilterState): boolean {
  return streamQuery(filter).toString() === '';
}

/** The filter for the HTTP API (entries from history, histogram, fields): all of it in the API's names, but an invalid regex. */
export function apiQuery(filter: FilterState): URLSearchParams {
  const params = streamQuery(filter);
  if (filter.q && (filter.regex || filter.invert) && compileSearch(filter).error === null) {
    params.set('q', filter.q);
    if (filter.regex) params.set('regex', 'true');
    if (filter.invert) params.set('not', 'true');
  }
  return params;
}

export function sameServerFilter(a: FilterState, b: FilterState): boolean {
  return streamQuery(a).toString() === streamQuery(b).toString();
}

/** Finds what q stands for in a text; null when q is empty or an invalid regex. */
export type TextMatcher = (text: string) => Array<[number, number]>;

export function compileSearch(filter: Pick<FilterState, 'q' | 'regex'>): { matcher: TextMatcher | null; error: string | null } {
  if (!filter.q) return { matcher: null, error: null };
  if (filter.regex) {
    let pattern: RegExp;
    try {
      pattern = new RegExp(filter.q, 'gi');
    } catch (error) {
      return { matcher: null, error: (error as Error).message };
    }
    return {
      error: null,
      matcher: (text) => {
        const ranges: Array<[number, number]> = [];
        pattern.lastIndex = 0;
        for (let match = pattern.exec(text); match; match = pattern.exec(text)) {
          if (match[0].length === 0) {
            pattern.lastIndex++;
            continue;
          }
          ranges.push([match.index, match.index + match[0].length]);
        }
        return ranges;
      },
    };
  }
  const needle = filter.q.toLowerCase();
  return {
    error: null,
    matcher: (text) => {
      const ranges: Array<[number, number]> = [];
      const haystack = text.toLowerCase();
      // toLowerCase keeps lengths for nearly all text; where it does not, highlight nothing
      if (haystack.length !== text.length) return [];
      for (let at = haystack.indexOf(needle); at >= 0; at = haystack.indexOf(needle, at + needle.length)) {
        ranges.push([at, at + needle.length]);
      }
      return ranges;
    },
  };
}

function textHits(matcher: TextMatcher, entry: Entry): boolean {
  for (const text of [entry.message, entry.logger, entry.topic, entry.exception]) {
    if (text && matcher(text).length > 0) return true;
  }
  return false;
}

function substringHits(needle: string, entry: Entry): boolean {
  for (const text of [entry.message, entry.logger, entry.topic, entry.exception]) {
    if (text && text.toLowerCase().includes(needle)) return true;
  }
  return false;
}

/** The same test the server applies, plus regex and invert; compiled once per filter change. */
export function compileFilter(filter: FilterState): (entry: Entry) => boolean {
  const lowest = filter.level ? levelRank(filter.level) : -1;
  const topics = filter.topics;
  let text: ((entry: Entry) => boolean) | null = null;
  if (filter.q) {
    if (filter.regex) {
      const { matcher } = compileSearch(filter);
      // an invalid regex filters nothing out rather than hiding everything
      if (matcher) text = (entry) => textHits(matcher, entry);
    } else {
      const needle = filter.q.toLowerCase();
      text = (entry) => substringHits(needle, entry);
    }
  }
  const invert = filter.invert;
  const fields = fieldTest(filter);
  const { sources, notSources } = filter;
  return (entry) => {
    // a loss marker stands for its source's entries, whatever their text or level
    if (entry.lost !== undefined) return (sources.length === 0 || sources.some((s) => fromSource(entry, s))) && !notSources.some((s) => fromSource(entry, s));
    if (topics.length > 0 && !topics.some((prefix) => entry.topic.startsWith(prefix))) return false;
    if (lowest >= 0 && levelRank(entry.level) < lowest) return false;
    if (fields && !fields(entry)) return false;
    if (text && text(entry) === invert) return false;
    return true;
  };
}

/** Whether an entry comes from a source, named by its app or its instance id. */
export function fromSource(entry: Entry, source: string): boolean {
  return entry.source !== null && (entry.source.app === source || entry.source.instance === source);
}

/** Sources, logger, thread, MDC and marker; null when none is asked for, so the common case costs nothing. */
function fieldTest(filter: FilterState): ((entry: Entry) => boolean) | null {
  const { sources, notSources, logger, thread, mdc, notMdc, marker } = filter;
  if (!sources.length && !notSources.length && !logger && !thread && !mdc.length && !notMdc.length && !marker) return null;
  return (entry) => {
    if (sources.length > 0 && !sources.some((s) => fromSource(entry, s))) return false;
    if (notSources.some((s) => fromSource(entry, s))) return false;
    if (logger && !(entry.logger ?? '').startsWith(logger)) return false;
    if (thread && entry.thread !== thread) return false;
    for (const [key, value] of mdc) if (entry.mdc?.[key] !== value) return false;
    for (const [key, value] of notMdc) if (entry.mdc?.[key] === value) return false;
    if (marker && !entry.markers?.includes(marker)) return false;
    return true;
  };
}

/** The filter with a value of a field (source, logger, thread, mdc.KEY) required, or excluded; asking again takes it back. */
export function toggleField(filter: FilterState, field: string, value: string, exclude = false): FilterState {
  const toggle = (list: string[]) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  const togglePair = (list: Array<[string, string]>, key: string) =>
    list.some(([k, v]) => k === key && v === value)
      ? list.filter(([k, v]) => !(k === key && v === value))
      : [...list.filter(([k]) => k !== key || exclude), [key, value] as [string, string]];
  if (field === 'source') {
    return exclude
      ? { ...filter, notSources: toggle(filter.notSources), sources: filter.sources.filter((s) => s !== value) }
      : { ...filter, sources: toggle(filter.sources), notSources: filter.notSources.filter((s) => s !== value) };
  }
  if (field.startsWith('mdc.')) {
    const key = field.slice(4);
    return exclude ? { ...filter, notMdc: togglePair(filter.notMdc, key) } : { ...filter, mdc: togglePair(filter.mdc, key) };
  }
  if (field === 'logger' || field === 'thread') {
    if (exclude) return filter;
    return { ...filter, [field]: filter[field] === value ? null : value };
  }
  return filter;
}
