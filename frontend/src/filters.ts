import type { Entry } from './types';

export const LEVELS = ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR', 'FATAL'] as const;
export type Level = (typeof LEVELS)[number];

/** What the user asked to see; lives in the page URL so a view can be shared as a link. */
export interface FilterState {
  /** Topic prefixes, any of them; empty means every topic. */
  topics: string[];
  /** The lowest level, or null for every entry. */
  level: Level | null;
  /** Text to look for in message, logger, topic and exception. */
  q: string;
  /** q is a regular expression (client-side only). */
  regex: boolean;
  /** Show what does not match q (client-side only). */
  invert: boolean;
}

export const NO_FILTER: FilterState = { topics: [], level: null, q: '', regex: false, invert: false };

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

export function parseFilter(search: string | URLSearchParams): FilterState {
  const params = typeof search === 'string' ? new URLSearchParams(search) : search;
  return {
    topics: dedupe(params.getAll('topic').filter((topic) => topic !== '')),
    level: asLevel(params.get('level')),
    q: params.get('q') ?? '',
    regex: isOn(params.get('regex')),
    invert: isOn(params.get('invert')),
  };
}

function dedupe(values: string[]): string[] {
  return [...new Set(values)];
}

/** The filter as URL parameters; other parameters of `base` are kept, but never an access token. */
export function serialiseFilter(filter: FilterState, base?: string | URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(base);
  for (const name of ['topic', 'level', 'q', 'regex', 'invert', 'token']) params.delete(name);
  for (const topic of filter.topics) params.append('topic', topic);
  if (filter.level) params.set('level', filter.level);
  if (filter.q) params.set('q', filter.q);
  if (filter.q && filter.regex) params.set('regex', '1');
  if (filter.q && filter.invert) params.set('invert', '1');
  return params;
}

/**
 * What the server can filter by: topics, level, and plain substring search. A regex or an
 * inverted search is done only here, so the server then sends every entry of those topics.
 */
export function streamQuery(filter: FilterState, after?: number): URLSearchParams {
  const params = new URLSearchParams();
  for (const topic of filter.topics) params.append('topic', topic);
  if (filter.level) params.set('level', filter.level);
  if (filter.q && !filter.regex && !filter.invert) params.set('q', filter.q);
  if (after !== undefined && after >= 0) params.set('after', String(after));
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
  return (entry) => {
    if (topics.length > 0 && !topics.some((prefix) => entry.topic.startsWith(prefix))) return false;
    if (lowest >= 0 && levelRank(entry.level) < lowest) return false;
    if (text && text(entry) === invert) return false;
    return true;
  };
}
