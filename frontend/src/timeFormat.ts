import { shortTime } from './format';

/** How times read everywhere in the page: on the 24-hour clock, local or UTC, or relative to now. */
export type TimeMode = 'local' | 'utc' | 'relative';

export const TIME_MODES: readonly TimeMode[] = ['local', 'utc', 'relative'];

export function parseTimeMode(text: string | null): TimeMode | null {
  return TIME_MODES.includes(text as TimeMode) ? (text as TimeMode) : null;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** HH:mm:ss on the 24-hour clock, in the mode's zone (relative modes read the clock locally). */
export function clock(date: Date, mode: TimeMode): string {
  return mode === 'utc'
    ? `${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())}`
    : `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** An entry's time for its row: HH:mm:ss.SSS (local or UTC), or how long ago. */
export function rowTime(iso: string, mode: TimeMode, now: number = Date.now()): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return shortTime(iso);
  if (mode === 'relative') return ago(now - ms);
  const date = new Date(ms);
  if (mode === 'utc') return `${clock(date, 'utc')}.${pad(date.getUTCMilliseconds(), 3)}`;
  return `${clock(date, 'local')}.${pad(date.getMilliseconds(), 3)}`;
}

/** The full date and time for the detail: YYYY-MM-DD HH:mm:ss.SSS with the zone. */
export function fullTime(iso: string, mode: TimeMode): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const date = new Date(ms);
  if (mode === 'utc') {
    return `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())} ${rowTime(iso, 'utc')} UTC`;
  }
  const offset = -date.getTimezoneOffset();
  const zone = `${offset >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}:${pad(Math.abs(offset) % 60)}`;
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())} ${rowTime(iso, 'local')} ${zone}`;
}

/** "now", "12s ago", "5m 03s ago", "3h 05m ago", "2d 04h ago". */
export function ago(ms: number): string {
  if (ms < 1000) return 'now';
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s}s ago`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${pad(s % 60)}s ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)}h ${pad(Math.floor(s / 60) % 60)}m ago`;
  return `${Math.floor(s / 86_400)}d ${pad(Math.floor(s / 3600) % 24)}h ago`;
}
