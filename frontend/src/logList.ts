import type { TextMatcher } from './filters';
import { type CellText, cellFilter, cellText, type Column, columnClass, DEFAULT_COLUMNS } from './columns';
import { lineCount, shortTime } from './format';
import { type Expansion, RowLayout } from './layout';
import { lateBy, lateText } from './order';
import { appendRuns, textRuns } from './runs';
import type { Entry } from './types';

/** What the list shows, in id order: the filtered view, or the context around an entry. */
export interface Rows {
  readonly length: number;
  entry(index: number): Entry | undefined;
  /** Classes that mark a row (context rows); none where absent. */
  mark?(entry: Entry): string;
}

export interface LogListOptions {
  rowHeight: number;
  overscan?: number;
  /** Used when the element has no layout (tests). */
  fallbackViewportHeight?: number;
  onSelect?: (entry: Entry) => void;
  /** A click on a filterable cell (source, logger, thread, an MDC value); shift-click asks to exclude. */
  onFilter?: (field: string, entry: Entry, exclude: boolean) => void;
  columns?: readonly Column[];
  text?: CellText;
}

const PLAIN_TEXT: CellText = {
  time: (entry) => shortTime(entry.time),
  source: (entry) => entry.source?.app ?? '',
};

const MAX_EXPANDED = 200;

/** A row in the DOM and what it was drawn from: a row whose entry and look are unchanged is kept. */
interface DrawnRow {
  element: HTMLElement;
  entry: Entry;
  expanded: boolean;
  matcher: TextMatcher | null;
  look: number;
  /** Milliseconds it was logged before the row above (0: in order); that row may change under it. */
  late: number;
  index: number;
  top: number;
  selected: boolean;
}

/**
 * A virtualised log: only the rows in and near the viewport are in the DOM, each one line
 * high unless expanded to show every line of a multi-line entry.
 */
export class LogList {
  private layout: RowLayout = new RowLayout(0, 20);
  private expanded = new Set<number>(); // entry ids
  private selectedId: number | null = null;
  private matcher: TextMatcher | null = null;
  private readonly overscan: number;
  private expectedScrollTop = -1;
  private drawn = new Map<number, DrawnRow>(); // by entry id
  private columns: readonly Column[];
  private text: CellText;
  private look = 0; // changes whenever every row must be drawn again

  constructor(
    readonly element: HTMLElement,
    private readonly sizer: HTMLElement,
    private view: Rows,
    private readonly options: LogListOptions,
  ) {
    this.overscan = options.overscan ?? 10;
    this.columns = options.columns ?? DEFAULT_COLUMNS;
    this.text = options.text ?? PLAIN_TEXT;
    element.addEventListener('click', (event) => this.clicked(event));
  }

  get selected(): number | null {
    return this.selectedId;
  }

  /** What the list shows now. */
  get rows(): Rows {
    return this.view;
  }

  /** Shows other rows (the context around an entry, or the filtered view again): every row is drawn anew. */
  show(rows: Rows): void {
    this.view = rows;
    this.look++;
  }

  get shownColumns(): readonly Column[] {
    return this.columns;
  }

  /** Draws the rows again with these columns and cell texts. */
  setLook(columns: readonly Column[], text: CellText = this.text): void {
    this.columns = columns;
    this.text = text;
    this.look++;
  }

  /** Draws every row again at the next render (the cell texts changed). */
  redraw(): void {
    this.look++;
  }

  setMatcher(matcher: TextMatcher | null): void {
    this.matcher = matcher;
  }

  select(id: number | null): void {
    this.selectedId = id;
  }

  toggleExpanded(id: number): void {
    if (this.expanded.has(id)) this.expanded.delete(id);
    else {
      if (this.expanded.size >= MAX_EXPANDED) this.expanded.delete(this.expanded.values().next().value!);
      this.expanded.add(id);
    }
  }

  viewportHeight(): number {
    return this.element.clientHeight || this.options.fallbackViewportHeight || 600;
  }

