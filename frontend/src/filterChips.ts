import { type Column, columnClass, columnTitle } from './columns';
import type { FilterState } from './filters';

/** The filters on fields (sources, MDC, logger, thread, marker) as chips; a click takes one off. */
export function renderActiveFilters(container: HTMLElement, filter: FilterState, remove: (field: string, value: string, exclude: boolean) => void): void {
  const doc = container.ownerDocument;
  const chips: HTMLElement[] = [];
  const chip = (label: string, field: string, value: string, exclude: boolean) => {
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = exclude ? 'chip excluded' : 'chip';
    button.textContent = `${label} ✕`;
    button.title = `${exclude ? 'Hiding' : 'Showing only'} ${label}: click to take this filter off`;
    button.dataset.testid = 'filter-chip';
    button.addEventListener('click', () => remove(field, value, exclude));
    chips.push(button);
  };
  for (const source of filter.sources) chip(`source=${source}`, 'source', source, false);
  for (const source of filter.notSources) chip(`source≠${source}`, 'source', source, true);
  for (const [key, value] of filter.mdc) chip(`${key}=${value}`, `mdc.${key}`, value, false);
  for (const [key, value] of filter.notMdc) chip(`${key}≠${value}`, `mdc.${key}`, value, true);
  if (filter.logger) chip(`logger=${filter.logger}`, 'logger', filter.logger, false);
  if (filter.thread) chip(`thread=${filter.thread}`, 'thread', filter.thread, false);
  container.replaceChildren(...chips);
}

/** The list's header: one cell per column, as wide as the rows' cells. */
export function renderColumnHeader(header: HTMLElement, columns: readonly Column[]): void {
  const doc = header.ownerDocument;
  const cell = (className: string, text: string) => {
    const span = doc.createElement('span');
    span.className = className;
    span.textContent = text;
    return span;
  };
  header.replaceChildren(cell('expander', ''), ...columns.map((c) => cell(columnClass(c), columnTitle(c))), cell('c-msg', 'message'));
}
