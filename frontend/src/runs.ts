import { type AnsiStyle, parseAnsi } from './ansi';
import type { TextMatcher } from './filters';

/** A piece of text to show with one style, highlighted or not. */
export interface Run {
  text: string;
  style: AnsiStyle;
  mark: boolean;
}

/**
 * Styled, highlighted pieces of a log text: ANSI colours are kept as styles, search hits
 * (found in the text as shown, escapes removed) are marked.
 */
export function textRuns(text: string, matcher: TextMatcher | null): Run[] {
  const segments = parseAnsi(text);
  const plain = segments.map((segment) => segment.text).join('');
  const ranges = matcher ? matcher(plain) : [];
  const runs: Run[] = [];
  let offset = 0;
  let r = 0;
  for (const segment of segments) {
    const start = offset;
    const end = offset + segment.text.length;
    let at = start;
    while (at < end) {
      while (r < ranges.length && ranges[r][1] <= at) r++;
      const range = ranges[r];
      if (!range || range[0] >= end) {
        runs.push({ text: plain.slice(at, end), style: segment.style, mark: false });
        at = end;
      } else if (range[0] > at) {
        runs.push({ text: plain.slice(at, range[0]), style: segment.style, mark: false });
        at = range[0];
      } else {
        const stop = Math.min(range[1], end);
        runs.push({ text: plain.slice(at, stop), style: segment.style, mark: true });
        at = stop;
      }
    }
    offset = end;
  }
  return runs;
}

/** Appends runs as spans whose content is text nodes only: log text never becomes markup. */
export function appendRuns(parent: HTMLElement, runs: readonly Run[]): void {
  const doc = parent.ownerDocument;
  for (const run of runs) {
    const { style } = run;
    const styled = run.mark || Object.keys(style).length > 0;
    if (!styled) {
      parent.appendChild(doc.createTextNode(run.text));
      continue;
    }
    const span = doc.createElement(run.mark ? 'mark' : 'span');
    if (style.fg) {
      if (/^\d+$/.test(style.fg)) span.classList.add(`ansi-fg-${style.fg}`);
      else span.style.color = style.fg;
    }
    if (style.bg) {
      if (/^\d+$/.test(style.bg)) span.classList.add(`ansi-bg-${style.bg}`);
      else span.style.backgroundColor = style.bg;
    }
    if (style.bold) span.classList.add('ansi-bold');
    if (style.dim) span.classList.add('ansi-dim');
    if (style.italic) span.classList.add('ansi-italic');
    if (style.underline) span.classList.add('ansi-underline');
    span.textContent = run.text;
    parent.appendChild(span);
  }
}
