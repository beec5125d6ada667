// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { EntryBuffer } from './entryBuffer';
import { FilteredView } from './filteredView';
import { compileSearch } from './filters';
import { ContextRows } from './context';
import { LogList } from './logList';
import { entries, entry } from './testEntries';
import type { Entry } from './types';

function setup(list: Entry[], capacity = 100_000) {
  const element = document.createElement('div');
  const sizer = document.createElement('div');
  element.append(sizer);
  document.body.replaceChildren(element);
  const buffer = new EntryBuffer(capacity);
  buffer.append(list);
  const view = new FilteredView(buffer, () => true);
  const selected: Entry[] = [];
  const log = new LogList(element, sizer, view, {
    rowHeight: 20,
    overscan: 5,
    fallbackViewportHeight: 400,
    onSelect: (e) => selected.push(e),
  });
  log.relayout();
  log.render();
  return { element, sizer, log, selected, buffer, view };
}

describe('LogList', () => {
  beforeEach(() => document.body.replaceChildren());

  it('keeps only the rows near the viewport in the DOM', () => {
    const { element, sizer, log } = setup(entries(1, 50_000));
    expect(sizer.style.height).toBe('1000000px');
    expect(element.querySelectorAll('.row').length).toBe(25);
    log.scrollToBottom();
    log.render();
    const rows = element.querySelectorAll<HTMLElement>('.row');
    expect(rows.length).toBeLessThanOrEqual(30);
    expect(rows[rows.length - 1].dataset.id).toBe('50000');
  });

  it('renders columns as text with the level as a class', () => {
    const { element } = setup([entry(1, { level: 'WARN', message: '<b>bold?</b> \x1b[32mgreen\x1b[0m', logger: 'a.b.C' })]);
    const row = element.querySelector<HTMLElement>('.row')!;
    expect(row.classList.contains('level-WARN')).toBe(true);
    expect(row.querySelector('.c-level')!.textContent).toBe('WARN');
    expect(row.querySelector('.c-msg')!.textContent).toBe('<b>bold?</b> green');
    expect(row.querySelector('b')).toBeNull();
    expect(row.querySelector('.c-msg .ansi-fg-2')!.textContent).toBe('green');
  });

  it('collapses a stack trace to its first line and expands it on click', () => {
    const { element, log } = setup([entry(1, { message: 'failed', exception: 'java.lang.X: y\n\tat a.b(C.java:1)' }), entry(2)]);
    const first = () => element.querySelector<HTMLElement>('.row[data-id="1"]')!;
    expect(first().querySelector('.c-msg')!.textContent).toBe('failed');
    first().querySelector<HTMLElement>('.expander')!.click();
    log.relayout();
    log.render();
    expect(first().classList.contains('expanded')).toBe(true);
    expect(first().querySelector('.c-msg')!.textContent).toBe('failed\njava.lang.X: y\n\tat a.b(C.java:1)');
    expect(element.querySelector<HTMLElement>('.row[data-id="2"]')!.style.top).toBe('60px');
  });

  it('highlights search hits and reports clicked rows', () => {
    const { element, log, selected } = setup([entry(1, { message: 'pool exhausted' })]);
    log.setMatcher(compileSearch({ q: 'pool', regex: false }).matcher);
    log.render();
    expect(element.querySelector('.row mark')!.textContent).toBe('pool');
    element.querySelector<HTMLElement>('.row .c-msg')!.click();
    expect(selected.map((e) => e.id)).toEqual([1]);
  });

  it('keeps the rows of a render at the same place instead of drawing them again', () => {
    const { element, log } = setup(entries(1, 100));
    const before = [...element.querySelectorAll('.row')];
    log.render();
    const after = [...element.querySelectorAll('.row')];
    expect(after).toHaveLength(before.length);
    after.forEach((row, i) => expect(row).toBe(before[i]));
  });

  it('moves the kept rows up when old entries leave, in order', () => {
    const { element, log, buffer, view } = setup(entries(1, 100), 100);
    const row = (id: number) => element.querySelector<HTMLElement>(`.row[data-id="${id}"]`)!;
    const third = row(3);
    expect(third.style.top).toBe('40px');
    view.sync(buffer.append(entries(101, 102)).added.length);
    log.relayout();
    log.render();
    expect(row(3)).toBe(third);
    expect(third.dataset.index).toBe('0');
    expect(third.style.top).toBe('0px');
    const ids = [...element.querySelectorAll<HTMLElement>('.row')].map((r) => Number(r.dataset.id));
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
    expect(ids[0]).toBe(3);
  });

  it('keeps the DOM in log order when scrolling back up', () => {
    const { element, log } = setup(entries(1, 1000));
    log.scrollTo(10_000);
    log.render();
    log.scrollTo(9_700);
    log.render();
    const ids = [...element.querySelectorAll<HTMLElement>('.row')].map((r) => Number(r.dataset.id));
    expect(ids).toEqual(Array.from({ length: ids.length }, (_, i) => ids[0] + i));
    expect(ids[0]).toBe(481);
  });

  it('marks the selected row and draws rows again for a new search', () => {
    const { element, log } = setup([entry(1, { message: 'pool exhausted' }), entry(2)]);
    const first = element.querySelector<HTMLElement>('.row[data-id="1"]')!;
    log.select(1);
    log.render();
    expect(element.querySelector('.row[data-id="1"]')).toBe(first);
    expect(first.classList.contains('selected')).toBe(true);
    log.select(2);
    log.render();
    expect(first.classList.contains('selected')).toBe(false);
    expect(element.querySelector('.row[data-id="2"]')!.classList.contains('selected')).toBe(true);
    log.setMatcher(compileSearch({ q: 'pool', regex: false }).matcher);
    log.render();
    expect(element.querySelector('.row[data-id="1"]')).not.toBe(first);
    expect(element.querySelector('.row[data-id="1"] mark')!.textContent).toBe('pool');
  });

  it('shows the context in place of the view, marked, and the view again after', () => {
    const { element, log, view } = setup(entries(1, 100));
    log.show(new ContextRows(entry(501), entries(499, 503)));
    log.relayout();
    log.render();
    const rows = [...element.querySelectorAll<HTMLElement>('.row')];
    expect(rows.map((r) => Number(r.dataset.id))).toEqual([499, 500, 501, 502, 503]);
    expect(rows.every((r) => r.classList.contains('context-row'))).toBe(true);
    expect(element.querySelectorAll('.context-anchor')).toHaveLength(1);
    expect(element.querySelector<HTMLElement>('.context-anchor')!.dataset.id).toBe('501');
    expect(log.indexOfId(502)).toBe(3);
    log.show(view);
    log.relayout();
    log.render();
    expect(element.querySelectorAll('.context-row')).toHaveLength(0);
    expect(element.querySelector<HTMLElement>('.row')!.dataset.id).toBe('1');
  });

  it('marks a row logged a second or more before the row above as late, and says by how much', () => {
    const at = (id: number, time: string) => entry(id, { time });
    const { element, log, buffer, view } = setup([
      at(0, '2026-01-01T10:00:00.000Z'),
      at(1, '2026-01-01T10:00:05.000Z'),
      at(2, '2026-01-01T10:00:02.000Z'),
      at(3, '2026-01-01T10:00:04.500Z'),
    ]);
    const row = (id: number) => element.querySelector<HTMLElement>(`.row[data-id="${id}"]`)!;
    expect(row(1).classList.contains('late')).toBe(false);
    expect(row(2).dataset.late).toBe('3000');
    expect(row(2).querySelector('.c-time')!.getAttribute('title')).toMatch(/^logged 3\.0 s before the row above/);
    expect(row(3).classList.contains('late')).toBe(false);
    // the row above changes (a filter hides entry 1): the mark follows
    view.setPredicate((e) => e.id !== 1);
    log.relayout();
    log.render();
    expect(row(2).classList.contains('late')).toBe(false);
    expect(buffer.size).toBe(4);
  });
});
