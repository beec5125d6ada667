import type { Entry, SourceRow, Stats, TopicCount } from './types';

/** An answer of the viewer's HTTP API: the value, or why there is none. */
export type ApiResult<T> = { ok: true; value: T } | { ok: false; status: number; error: string };

/** Parts of the API that a viewer may not have yet (PRODUCT.md §5.4); the UI hides what they would show. */
export type OptionalFeature = 'histogram' | 'fields' | 'context';

/** Counts per level in one time bucket of GET /api/histogram. */
export interface HistogramBucket {
  start: string;
  end: string | null;
  counts: Record<string, number>;
}

/** A value and how many entries have it, from GET /api/fields. */
export interface FieldValue {
  value: string;
  count: number;
}

export interface Page {
  before?: number;
  after?: number;
  from?: string;
  to?: string;
  limit?: number;
}

type Fetch = (input: string, init?: RequestInit) => Promise<Response>;

/**
 * The client of the viewer's HTTP API (paths relative to the page, so a viewer behind a
 * path prefix works). A 404 from an optional part marks it as missing: the UI then hides
 * the timeline, the facet counts or the context rather than showing errors.
 */
export class Api {
  private readonly missing = new Set<OptionalFeature>();

  constructor(
    private readonly fetcher: Fetch = (input, init) => fetch(input, init),
    private readonly base = 'api/',
  ) {}

  /** Whether the viewer has this part of the API, as far as its answers tell. */
  supports(feature: OptionalFeature): boolean {
    return !this.missing.has(feature);
  }

  async get<T>(path: string, params?: URLSearchParams): Promise<ApiResult<T>> {
    const query = params?.toString();
    let response: Response;
    try {
      response = await this.fetcher(`${this.base}${path}${query ? `?${query}` : ''}`, {
        headers: { Accept: 'application/json' },
        credentials: 'same-origin',
      });
    } catch (error) {
      return { ok: false, status: 0, error: (error as Error).message || 'network error' };
    }
    let body: unknown = null;
    try {
      body = await response.json();
    } catch {
      // an answer without JSON: only its status says anything
    }
    if (!response.ok) {
      const reason = body && typeof body === 'object' && 'error' in body ? String((body as { error: unknown }).error) : response.statusText;
      return { ok: false, status: response.status, error: reason || `HTTP ${response.status}` };
    }
    return { ok: true, value: body as T };
  }

  stats(): Promise<ApiResult<Stats>> {
    return this.get<Stats>('stats');
  }

  topics(): Promise<ApiResult<TopicCount[]>> {
    return this.get<TopicCount[]>('topics');
  }

  sources(): Promise<ApiResult<SourceRow[]>> {
    return this.get<SourceRow[]>('sources');
  }

  /** GET /api/entries: filters (the API's names) plus a page: before/after an id, from/to a time. */
  entries(filters: URLSearchParams, page: Page = {}): Promise<ApiResult<Entry[]>> {
    const params = new URLSearchParams(filters);
    for (const [name, value] of Object.entries(page)) if (value !== undefined) params.set(name, String(value));
    return this.get<Entry[]>('entries', params);
  }

  entry(id: number): Promise<ApiResult<Entry>> {
    return this.get<Entry>(`entries/${encodeURIComponent(String(id))}`);
  }

  /** GET /api/entries/{id}/context?lines=N: the entries around one, from its source. */
  async context(id: number, lines: number): Promise<ApiResult<Entry[]>> {
    const result = await this.optional<unknown>('context', `entries/${encodeURIComponent(String(id))}/context`, new URLSearchParams({ lines: String(lines) }));
    if (!result.ok) return result;
    return { ok: true, value: asEntries(result.value) };
  }

  /** GET /api/histogram?buckets=N plus the filters. */
  async histogram(filters: URLSearchParams, buckets: number): Promise<ApiResult<HistogramBucket[]>> {
    const params = new URLSearchParams(filters);
    params.set('buckets', String(buckets));
    const result = await this.optional<unknown>('histogram', 'histogram', params);
    if (!result.ok) return result;
    return { ok: true, value: asBuckets(result.value) };
  }

