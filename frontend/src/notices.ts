/** One line per kind of trouble (restart, skipped entries, ...): a newer one of the same kind replaces the older. */
export class Notices {
  constructor(
    private readonly container: HTMLElement,
    /** HH:mm:ss as the page's time setting has it. */
    private readonly clock: (date: Date) => string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  show(kind: string, text: string): void {
    const doc = this.container.ownerDocument;
    let element = this.container.querySelector<HTMLElement>(`[data-kind="${kind}"]`);
    if (!element) {
      const created = doc.createElement('div');
      created.className = 'notice';
      created.dataset.kind = kind;
      created.dataset.testid = `notice-${kind}`;
      const close = doc.createElement('button');
      close.type = 'button';
      close.textContent = '✕';
      close.title = 'Dismiss';
      close.addEventListener('click', () => created.remove());
      created.append(doc.createElement('span'), close);
      this.container.append(created);
      element = created;
    }
    element.querySelector('span')!.textContent = `${this.clock(this.now())} · ${text}`;
  }
}
