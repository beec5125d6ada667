/** What the keys do; the list is shown in the footer and the help panel, so it cannot go stale. */
export const SHORTCUTS = [
  { key: '/', action: 'search', says: 'search' },
  { key: ' ', action: 'togglePause', says: 'pause or resume', label: 'Space' },
  { key: 'End', action: 'follow', says: 'follow the newest' },
  { key: 'e', action: 'nextError', says: 'next error' },
  { key: 'E', action: 'previousError', says: 'previous error' },
  { key: 'Escape', action: 'clear', says: 'leave the context, clear the search, close the detail', label: 'Esc' },
  { key: 'c', action: 'copy', says: 'copy the selected entry' },
  { key: 'x', action: 'context', says: 'context: the lines around the selected entry from its source' },
  { key: 'f', action: 'panel', says: 'show or hide the filters panel' },
  { key: '?', action: 'help', says: 'list the keys' },
] as const;

export type ShortcutAction = (typeof SHORTCUTS)[number]['action'];

function shortcutLabel(shortcut: (typeof SHORTCUTS)[number]): string {
  return 'label' in shortcut ? shortcut.label : shortcut.key;
}

function typing(target: EventTarget | null): boolean {
  const tag = (target as HTMLElement | null)?.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT';
}

/**
 * Binds the keys. Escape works everywhere (and leaves the field being typed in); every other
 * key only when no field has the focus.
 */
export function bindShortcuts(doc: Document, actions: Record<ShortcutAction, () => void>): void {
  doc.addEventListener('keydown', (event) => {
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    const shortcut = SHORTCUTS.find((s) => s.key === event.key);
    if (!shortcut) return;
    if (shortcut.action === 'clear') {
      actions.clear();
      if (typing(event.target)) (event.target as HTMLElement).blur();
      return;
    }
    if (typing(event.target)) return;
    if (shortcut.action !== 'copy' && shortcut.action !== 'nextError' && shortcut.action !== 'previousError') event.preventDefault();
    actions[shortcut.action]();
  });
}

/** The keys, in a line for the footer and as a list for the help panel. */
export function renderShortcutList(line: HTMLElement, table: HTMLElement): void {
  const doc = line.ownerDocument;
  line.textContent = SHORTCUTS.map((s) => `${shortcutLabel(s)} ${s.says.split(',')[0]}`).join(' · ');
  const rows = SHORTCUTS.map((s) => {
    const dt = doc.createElement('dt');
    const kbd = doc.createElement('kbd');
    kbd.textContent = shortcutLabel(s);
    dt.append(kbd);
    const dd = doc.createElement('dd');
    dd.textContent = s.says;
    return [dt, dd];
  }).flat();
  table.replaceChildren(...rows);
}