  /** Recomputes the layout for the view as it is now. */
  relayout(): RowLayout {
    const expansions: Expansion[] = [];
    for (const id of this.expanded) {
      const index = this.indexOfId(id);
      if (index < 0) {
        continue;
      }
      expansions.push({ index, extraLines: lineCount(this.view.entry(index)!) - 1 });
    }
    this.layout = new RowLayout(this.view.length, this.options.rowHeight, expansions);
    this.sizer.style.height = `${this.layout.totalHeight}px`;
    return this.layout;
  }

  indexOfId(id: number): number {
    for (let low = 0, high = this.view.length - 1; low <= high;) {
      const mid = (low + high) >>> 1;
      const midId = this.view.entry(mid)!.id;
      if (midId === id) return mid;
      if (midId < id) low = mid + 1;
      else high = mid - 1;
    }
    return -1;
  }

  maxScrollTop(): number {
    return Math.max(0, this.layout.totalHeight - this.viewportHeight());
  }

  isAtBottom(): boolean {
    return this.element.scrollTop >= this.maxScrollTop() - this.options.rowHeight / 2;
  }

  scrollToBottom(): void {
    this.scrollTo(this.maxScrollTop());
  }

  /** Scrolls, remembering the place so that the scroll event it causes is known as ours. */
  scrollTo(top: number): void {
    this.element.scrollTop = top;
    this.expectedScrollTop = this.element.scrollTop;
  }

  /** Whether the list's scroll position is where this page last put it (not the user). */
  scrolledByPage(): boolean {
    return Math.abs(this.element.scrollTop - this.expectedScrollTop) < 1;
  }

  /** Scrolls just enough for a row to be seen. */
  reveal(index: number): void {
    const top = this.layout.offsetOf(index);
    const bottom = top + this.layout.heightOf(index);
    const height = this.viewportHeight();
    if (top < this.element.scrollTop) this.scrollTo(Math.max(0, top - height / 3));
    else if (bottom > this.element.scrollTop + height) this.scrollTo(bottom - height + height / 3);
  }

  /** The first row in view. */
  topIndex(): number {
    return this.layout.indexAt(this.element.scrollTop);
  }

  /**
   * Puts the visible rows in the DOM. Rows already there for the same entry, drawn the
   * same way, are only moved: a render at an unchanged place (a scroll event, a batch
   * arriving while paused) creates nothing.
   */
  render(): void {
    const { start, end } = this.layout.visibleRange(this.element.scrollTop, this.viewportHeight(), this.overscan);
    const next = new Map<number, DrawnRow>();
    for (let index = start; index < end; index++) {
      const entry = this.view.entry(index);
      if (!entry) continue;
      const expanded = this.expanded.has(entry.id) && lineCount(entry) > 1;
      let row = this.drawn.get(entry.id);
      // the first row keeps its mark when the rows above it leave
      const late = index > 0 ? lateBy(entry, this.view.entry(index - 1)) : (row?.late ?? 0);
      if (!row || row.entry !== entry || row.expanded !== expanded || row.matcher !== this.matcher || row.look !== this.look || row.late !== late) {
        row = { element: this.row(entry, late, expanded), entry, expanded, matcher: this.matcher, look: this.look, late, index: -1, top: -1, selected: false };
      }
      this.place(row, index);
      next.set(entry.id, row);
    }
    const previous = this.drawn;
    this.drawn = next;
    this.attach(previous, next);
  }

  /** Makes the sizer's children the next rows, in index order, so the DOM reads (and selects) as the log does. */
  private attach(previous: Map<number, DrawnRow>, next: Map<number, DrawnRow>): void {
    const leaving = [...previous].filter(([id, row]) => next.get(id) !== row);
    if (leaving.length === previous.size) {
      // all new (following a fast stream): one replacement rather than a removal per row
      this.sizer.replaceChildren(...[...next.values()].map((row) => row.element));
      return;
    }
    for (const [, row] of leaving) row.element.remove();
    let cursor = this.sizer.firstChild;
    for (const { element } of next.values()) {
      if (cursor === element) cursor = cursor.nextSibling;
      else this.sizer.insertBefore(element, cursor);
    }
    while (cursor) {
      const stray = cursor;
      cursor = cursor.nextSibling;
      stray.remove();
    }
  }

