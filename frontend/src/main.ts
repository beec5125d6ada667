import './style.css';
import { StreamConnection, type ConnectionStatus } from './connection';
import { renderDetail } from './detail';
import { EntryBuffer } from './entryBuffer';
import { FilteredView } from './filteredView';
import {
  compileFilter,
  compileSearch,
  type FilterState,
  levelRank,
  LEVELS,
  parseFilter,
  sameServerFilter,
  serialiseFilter,
  streamQuery,
} from './filters';
import { FollowState } from './follow';
import { entriesAsJsonLines, entriesAsText, entryAsText, findError } from './format';
import { LogList } from './logList';
import { SharedValues } from './sharedValues';
import { renderTopicTree } from './topicPanel';
import { buildTopicTree, toggleTopic } from './topicTree';
import type { Entry, Stats, TopicCount } from './types';

const BUFFER_SIZE = 100_000;
const ROW_HEIGHT = 20;
const TOPICS_EVERY = 5_000;
const STATS_EVERY = 3_000;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const ui = {
  q: $<HTMLInputElement>('q'),
  regex: $<HTMLInputElement>('regex'),
  invert: $<HTMLInputElement>('invert'),
  level: $<HTMLSelectElement>('level'),
  pause: $<HTMLButtonElement>('pause'),
  theme: $<HTMLButtonElement>('theme'),
  status: $('status'),
  lost: $('lost'),
  notices: $('notices'),
  list: $('list'),
  sizer: $('sizer'),
  badge: $<HTMLButtonElement>('new-badge'),
  detail: $('detail'),
  topicTree: $('topic-tree'),
  clearTopics: $<HTMLButtonElement>('clear-topics'),
  counts: $('counts'),
  rate: $('rate'),
};

let filter: FilterState = parseFilter(location.search);
const buffer = new EntryBuffer(BUFFER_SIZE);
const sharedValues = new SharedValues();
const view = new FilteredView(buffer, compileFilter(filter));
const follow = new FollowState();
const list = new LogList(ui.list, ui.sizer, view, { rowHeight: ROW_HEIGHT, onSelect: (entry) => select(entry) });
// after a filter change the server resends its backlog; the first batch replaces what we hold
let replaceOnNextBatch = false;
let lastScrollTop = 0;

// ---- rendering, at most once a frame --------------------------------------------------

let frameRequested = false;
function scheduleRender(): void {
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(() => {
    frameRequested = false;
    render();
  });
}

function render(): void {
  list.relayout();
  if (follow.following) list.scrollToBottom();
  lastScrollTop = ui.list.scrollTop;
  list.render();
  renderEmpty();
  setText(ui.pause, follow.paused ? `Resume${follow.newCount ? ` (${follow.newCount.toLocaleString('en')} new)` : ''}` : 'Pause');
  ui.pause.classList.toggle('paused', follow.paused);
  ui.badge.hidden = !follow.paused || follow.newCount === 0;
  setText(ui.badge, `▼ ${follow.newCount.toLocaleString('en')} new`);
  setText(ui.counts, `${view.length.toLocaleString('en')} shown · ${buffer.size.toLocaleString('en')} held`);
}

/** Leaves unchanged text alone: replacing it, even by itself, makes the browser lay the bar out again. */
function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

function renderEmpty(): void {
  let empty = ui.list.querySelector<HTMLElement>('.empty');
  if (view.length > 0) {
    empty?.remove();
    return;
  }
  if (!empty) {
    empty = document.createElement('div');
    empty.className = 'empty';
    ui.list.append(empty);
  }
  empty.textContent = buffer.size > 0 ? 'No entry matches the filter.' : 'Waiting for log entries…';
}

// ---- the stream --------------------------------------------------------------------------

function streamUrl(after: number | undefined): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  const query = streamQuery(filter, after).toString();
  return `${scheme}//${location.host}/api/stream${query ? `?${query}` : ''}`;
}

