import { appendRuns, textRuns } from './runs';
import type { Entry } from './types';

/** Every field of one entry, as text. */
export function renderDetail(panel: HTMLElement, entry: Entry, actions: { copy(): void; copyJson(): void; close(): void }): void {
  const doc = panel.ownerDocument;
  const heading = doc.createElement('h2');
  heading.append(doc.createTextNode(`#${entry.id}`));
  const spacer = doc.createElement('span');
  spacer.className = 'spacer';
  heading.append(
    spacer,
    button(doc, 'Copy', 'copy', actions.copy),
    button(doc, 'Copy JSON', 'copy-json', actions.copyJson),
    button(doc, '✕', 'close', actions.close),
  );

  const list = doc.createElement('dl');
  const field = (name: string, value: unknown) => {
    if (value === null || value === undefined || value === '') return;
    const dt = doc.createElement('dt');
    dt.textContent = name;
    const dd = doc.createElement('dd');
    dd.dataset.field = name;
    dd.textContent = String(value);
    list.append(dt, dd);
  };
  field('time', entry.time);
  field('level', entry.level);
  field('topic', entry.topic);
  field('logger', entry.logger);
  field('thread', entry.thread);
  if (entry.source) {
    field('app', entry.source.app);
    field('host', entry.source.host);
    field('pid', entry.source.pid);
    field('instance', entry.source.instance);
  }
  field('seq', entry.seq);
  field('kind', entry.kind);
  for (const [key, value] of Object.entries(entry.mdc ?? {})) field(`mdc.${key}`, value);

  const message = doc.createElement('pre');
  message.className = 'message';
  message.dataset.field = 'message';
  appendRuns(message, textRuns(entry.message ?? '', null));
  panel.replaceChildren(heading, list, message);
  if (entry.exception) {
    const exception = doc.createElement('pre');
    exception.className = 'exception level-ERROR';
    exception.dataset.field = 'exception';
    appendRuns(exception, textRuns(entry.exception, null));
    panel.append(exception);
  }
}

function button(doc: Document, label: string, testId: string, action: () => void): HTMLButtonElement {
  const element = doc.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.dataset.testid = `detail-${testId}`;
  element.addEventListener('click', action);
  return element;
}
