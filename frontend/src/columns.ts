import { abbreviateLogger } from './format';
import type { Entry } from './types';

/** A column of the list besides the message: a field of the entry, or an MDC key pinned as a column. */
export type Column = 'time' | 'source' | 'topic' | 'level' | 'logger' | 'thread' | `mdc.${string}`;

export const FIXED_COLUMNS: readonly Column[] = ['time', 'source', 'topic', 'level', 'logger', 'thread'];
export const DEFAULT_COLUMNS: readonly Column[] = ['time', 'source', 'level', 'logger'];

/** How a row's cells read: the time as set by the user, the source as named among its app's instances. */
export interface CellText {
  time(entry: Entry): string;
  source(entry: Entry): string;
}

/** The filter a click on a cell stands for (null for columns that filter nothing). */
export function cellFilter(column: Column): string | null {
  if (column === 'source' || column === 'logger' || column === 'thread' || column.startsWith('mdc.')) return column;
  return null;
}

export function cellText(column: Column, entry: Entry, text: CellText): string {
  switch (column) {
    case 'time':
      return text.time(entry);
    case 'source':
      return text.source(entry);
    case 'topic':
      return entry.topic;
    case 'level':
      return entry.level ?? '';
    case 'logger':
      return entry.logger ? abbreviateLogger(entry.logger, 26) : '';
    case 'thread':
      return entry.thread ?? '';
    default:
      return entry.mdc?.[column.slice(4)] ?? '';
  }
}

/** The class of a column's cells, which sets its width. */
export function columnClass(column: Column): string {
  return column.startsWith('mdc.') ? 'c-mdc' : `c-${column}`;
}

export function columnTitle(column: Column): string {
  return column.startsWith('mdc.') ? column.slice(4) : column;
}

/** Columns from the URL's or storage's text ("time,level,mdc.traceId"): known ones, once each. */
export function parseColumns(text: string | null): Column[] | null {
  if (!text) return null;
  const columns = text
    .split(',')
    .map((c) => c.trim())
    .filter((c): c is Column => (FIXED_COLUMNS as readonly string[]).includes(c) || (c.startsWith('mdc.') && c.length > 4));
  return columns.length > 0 ? [...new Set(columns)] : null;
}
