import { type Column, columnTitle, FIXED_COLUMNS } from './columns';

export interface ColumnsMenuOptions {
  current(): readonly Column[];
  /** MDC keys seen in the entries held, offered as columns. */
  mdcKeys(): string[];
  change(columns: Column[]): void;
}

/** The column chooser: the entry's fields and any MDC key, pinned as columns; the message always shows. */
export class ColumnsMenu {
  constructor(
    private readonly button: HTMLButtonElement,
    private readonly menu: HTMLElement,
    private readonly options: ColumnsMenuOptions,
  ) {
    button.addEventListener('click', () => (menu.hidden ? this.open() : this.close()));
    menu.addEventListener('change', (event) => {
      const box = event.target as HTMLInputElement;
      if (box.dataset.column) this.toggle(box.dataset.column as Column, box.checked);
    });
    menu.addEventListener('submit', (event) => {
      event.preventDefault();
      const input = menu.querySelector<HTMLInputElement>('input[name=mdc-key]');
      const key = input?.value.trim();
      if (key) this.toggle(`mdc.${key}`, true);
      this.render();
    });
  }

  open(): void {
    this.render();
    this.menu.hidden = false;
    this.button.setAttribute('aria-expanded', 'true');
  }

  close(): void {
    this.menu.hidden = true;
    this.button.setAttribute('aria-expanded', 'false');
  }

  private toggle(column: Column, on: boolean): void {
    const current = this.options.current().filter((c) => c !== column);
    const next = on ? [...current, column] : current;
    // fields in their usual order, pinned MDC keys after them in the order they were pinned
    const order = (c: Column) => {
      const i = FIXED_COLUMNS.indexOf(c);
      return i < 0 ? FIXED_COLUMNS.length : i;
    };
    this.options.change(
      next
        .map((c, i) => [c, i] as const)
        .sort((a, b) => order(a[0]) - order(b[0]) || a[1] - b[1])
        .map(([c]) => c),
    );
  }

  render(): void {
    const doc = this.menu.ownerDocument;
    const current = this.options.current();
    const pinned = current.filter((c) => c.startsWith('mdc.')).map((c) => c.slice(4));
    const keys = [...new Set([...pinned, ...this.options.mdcKeys()])];
    const box = (column: Column) => {
      const label = doc.createElement('label');
      const input = doc.createElement('input');
      input.type = 'checkbox';
      input.dataset.column = column;
      input.checked = current.includes(column);
      label.append(input, doc.createTextNode(column.startsWith('mdc.') ? `MDC ${columnTitle(column)}` : column));
      return label;
    };
    const form = doc.createElement('form');
    const input = doc.createElement('input');
    input.name = 'mdc-key';
    input.placeholder = 'MDC key';
    input.setAttribute('aria-label', 'Pin an MDC key as a column');
    const add = doc.createElement('button');
    add.type = 'submit';
    add.textContent = 'Pin';
    form.append(input, add);
    this.menu.replaceChildren(...FIXED_COLUMNS.map(box), ...keys.map((key) => box(`mdc.${key}`)), form);
  }
}