function received(entries: Entry[]): void {
  if (entries.length === 0) return;
  for (const entry of entries) sharedValues.share(entry);
  let replaced = false;
  if (replaceOnNextBatch) {
    // the backlog for new filters stands in for what was held: nothing in it is news
    replaceOnNextBatch = false;
    replaced = true;
    buffer.clear();
  }
  const result = buffer.append(entries);
  if (replaced) {
    view.rescan();
    follow.reset();
    revealSelectedOrFollow();
  } else if (result.restarted) {
    view.rescan();
    follow.reset();
    follow.arrived(view.length);
    notice('restart', 'The viewer restarted: showing its entries afresh.');
  } else {
    const change = view.sync(result.added.length);
    follow.arrived(change.added);
    if (follow.paused && change.dropped > 0) keepPlaceAfterEviction(change.dropped);
  }
  scheduleRender();
}

/** While paused, rows leaving at the top must not shift what the user is reading. */
function keepPlaceAfterEviction(dropped: number): void {
  const before = list.element.scrollTop;
  list.relayout();
  list.scrollTo(Math.max(0, before - dropped * ROW_HEIGHT));
}

const connection = new StreamConnection(
  { url: streamUrl, lastId: () => (replaceOnNextBatch ? -1 : buffer.lastId) },
  {
    entries: received,
    skipped: (count) =>
      notice('skipped', `${count.toLocaleString('en')} entries were skipped: this page fell behind, or the viewer's history no longer had them.`),
    status: showStatus,
    restarted: () => {
      // the new run's backlog replaces what the old one gave
      replaceOnNextBatch = true;
      notice('restart', 'The viewer restarted: showing its entries afresh.');
    },
  },
);

function showStatus(status: ConnectionStatus, detail?: string): void {
  ui.status.dataset.status = status;
  ui.status.textContent = { connecting: 'connecting…', live: 'live', reconnecting: 'reconnecting', closed: 'closed' }[status] + (detail ? ` (${detail})` : '');
}

// ---- notices ------------------------------------------------------------------------------

function notice(kind: string, text: string): void {
  let element = ui.notices.querySelector<HTMLElement>(`[data-kind="${kind}"]`);
  if (!element) {
    element = document.createElement('div');
    element.className = 'notice';
    element.dataset.kind = kind;
    element.dataset.testid = `notice-${kind}`;
    const message = document.createElement('span');
    const close = document.createElement('button');
    close.type = 'button';
    close.textContent = '✕';
    close.title = 'Dismiss';
    close.addEventListener('click', () => element!.remove());
    element.append(message, close);
    ui.notices.append(element);
  }
  element.querySelector('span')!.textContent = `${new Date().toLocaleTimeString()} · ${text}`;
}

// ---- filters ------------------------------------------------------------------------------

function showFilter(): void {
  ui.q.value = filter.q;
  ui.regex.checked = filter.regex;
  ui.invert.checked = filter.invert;
  ui.level.value = filter.level ?? '';
}

let reconnectTimer: ReturnType<typeof setTimeout> | undefined;

function applyFilter(next: FilterState): void {
  const previous = filter;
  filter = next;
  history.replaceState(history.state, '', `${location.pathname}${query(serialiseFilter(filter, location.search))}${location.hash}`);
  const search = compileSearch(filter);
  ui.q.classList.toggle('invalid', search.error !== null);
  ui.q.title = search.error ?? '';
  list.setMatcher(filter.invert ? null : search.matcher);
  view.setPredicate(compileFilter(filter));
  follow.reset();
  revealSelectedOrFollow();
  renderTopics();
  scheduleRender();
  if (!sameServerFilter(previous, filter)) {
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(() => {
      replaceOnNextBatch = true;
      connection.start(true);
    }, 300);
  }
}

/** After the rows changed wholesale: keep the selected entry in sight, else follow the end. */
function revealSelectedOrFollow(): void {
  const index = list.selected === null ? -1 : list.indexOfId(list.selected);
  if (index < 0) {
    follow.resume();
    return;
  }
  follow.pause();
  list.relayout();
  list.reveal(index);
}

