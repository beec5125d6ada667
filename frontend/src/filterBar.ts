import { compileSearch, type FilterState, LEVELS, levelRank } from './filters';

export interface FilterBarElements {
  q: HTMLInputElement;
  regex: HTMLInputElement;
  invert: HTMLInputElement;
  level: HTMLSelectElement;
  /** Says why a regex is invalid, next to the box. */
  error: HTMLElement;
}

/**
 * The search box, its regex and "not" switches and the level: the user's edits go to
 * `change` (typing waits for a pause), the filter in force is shown back by `show`.
 */
export class FilterBar {
  private typingTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly ui: FilterBarElements,
    current: () => FilterState,
    change: (next: FilterState) => void,
    typingDelay = 150,
  ) {
    ui.q.addEventListener('input', () => {
      clearTimeout(this.typingTimer);
      this.typingTimer = setTimeout(() => change({ ...current(), q: ui.q.value }), typingDelay);
    });
    ui.regex.addEventListener('change', () => change({ ...current(), regex: ui.regex.checked }));
    ui.invert.addEventListener('change', () => change({ ...current(), invert: ui.invert.checked }));
    ui.level.addEventListener('change', () => {
      const rank = levelRank(ui.level.value);
      change({ ...current(), level: rank < 0 ? null : LEVELS[rank] });
    });
  }

  /** Puts the filter into the fields; an invalid regex is marked and its reason shown. */
  show(filter: FilterState): void {
    const { ui } = this;
    if (ui.q.value !== filter.q) ui.q.value = filter.q;
    ui.regex.checked = filter.regex;
    ui.invert.checked = filter.invert;
    ui.level.value = filter.level ?? '';
    const { error } = compileSearch(filter);
    ui.q.classList.toggle('invalid', error !== null);
    ui.q.setAttribute('aria-invalid', String(error !== null));
    ui.error.hidden = error === null;
    ui.error.textContent = error === null ? '' : `${error} (not applied)`;
  }

  /** Cancels what is being typed (Escape). */
  cancelTyping(): void {
    clearTimeout(this.typingTimer);
  }
}
