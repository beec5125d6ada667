import { type Column, DEFAULT_COLUMNS, parseColumns } from './columns';
import { parseTimeMode, type TimeMode } from './timeFormat';

/** The page's look, as the URL has it (a shared link wins), else as this browser remembers it. */
export interface Look {
  columns: Column[];
  time: TimeMode;
}

export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

const COLUMNS_KEY = 'zmqlog.columns';
const TIME_KEY = 'zmqlog.time';

/** localStorage, or nothing where storage is off (the settings then last for this page). */
export function browserStore(): KeyValueStore {
  return {
    getItem: (key) => {
      try {
        return localStorage.getItem(key);
      } catch {
        return null;
      }
    },
    setItem: (key, value) => {
      try {
        localStorage.setItem(key, value);
      } catch {
        // storage may be off
      }
    },
  };
}

export function readLook(params: URLSearchParams, store: KeyValueStore): Look {
  return {
    columns: parseColumns(params.get('columns')) ?? parseColumns(store.getItem(COLUMNS_KEY)) ?? [...DEFAULT_COLUMNS],
    time: parseTimeMode(params.get('time')) ?? parseTimeMode(store.getItem(TIME_KEY)) ?? 'local',
  };
}

/** Remembers the look and puts it in the URL's parameters, which leave out what is the default. */
export function writeLook(look: Look, params: URLSearchParams, store: KeyValueStore): URLSearchParams {
  const next = new URLSearchParams(params);
  const columns = look.columns.join(',');
  store.setItem(COLUMNS_KEY, columns);
  store.setItem(TIME_KEY, look.time);
  if (columns === DEFAULT_COLUMNS.join(',')) next.delete('columns');
  else next.set('columns', columns);
  if (look.time === 'local') next.delete('time');
  else next.set('time', look.time);
  return next;
}

/** The page's address with other parameters, without adding to the browser's history. */
export function replaceQuery(params: URLSearchParams): void {
  const text = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${text ? `?${text}` : ''}${location.hash}`);
}