function query(params: URLSearchParams): string {
  const text = params.toString();
  return text ? `?${text}` : '';
}

let typingTimer: ReturnType<typeof setTimeout> | undefined;
ui.q.addEventListener('input', () => {
  clearTimeout(typingTimer);
  typingTimer = setTimeout(() => applyFilter({ ...filter, q: ui.q.value }), 150);
});
ui.regex.addEventListener('change', () => applyFilter({ ...filter, regex: ui.regex.checked }));
ui.invert.addEventListener('change', () => applyFilter({ ...filter, invert: ui.invert.checked }));
ui.level.addEventListener('change', () => {
  const rank = levelRank(ui.level.value);
  applyFilter({ ...filter, level: rank < 0 ? null : LEVELS[rank] });
});
ui.clearTopics.addEventListener('click', () => applyFilter({ ...filter, topics: [] }));

// ---- topics and stats -----------------------------------------------------------------------

let topics: TopicCount[] = [];

function renderTopics(): void {
  renderTopicTree(ui.topicTree, buildTopicTree(topics), filter.topics, (prefix) =>
    applyFilter({ ...filter, topics: toggleTopic(filter.topics, prefix) }),
  );
  ui.clearTopics.hidden = filter.topics.length === 0;
}

async function getJson<T>(path: string): Promise<T | null> {
  try {
    const response = await fetch(path, { headers: { Accept: 'application/json' }, credentials: 'same-origin' });
    return response.ok ? ((await response.json()) as T) : null;
  } catch {
    return null;
  }
}

let topicsJson = '';
async function pollTopics(): Promise<void> {
  const fetched = await getJson<TopicCount[]>('api/topics');
  if (fetched) {
    const json = JSON.stringify(fetched);
    // leave the tree alone while unchanged, so a checkbox being clicked is not replaced
    if (json !== topicsJson) {
      topicsJson = json;
      topics = fetched;
      renderTopics();
    }
  }
  setTimeout(pollTopics, TOPICS_EVERY);
}

async function pollStats(): Promise<void> {
  const stats = await getJson<Stats>('api/stats');
  if (stats) {
    const lost = stats.lost ?? 0;
    ui.lost.hidden = !(lost > 0);
    ui.lost.textContent = `${lost.toLocaleString('en')} lost`;
    const bySource = Object.entries(stats.lostBySource ?? {}).map(([source, count]) => `${source}: ${count}`);
    ui.lost.title = `Entries lost on the way (gaps in publishers' sequence numbers)${bySource.length ? `\n${bySource.join('\n')}` : ''}`;
    ui.rate.textContent = `${Math.round(stats.rate ?? 0).toLocaleString('en')}/s · ${(stats.received ?? 0).toLocaleString('en')} received${stats.rejected ? ` · ${stats.rejected} rejected` : ''}`;
  }
  setTimeout(pollStats, STATS_EVERY);
}

// ---- selection, detail, copy, download ---------------------------------------------------------

function select(entry: Entry | null): void {
  list.select(entry ? entry.id : null);
  ui.detail.hidden = entry === null;
  if (entry) {
    renderDetail(ui.detail, entry, {
      copy: () => copy(entryAsText(entry)),
      copyJson: () => copy(JSON.stringify(entry, null, 2)),
      close: () => select(null),
    });
  }
  scheduleRender();
}

function selectedEntry(): Entry | undefined {
  const id = list.selected;
  if (id === null) return undefined;
  const index = list.indexOfId(id);
  return index < 0 ? undefined : view.entry(index);
}

async function copy(text: string): Promise<void> {
  try {
    await navigator.clipboard.writeText(text);
  } catch {
    const area = document.createElement('textarea');
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand('copy');
    area.remove();
  }
}

function download(kind: 'text' | 'json'): void {
  const body = kind === 'text' ? entriesAsText(view.entries()) : entriesAsJsonLines(view.entries());
  const blob = new Blob([body], { type: kind === 'text' ? 'text/plain' : 'application/x-ndjson' });
  const stamp = new Date().toISOString().replace(/[:T]/g, '-').slice(0, 19);
  const link = document.createElement('a');
  link.href = URL.createObjectURL(blob);
  link.download = `zmqlog-${stamp}.${kind === 'text' ? 'log' : 'jsonl'}`;
  link.click();
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000);
}

