// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Column } from './columns';
import { ColumnsMenu } from './columnsMenu';
import { FilterBar } from './filterBar';
import { type FilterState, NO_FILTER } from './filters';
import { bindShortcuts, renderShortcutList, SHORTCUTS, type ShortcutAction } from './keyboard';
import { Notices } from './notices';
import { clock } from './timeFormat';

function filterBar(initial: FilterState = NO_FILTER) {
  document.body.innerHTML = `<input id="q"><input id="regex" type="checkbox"><input id="invert" type="checkbox">
    <select id="level"><option value=""></option><option value="WARN">WARN</option></select><span id="err"></span>`;
  const el = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  let current = initial;
  const changes: FilterState[] = [];
  const bar = new FilterBar(
    { q: el('q'), regex: el('regex'), invert: el('invert'), level: el('level'), error: el('err') },
    () => current,
    (next) => {
      current = next;
      changes.push(next);
    },
    0,
  );
  return { bar, el, changes };
}

describe('FilterBar', () => {
  afterEach(() => vi.useRealTimers());

  it('says next to the box why a regex is invalid', () => {
    const { bar, el } = filterBar();
    bar.show({ ...NO_FILTER, q: 'a(b', regex: true });
    const error = el('err');
    expect(error.hidden).toBe(false);
    expect(error.textContent).toMatch(/Unterminated group|unterminated|missing/i);
    expect(error.textContent).toMatch(/not applied/);
    expect(el('q').classList.contains('invalid')).toBe(true);
    bar.show({ ...NO_FILTER, q: 'a(b)', regex: true });
    expect(error.hidden).toBe(true);
    expect(el('q').classList.contains('invalid')).toBe(false);
  });

  it('shows the filter in force and reports edits', async () => {
    vi.useFakeTimers();
    const { bar, el, changes } = filterBar();
    bar.show({ ...NO_FILTER, q: 'disk', level: 'WARN', invert: true });
    expect(el<HTMLInputElement>('q').value).toBe('disk');
    expect(el<HTMLSelectElement>('level').value).toBe('WARN');
    expect(el<HTMLInputElement>('invert').checked).toBe(true);
    const q = el<HTMLInputElement>('q');
    q.value = 'memory';
    q.dispatchEvent(new Event('input'));
    vi.runAllTimers();
    expect(changes.at(-1)!.q).toBe('memory');
    el<HTMLInputElement>('regex').click();
    expect(changes.at(-1)!.regex).toBe(true);
  });
});

describe('Notices', () => {
  it('stamps a notice with the 24-hour clock and replaces one of the same kind', () => {
    const container = document.createElement('div');
    const notices = new Notices(
      container,
      (date) => clock(date, 'local'),
      () => new Date(2026, 0, 1, 15, 4, 5),
    );
    notices.show('restart', 'first');
    notices.show('restart', 'second');
    notices.show('skipped', '3 skipped');
    expect([...container.querySelectorAll('.notice span')].map((s) => s.textContent)).toEqual(['15:04:05 · second', '15:04:05 · 3 skipped']);
    container.querySelector<HTMLButtonElement>('[data-kind=restart] button')!.click();
    expect(container.querySelectorAll('.notice').length).toBe(1);
  });
});

describe('keyboard shortcuts', () => {
  function bound() {
    const done: ShortcutAction[] = [];
    const actions = Object.fromEntries(SHORTCUTS.map((s) => [s.action, () => void done.push(s.action)])) as Record<ShortcutAction, () => void>;
    bindShortcuts(document, actions);
    return done;
  }
  const press = (key: string, target: EventTarget = document.body) => target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));

  it('runs the action of a key, except while typing, where only Escape works', () => {
    document.body.innerHTML = '<input id="field">';
    const done = bound();
    press(' ');
    press('e');
    press('E');
    press('?');
    const field = document.getElementById('field')!;
    press('e', field);
    press('Escape', field);
    expect(done).toEqual(['togglePause', 'nextError', 'previousError', 'help', 'clear']);
  });

  it('lists every key, in the footer and the help panel', () => {
    const line = document.createElement('span');
    const table = document.createElement('dl');
    renderShortcutList(line, table);
    expect(line.textContent).toContain('Space pause or resume');
    expect([...table.querySelectorAll('kbd')].map((k) => k.textContent)).toEqual(['/', 'Space', 'End', 'e', 'E', 'Esc', 'c', 'x', 'f', '?']);
  });
});

describe('ColumnsMenu', () => {
  it('pins an MDC key as a column and takes a field off, keeping the fields in their order', () => {
    document.body.innerHTML = '<button id="b"></button><div id="m" hidden></div>';
    let columns: Column[] = ['time', 'level'];
    const menu = new ColumnsMenu(document.getElementById('b') as HTMLButtonElement, document.getElementById('m')!, {
      current: () => columns,
      mdcKeys: () => ['traceId', 'user'],
      change: (next) => (columns = next),
    });
    menu.open();
    const box = (column: string) => document.querySelector<HTMLInputElement>(`[data-column="${column}"]`)!;
    expect(box('time').checked).toBe(true);
    expect(box('mdc.traceId').checked).toBe(false);
    box('mdc.traceId').click();
    expect(columns).toEqual(['time', 'level', 'mdc.traceId']);
    box('source').click();
    expect(columns).toEqual(['time', 'source', 'level', 'mdc.traceId']);
    box('time').click();
    expect(columns).toEqual(['source', 'level', 'mdc.traceId']);
    const key = document.querySelector<HTMLInputElement>('input[name=mdc-key]')!;
    key.value = 'orderId';
    document.querySelector('form')!.dispatchEvent(new Event('submit', { cancelable: true, bubbles: true }));
    expect(columns).toEqual(['source', 'level', 'mdc.traceId', 'mdc.orderId']);
  });
});
