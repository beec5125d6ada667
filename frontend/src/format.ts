import { stripAnsi } from './ansi';
import type { Entry } from './types';

/** HH:mm:ss.SSS of an ISO time, as the event's own clock wrote it (UTC from the server). */
export function shortTime(iso: string): string {
  const t = iso.indexOf('T');
  if (t < 0) return iso;
  const clock = iso.slice(t + 1).replace(/(Z|[+-]\d\d:?\d\d)$/, '');
  const [hms, fraction = ''] = clock.split('.');
  return `${hms}.${(fraction + '000').slice(0, 3)}`;
}

/** Message, then the stack trace, escapes removed. */
function fullText(entry: Entry): string {
  const message = stripAnsi(entry.message ?? '');
  return entry.exception ? `${message}\n${stripAnsi(entry.exception)}` : message;
}

export function lineCount(entry: Entry): number {
  let lines = 1;
  const count = (text: string | null) => {
    if (!text) return;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lines++;
  };
  count(entry.message);
  if (entry.exception) {
    lines++;
    count(entry.exception.replace(/\n+$/, ''));
  }
  return lines;
}

/** One entry as a line of text (stack trace lines follow), like a log file. */
export function entryAsText(entry: Entry): string {
  const level = (entry.level ?? '').padEnd(5);
  const logger = entry.logger ? `${entry.logger} > ` : '';
  return `${entry.time} ${level} [${entry.topic}] ${logger}${fullText(entry)}`;
}

export function entriesAsText(entries: Iterable<Entry>): string {
  let out = '';
  for (const entry of entries) if (entry.lost === undefined) out += entryAsText(entry) + '\n';
  return out;
}

export function entriesAsJsonLines(entries: Iterable<Entry>): string {
  let out = '';
  for (const entry of entries) if (entry.lost === undefined) out += JSON.stringify(entry) + '\n';
  return out;
}

/** Index of the next (or previous) row at or above ERROR, wrapping around; -1 for none. */
export function findError(count: number, levelAt: (index: number) => string | null | undefined, from: number, direction: 1 | -1): number {
  if (count === 0) return -1;
  for (let step = 1; step <= count; step++) {
    const index = (((from + direction * step) % count) + count) % count;
    const level = levelAt(index);
    if (level === 'ERROR' || level === 'FATAL' || level === 'CRITICAL') return index;
  }
  return -1;
}

/** A logger name shortened like Logback's %logger{width}: packages to initials, from the left, until it fits. */
export function abbreviateLogger(logger: string, width: number): string {
  if (logger.length <= width) return logger;
  const parts = logger.split('.');
  let length = logger.length;
  for (let i = 0; i < parts.length - 1 && length > width; i++) {
    if (parts[i].length > 1) {
      length -= parts[i].length - 1;
      parts[i] = parts[i][0];
    }
  }
  return parts.join('.');
}