$('download-text').addEventListener('click', () => download('text'));
$('download-json').addEventListener('click', () => download('json'));

// ---- follow mode --------------------------------------------------------------------------

function pause(): void {
  follow.pause();
  scheduleRender();
}

function resume(): void {
  follow.resume();
  scheduleRender();
}

ui.pause.addEventListener('click', () => (follow.paused ? resume() : pause()));
ui.badge.addEventListener('click', resume);

ui.list.addEventListener('scroll', () => {
  const top = ui.list.scrollTop;
  if (!list.scrolledByPage()) {
    const wasPaused = follow.paused;
    follow.scrolled(list.isAtBottom(), top < lastScrollTop);
    if (wasPaused !== follow.paused) scheduleRender();
  }
  lastScrollTop = top;
  list.render();
});
window.addEventListener('resize', scheduleRender);

function jumpToError(direction: 1 | -1): void {
  const selected = list.selected === null ? -1 : list.indexOfId(list.selected);
  const from = selected >= 0 ? selected : direction === 1 ? list.topIndex() - 1 : list.topIndex();
  const index = findError(view.length, (i) => view.entry(i)?.level, from, direction);
  if (index < 0) return;
  follow.pause();
  select(view.entry(index)!);
  list.relayout();
  list.reveal(index);
  scheduleRender();
}

// ---- keyboard -------------------------------------------------------------------------------

function typing(target: EventTarget | null): boolean {
  return target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement;
}

document.addEventListener('keydown', (event) => {
  if (event.ctrlKey || event.metaKey || event.altKey) return;
  if (event.key === 'Escape') {
    if (filter.q || ui.q.value) {
      ui.q.value = '';
      applyFilter({ ...filter, q: '' });
    } else if (list.selected !== null) select(null);
    if (typing(event.target)) (event.target as HTMLElement).blur();
    return;
  }
  if (typing(event.target)) return;
  switch (event.key) {
    case '/':
      event.preventDefault();
      ui.q.focus();
      ui.q.select();
      break;
    case ' ':
      event.preventDefault();
      if (follow.paused) resume();
      else pause();
      break;
    case 'End':
      event.preventDefault();
      resume();
      break;
    case 'e':
      jumpToError(1);
      break;
    case 'E':
      jumpToError(-1);
      break;
    case 'c': {
      const entry = selectedEntry();
      if (entry) void copy(entryAsText(entry));
      break;
    }
  }
});

// ---- theme -------------------------------------------------------------------------------------

const THEMES = ['auto', 'dark', 'light'] as const;
type Theme = (typeof THEMES)[number];

function setTheme(theme: Theme): void {
  if (theme === 'auto') delete document.documentElement.dataset.theme;
  else document.documentElement.dataset.theme = theme;
  ui.theme.textContent = { auto: '◐ auto', dark: '● dark', light: '○ light' }[theme];
  try {
    localStorage.setItem('zmqlog.theme', theme);
  } catch {
    // storage may be off; the theme then lasts for this page only
  }
}

function storedTheme(): Theme {
  try {
    const theme = localStorage.getItem('zmqlog.theme');
    return THEMES.includes(theme as Theme) ? (theme as Theme) : 'auto';
  } catch {
    return 'auto';
  }
}

ui.theme.addEventListener('click', () => {
  const current = (document.documentElement.dataset.theme as Theme | undefined) ?? 'auto';
  setTheme(THEMES[(THEMES.indexOf(current) + 1) % THEMES.length]);
});

// ---- start ----------------------------------------------------------------------------------------

setTheme(storedTheme());
showFilter();
applyFilter(filter);
clearTimeout(reconnectTimer);
replaceOnNextBatch = false;
connection.start(true);
void pollTopics();
void pollStats();
