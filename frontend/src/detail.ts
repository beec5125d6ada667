import { traceBlocks } from './exception';
import { appendRuns, textRuns } from './runs';
import type { Entry } from './types';

export interface DetailActions {
  copy(): void;
  copyJson(): void;
  close(): void;
  /** Filter by a field's value (source, logger, thread, mdc.KEY); shift-click excludes it. */
  filter?(field: string, value: string, exclude: boolean): void;
  /** Show the lines around this entry from its source; absent when the viewer cannot. */
  context?(): void;
}

/**
 * Every field of one entry, as text: the message and the stack trace wrap at the panel's
 * full width, causes stand out and runs of framework frames are folded.
 */
export function renderDetail(panel: HTMLElement, entry: Entry, actions: DetailActions, labels: { source?: string; time?: string } = {}): void {
  const sourceLabel = labels.source ?? entry.source?.app ?? '';
  const doc = panel.ownerDocument;
  const heading = doc.createElement('h2');
  heading.append(doc.createTextNode(`#${entry.id}`));
  const spacer = doc.createElement('span');
  spacer.className = 'spacer';
  heading.append(spacer);
  if (actions.context) heading.append(button(doc, 'Context', 'context', actions.context, 'The lines around this entry from its source'));
  heading.append(
    button(doc, 'Copy', 'copy', actions.copy),
    button(doc, 'Copy JSON', 'copy-json', actions.copyJson),
    button(doc, '✕', 'close', actions.close, 'Close (Esc)'),
  );

  const list = doc.createElement('dl');
  const field = (name: string, value: unknown, filter?: { field: string; value: string }) => {
    if (value === null || value === undefined || value === '') return;
    const dt = doc.createElement('dt');
    dt.textContent = name;
    const dd = doc.createElement('dd');
    dd.dataset.field = name;
    if (filter && actions.filter) {
      const link = doc.createElement('button');
      link.type = 'button';
      link.className = 'value';
      link.textContent = String(value);
      link.title = `Show only ${filter.field}=${filter.value} (shift-click: hide them)`;
      link.addEventListener('click', (event) => actions.filter!(filter.field, filter.value, event.shiftKey));
      dd.append(link);
    } else dd.textContent = String(value);
    list.append(dt, dd);
  };
  field('time', labels.time ? `${labels.time} (${entry.time})` : entry.time);
  field('level', entry.level);
  const source = entry.source;
  const sourceValue = source?.instance ?? source?.app;
  if (source) field('source', sourceLabel || sourceValue, sourceValue ? { field: 'source', value: sourceValue } : undefined);
  field('topic', entry.topic);
  field('logger', entry.logger, entry.logger ? { field: 'logger', value: entry.logger } : undefined);
  field('thread', entry.thread, entry.thread ? { field: 'thread', value: entry.thread } : undefined);
  if (source) {
    field('app', source.app, source.app ? { field: 'source', value: source.app } : undefined);
    field('host', source.host);
    field('pid', source.pid);
    field('instance', source.instance);
  }
  field('seq', entry.seq);
  field('kind', entry.kind);
  if (entry.markers?.length) field('markers', entry.markers.join(', '));
  for (const [key, value] of Object.entries(entry.mdc ?? {})) field(`mdc.${key}`, value, { field: `mdc.${key}`, value });

  const message = doc.createElement('pre');
  message.className = 'message';
  message.dataset.field = 'message';
  appendRuns(message, textRuns(entry.message ?? '', null));
  // what happened first, then where: the message and its stack trace above the fields
  panel.replaceChildren(heading, message);
  if (entry.exception) panel.append(renderTrace(doc, entry.exception));
  panel.append(list);
}

function renderTrace(doc: Document, text: string): HTMLElement {
  const trace = doc.createElement('div');
  trace.className = 'exception level-ERROR';
  trace.dataset.field = 'exception';
  for (const block of traceBlocks(text)) {
    if (block.kind === 'cause') {
      const cause = doc.createElement('pre');
      cause.className = 'cause';
      appendRuns(cause, textRuns(block.line, null));
      trace.append(cause);
    } else if (block.kind === 'lines') {
      const pre = doc.createElement('pre');
      appendRuns(pre, textRuns(block.lines.join('\n'), null));
      trace.append(pre);
    } else {
      const fold = doc.createElement('details');
      fold.className = 'framework';
      const summary = doc.createElement('summary');
      summary.textContent = `${block.lines.length} framework frames`;
      const pre = doc.createElement('pre');
      appendRuns(pre, textRuns(block.lines.join('\n'), null));
      fold.append(summary, pre);
      trace.append(fold);
    }
  }
  return trace;
}

function button(doc: Document, label: string, testId: string, action: () => void, title?: string): HTMLButtonElement {
  const element = doc.createElement('button');
  element.type = 'button';
  element.textContent = label;
  element.dataset.testid = `detail-${testId}`;
  if (title) element.title = title;
  element.addEventListener('click', action);
  return element;
}