  /** Puts a row where its index goes now; entries move up as old ones leave. */
  private place(row: DrawnRow, index: number): void {
    const element = row.element;
    if (row.index !== index) {
      row.index = index;
      element.dataset.index = String(index);
    }
    const top = this.layout.offsetOf(index);
    if (row.top !== top) {
      row.top = top;
      element.style.top = `${top}px`;
      if (row.expanded) element.style.height = `${this.layout.heightOf(index)}px`;
    }
    const selected = row.entry.id === this.selectedId;
    if (row.selected !== selected) {
      row.selected = selected;
      element.classList.toggle('selected', selected);
    }
  }

  private row(entry: Entry, late: number, expanded: boolean): HTMLElement {
    const doc = this.element.ownerDocument;
    const row = doc.createElement('div');
    const level = entry.level ?? '';
    const mark = this.view.mark ? ` ${this.view.mark(entry)}` : '';
    row.className = `row level-${level || 'NONE'}${mark}`;
    row.dataset.id = String(entry.id);
    if (entry.lost !== undefined) {
      row.className = `row gap${mark}`;
      row.dataset.testid = 'loss-marker';
      row.append(cell(doc, 'expander', '⚠'), cell(doc, 'c-msg', entry.message));
      return row;
    }
    if (expanded) row.classList.add('expanded');
    const lines = lineCount(entry);

    const expander = doc.createElement('button');
    expander.type = 'button';
    expander.className = 'expander';
    expander.tabIndex = -1;
    if (lines > 1) {
      expander.textContent = expanded ? '▾' : '▸';
      expander.title = expanded ? 'Collapse' : `Show all ${lines} lines`;
    }
    row.appendChild(expander);
    if (late > 0) {
      row.classList.add('late');
      row.dataset.late = String(late);
    }

    for (const column of this.columns) {
      const text = cellText(column, entry, this.text);
      const element = cell(doc, columnClass(column), text);
      // a tooltip only where the cell may cut its text: every attribute costs, 20,000 rows a second
      if (column === 'logger' && entry.logger) element.title = entry.logger;
      else if (column === 'time' && late > 0) {
        element.title = lateText(late);
        element.classList.add('late');
      } else if (column !== 'time' && column !== 'level' && text.length > 9) element.title = text;
      if (text && cellFilter(column)) {
        element.dataset.filter = column;
        element.classList.add('filterable');
      }
      row.appendChild(element);
    }

    const message = doc.createElement('span');
    message.className = 'c-msg';
    let text = entry.message ?? '';
    if (entry.exception) text += `\n${entry.exception.replace(/\n+$/, '')}`;
    if (!expanded) {
      const newline = text.indexOf('\n');
      if (newline >= 0) text = text.slice(0, newline);
    }
    appendRuns(message, textRuns(text, this.matcher));
    row.appendChild(message);
    return row;
  }

  private clicked(event: Event): void {
    const target = event.target as HTMLElement;
    const row = target.closest<HTMLElement>('.row');
    if (!row) return;
    const entry = this.view.entry(Number(row.dataset.index));
    if (!entry || String(entry.id) !== row.dataset.id) return;
    const filterCell = target.closest<HTMLElement>('[data-filter]');
    if (filterCell && this.options.onFilter) {
      this.options.onFilter(filterCell.dataset.filter!, entry, (event as MouseEvent).shiftKey);
      return;
    }
    if (target.closest('.expander') && lineCount(entry) > 1) {
      this.toggleExpanded(entry.id);
      this.options.onSelect?.(entry);
      return;
    }
    // a click that ends a text selection is not a choice of row
    if (this.element.ownerDocument.getSelection()?.toString()) return;
    this.options.onSelect?.(entry);
  }
}

function cell(doc: Document, className: string, text: string): HTMLElement {
  const span = doc.createElement('span');
  span.className = className;
  span.textContent = text;
  return span;
}
