// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { compileSearch } from './filters';
import { appendRuns, textRuns } from './runs';

describe('log text rendering', () => {
  it('marks search hits across colour changes', () => {
    const { matcher } = compileSearch({ q: 'lo wo', regex: false });
    const runs = textRuns('hel\x1b[33mlo world', matcher);
    expect(runs).toEqual([
      { text: 'hel', style: {}, mark: false },
      { text: 'lo wo', style: { fg: '3' }, mark: true },
      { text: 'rld', style: { fg: '3' }, mark: false },
    ]);
  });

  it('shows markup as text, never as elements', () => {
    const cell = document.createElement('span');
    appendRuns(cell, textRuns('<img src=x onerror=alert(1)><script>bad()</script>', null));
    expect(cell.querySelector('img, script')).toBeNull();
    expect(cell.textContent).toBe('<img src=x onerror=alert(1)><script>bad()</script>');
  });

  it('shows ANSI colours as classes and no escape characters', () => {
    const cell = document.createElement('span');
    appendRuns(cell, textRuns('\x1b[31mERR\x1b[0m <b>ok</b>', null));
    expect(cell.textContent).toBe('ERR <b>ok</b>');
    expect(cell.textContent).not.toContain('\x1b');
    expect(cell.querySelector('span.ansi-fg-1')!.textContent).toBe('ERR');
    expect(cell.querySelector('b')).toBeNull();
  });

  it('highlights with mark elements holding text', () => {
    const cell = document.createElement('span');
    appendRuns(cell, textRuns('a <i>x</i>', compileSearch({ q: '<i>', regex: false }).matcher));
    expect(cell.querySelector('mark')!.textContent).toBe('<i>');
    expect(cell.querySelector('i')).toBeNull();
  });
});
