import type { Entry } from './types';

/**
 * How far an entry's time may fall behind the row above it before the row is marked as a late
 * arrival. Threads of one service and the clocks of hosts kept by NTP disagree by
 * milliseconds all the time; a second is a publisher's buffer flushed after a reconnect, or a
 * clock that is off.
 */
export const LATE_MS = 1_000;

/**
 * Rows are in the order the viewer received them (its ids), the one order that the stream,
 * the history's pages and a resumed tail all share. An entry logged well before the row above
 * it arrived late: how many milliseconds before, or 0 when it is in order (or either time is
 * unreadable).
 */
export function lateBy(entry: Entry, previous: Entry | undefined): number {
  if (!previous || entry.lost !== undefined) return 0;
  const behind = Date.parse(previous.time) - Date.parse(entry.time);
  return behind >= LATE_MS ? behind : 0;
}

/** "logged 2.4 s before the row above", for a late row's tooltip. */
export function lateText(ms: number): string {
  const seconds = ms / 1_000;
  const amount = seconds < 60 ? `${seconds.toFixed(1)} s` : seconds < 3_600 ? `${(seconds / 60).toFixed(1)} min` : `${(seconds / 3_600).toFixed(1)} h`;
  return `logged ${amount} before the row above: it reached the viewer late (rows are in the order the viewer received them)`;
}