  /** GET /api/fields plus the filters: the top values of logger, thread, source.app and each MDC key. */
  async fields(filters: URLSearchParams): Promise<ApiResult<Record<string, FieldValue[]>>> {
    const result = await this.optional<unknown>('fields', 'fields', filters);
    if (!result.ok) return result;
    return { ok: true, value: asFields(result.value) };
  }

  private async optional<T>(feature: OptionalFeature, path: string, params: URLSearchParams): Promise<ApiResult<T>> {
    const result = await this.get<T>(path, params);
    if (!result.ok && (result.status === 404 || result.status === 405 || result.status === 501)) this.missing.add(feature);
    else if (result.ok) this.missing.delete(feature);
    return result;
  }
}

/** The context answer: an array of entries, or an object holding them (before, entry, after). */
function asEntries(body: unknown): Entry[] {
  if (Array.isArray(body)) return body as Entry[];
  if (body && typeof body === 'object') {
    const parts = body as { before?: unknown; entry?: unknown; after?: unknown; entries?: unknown };
    if (Array.isArray(parts.entries)) return parts.entries as Entry[];
    const list: Entry[] = [];
    if (Array.isArray(parts.before)) list.push(...(parts.before as Entry[]));
    if (parts.entry && typeof parts.entry === 'object') list.push(parts.entry as Entry);
    if (Array.isArray(parts.after)) list.push(...(parts.after as Entry[]));
    return list;
  }
  return [];
}

/** Buckets as an array, or an object with one; each with a start time and counts by level (as `counts` or `levels`). */
function asBuckets(body: unknown): HistogramBucket[] {
  const list = Array.isArray(body)
    ? body
    : body && typeof body === 'object' && Array.isArray((body as { buckets?: unknown }).buckets)
      ? (body as { buckets: unknown[] }).buckets
      : [];
  return list.flatMap((item) => {
    if (!item || typeof item !== 'object') return [];
    const bucket = item as { start?: unknown; from?: unknown; time?: unknown; end?: unknown; to?: unknown; counts?: unknown; levels?: unknown };
    const start = bucket.start ?? bucket.from ?? bucket.time;
    if (typeof start !== 'string') return [];
    const end = bucket.end ?? bucket.to;
    const counts = (bucket.counts ?? bucket.levels ?? {}) as Record<string, unknown>;
    const numbers: Record<string, number> = {};
    for (const [level, count] of Object.entries(counts)) if (typeof count === 'number') numbers[level] = count;
    return [{ start, end: typeof end === 'string' ? end : null, counts: numbers }];
  });
}

/** Facets by field name, each a list of values with counts (as objects or [value, count] pairs or a value→count map). */
function asFields(body: unknown): Record<string, FieldValue[]> {
  const root = body && typeof body === 'object' && 'fields' in body ? (body as { fields: unknown }).fields : body;
  const fields: Record<string, FieldValue[]> = {};
  if (!root || typeof root !== 'object') return fields;
  for (const [name, values] of Object.entries(root as Record<string, unknown>)) {
    let list: FieldValue[] = [];
    if (Array.isArray(values)) {
      list = values.flatMap((v) => {
        if (Array.isArray(v) && v.length === 2) return [{ value: String(v[0]), count: Number(v[1]) }];
        if (v && typeof v === 'object' && 'value' in v) return [{ value: String((v as FieldValue).value), count: Number((v as FieldValue).count) || 0 }];
        return [];
      });
    } else if (values && typeof values === 'object') {
      list = Object.entries(values as Record<string, unknown>).map(([value, count]) => ({ value, count: Number(count) || 0 }));
    }
    fields[name] = list.sort((a, b) => b.count - a.count);
  }
  return fields;
}
