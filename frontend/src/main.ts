import './style.css';
import { HiddenAlerts } from './alerts';
import { jumpRange, Timeline } from './timeline';
import { Api } from './api';
import { StreamConnection } from './connection';
import { ContextRows, loadContext } from './context';
import { ContextMode, type Place } from './contextMode';
import { renderDetail } from './detail';
import { FilterBar } from './filterBar';
import { FramePacer } from './framePacer';
import { apiQuery, compileSearch, type FilterState, parseFilter, serialiseFilter, streamQuery, toggleField } from './filters';
import type { Column } from './columns';
import { ColumnsMenu } from './columnsMenu';
import { countFacets, serverFacets } from './facets';
import { FacetsPanel } from './facetsPanel';
import { entryAsText, findError } from './format';
import { clock, fullTime, parseTimeMode, rowTime, type TimeMode } from './timeFormat';
import { bindShortcuts, renderShortcutList } from './keyboard';
import { renderActiveFilters, renderColumnHeader } from './filterChips';
import { LogList } from './logList';
import { copyText, downloadEntries } from './exporting';
import { Notices } from './notices';
import { browserStore, readLook, replaceQuery, writeLook } from './settings';
import { OlderLoader } from './olderLoader';
import { SharedValues } from './sharedValues';
import { SourceNames } from './sources';
import { SourcesPanel } from './sourcesPanel';
import { renderStats, renderStatus } from './statusBar';
import { bindThemeToggle } from './theme';
import { renderTopicTree } from './topicPanel';
import { buildTopicTree, toggleTopic } from './topicTree';
import type { Entry, SourceRow, TopicCount } from './types';
import { ViewState } from './viewState';

const BUFFER_SIZE = 100_000;
const ROW_HEIGHT = 20;
const TOPICS_EVERY = 5_000;
const STATS_EVERY = 3_000;
const SOURCES_EVERY = 3_000;
const RECONNECT_AFTER_FILTER = 300;
/** The least time between two drawings of arrivals alone: ten pages of log a second. */
const ARRIVALS_EVERY = 100;

const $ = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;

const ui = {
  pause: $<HTMLButtonElement>('pause'),
  status: $('status'),
  lost: $('lost'),
  list: $('list'),
  sizer: $('sizer'),
  badge: $<HTMLButtonElement>('new-badge'),
  detail: $('detail'),
  topicTree: $('topic-tree'),
  clearTopics: $<HTMLButtonElement>('clear-topics'),
  counts: $('counts'),
  rate: $('rate'),
  help: $('help'),
  clearSources: $<HTMLButtonElement>('clear-sources'),
  side: $('side'),
  columns: $('columns'),
  activeFilters: $('active-filters'),
  panelToggle: $<HTMLButtonElement>('panel-toggle'),
  contextBar: $('context-bar'),
  contextTitle: $('context-title'),
};

// ---- view settings: columns and time, in the URL when not the default, and remembered ----------

const store = browserStore();
const startParams = new URLSearchParams(location.search);
let { columns, time: timeMode } = readLook(startParams, store);

function setUrlParam(name: string, value: string | null): void {
  const params = new URLSearchParams(location.search);
  if (value === null) params.delete(name);
  else params.set(name, value);
  replaceQuery(params);
}

const api = new Api();
const notices = new Notices($('notices'), (date) => clock(date, timeMode));
const shared = new SharedValues();
const names = new SourceNames();
const state = new ViewState(parseFilter(location.search), {
  capacity: BUFFER_SIZE,
  sourceLabel: (source) => names.label(source),
  onRestart: () => notices.show('restart', 'The viewer restarted: showing its entries afresh.'),
});
const { buffer, view, follow } = state;
const list = new LogList(ui.list, ui.sizer, view, {
  rowHeight: ROW_HEIGHT,
  columns,
  text: { time: (entry) => rowTime(entry.time, timeMode), source: (entry) => names.label(entry.source) },
  onSelect: (entry) => select(entry),
  onFilter: (field, entry, exclude) => {
    const value = fieldValue(field, entry);
    if (value) applyFilter(toggleField(state.filter, field, value, exclude));
  },
});
const filterBar = new FilterBar(
  { q: $('q'), regex: $('regex'), invert: $('invert'), level: $('level'), error: $('q-error') },
  () => state.filter,
  (next) => applyFilter(next),
);
let lastScrollTop = 0;

// ---- rendering, at most once a frame; arrivals at most every ARRIVALS_EVERY ms ----------------

const pacer = new FramePacer(() => render(), { minInterval: ARRIVALS_EVERY });
const scheduleRender = () => pacer.soon();

function render(): void {
  list.relayout();
  if (follow.following && !context.active) list.scrollToBottom();
  lastScrollTop = ui.list.scrollTop;
  list.render();
  renderEmpty();
  const newCount = follow.newCount.toLocaleString('en');
  setText(ui.pause, follow.paused ? `Resume${follow.newCount ? ` (${newCount} new)` : ''}` : 'Pause');
  ui.pause.classList.toggle('paused', follow.paused);
  ui.badge.hidden = !follow.paused || follow.newCount === 0;
  setText(ui.badge, `▼ ${newCount} new`);
  const history = older.loading ? ' · loading…' : older.atStart ? ' · start of history' : state.detached ? ' · back in history: End for live' : '';
  const shown = context.rows ? `context: ${context.rows.length.toLocaleString('en')} lines · ` : '';
  setText(ui.counts, `${shown}${view.length.toLocaleString('en')} shown · ${buffer.size.toLocaleString('en')} held${history}`);
}

/** Leaves unchanged text alone: replacing it, even by itself, makes the browser lay the bar out again. */
function setText(element: HTMLElement, text: string): void {
  if (element.textContent !== text) element.textContent = text;
}

function renderEmpty(): void {
  let empty = ui.list.querySelector<HTMLElement>('.empty');
  if (list.rows.length > 0) {
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
  const query = streamQuery(state.filter, after).toString();
  const path = new URL('api/stream', location.href).pathname;
  return `${scheme}//${location.host}${path}${query ? `?${query}` : ''}`;
}

function received(entries: Entry[]): void {
  const namesVersion = names.version;
  for (const entry of entries) {
    shared.share(entry);
    names.learnEntry(entry);
  }
  // an app got a second instance: its rows now say which
  if (names.version !== namesVersion) list.redraw();
  const outcome = state.received(entries);
  if (outcome.kind === 'appended' && outcome.added > 0) alerts.arrived(newestShown(outcome.added));
  // while a context is shown the filtered view changes out of sight: Back finds its place by the row at its top
  if (context.active) {
    /* nothing to move */
  } else if (outcome.kind === 'replaced') revealSelectedOrFollow();
  else if (outcome.kind === 'appended' && follow.paused && outcome.dropped > 0) keepPlaceAfterEviction(outcome.dropped);
  if (outcome.kind !== 'none') {
    facetsStale = true;
    // a new view (the backlog, a restart) is shown at once; what was appended waits for the pace
    if (outcome.kind === 'appended') pacer.paced();
    else scheduleRender();
  }
}

/** While paused, rows leaving at the top must not shift what the user is reading. */
function keepPlaceAfterEviction(dropped: number): void {
  const before = list.element.scrollTop;
  list.relayout();
  list.scrollTo(Math.max(0, before - dropped * ROW_HEIGHT));
}

const connection = new StreamConnection(
  { url: streamUrl, lastId: () => state.resumeId() },
  {
    entries: received,
    skipped: (count) => {
      state.skipped();
      notices.show('skipped', `${count.toLocaleString('en')} entries were skipped: this page fell behind, or the viewer's history no longer had them.`);
    },
    status: (status, detail) => renderStatus(ui.status, status, detail),
    restarted: () => state.viewerRestarted(),
  },
);

// ---- filters ------------------------------------------------------------------------------

let reconnectTimer: ReturnType<typeof setTimeout> | undefined;

function applyFilter(next: FilterState): void {
  leaveContext(false);
  const { serverChanged } = state.setFilter(next);
  older.reset();
  replaceQuery(serialiseFilter(next, location.search));
  filterBar.show(next);
  renderActiveFilters(ui.activeFilters, next, (field, value, exclude) => applyFilter(toggleField(state.filter, field, value, exclude)));
  list.setMatcher(next.invert ? null : compileSearch(next).matcher);
  revealSelectedOrFollow();
  renderTopics();
  renderSources();
  void refreshFacets();
  scheduleRender();
  if (serverChanged) {
    clearTimeout(reconnectTimer);
    reconnectTimer = setTimeout(() => {
      if (range.from || range.to) void loadRange();
      else {
        state.expectBacklog();
        connection.start(true);
      }
      void refreshTimeline();
    }, RECONNECT_AFTER_FILTER);
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

ui.clearTopics.addEventListener('click', () => applyFilter({ ...state.filter, topics: [] }));

// ---- topics and stats -----------------------------------------------------------------------

let topics: TopicCount[] = [];
let topicsJson = '';

function renderTopics(): void {
  renderTopicTree(ui.topicTree, buildTopicTree(topics), state.filter.topics, (node) =>
    applyFilter({ ...state.filter, topics: toggleTopic(state.filter.topics, node) }),
  );
  ui.clearTopics.hidden = state.filter.topics.length === 0;
}

async function pollTopics(): Promise<void> {
  const result = await api.topics();
  if (result.ok) {
    const json = JSON.stringify(result.value);
    // leave the tree alone while unchanged, so a checkbox being clicked is not replaced
    if (json !== topicsJson) {
      topicsJson = json;
      topics = result.value;
      renderTopics();
    }
  }
  setTimeout(pollTopics, TOPICS_EVERY);
}

let sourceRows: SourceRow[] = [];
const sourcesPanel = new SourcesPanel($('source-list'), (value, exclude) => applyFilter(toggleField(state.filter, 'source', value, exclude)));
ui.clearSources.addEventListener('click', () => applyFilter({ ...state.filter, sources: [], notSources: [] }));

function renderSources(): void {
  sourcesPanel.render(sourceRows, state.filter, Date.now());
  ui.clearSources.hidden = state.filter.sources.length + state.filter.notSources.length === 0;
}

async function pollSources(): Promise<void> {
  const result = await api.sources();
  if (result.ok && Array.isArray(result.value)) {
    sourceRows = result.value;
    const version = names.version;
    names.learnRows(sourceRows);
    if (names.version !== version) {
      list.redraw();
      scheduleRender();
    }
    renderSources();
  }
  setTimeout(pollSources, SOURCES_EVERY);
}

// ---- facets: level chips and the top values of each field, for the current filter --------------

const FACET_SAMPLE = 10_000;
const facetsPanel = new FacetsPanel(
  $('level-chips'),
  $('facets'),
  (level) => applyFilter({ ...state.filter, level: state.filter.level === level ? null : (level as FilterState['level']) }),
  (field, value, exclude) => applyFilter(toggleField(state.filter, field, value, exclude)),
);

function* newestShownUpTo(limit: number): Iterable<Entry> {
  for (let i = view.length - 1; i >= Math.max(0, view.length - limit); i--) yield view.entry(i)!;
}

let facetsGeneration = 0;
let serverFacetsAt = 0;
let serverFacetsFilter: FilterState | null = null;
const SERVER_FACETS_EVERY = 5_000;

/** Counts over the viewer's history where it has /api/fields (asked at most every 5 s), else over the newest entries shown. */
async function refreshFacets(): Promise<void> {
  const held = countFacets(newestShownUpTo(FACET_SAMPLE));
  facetsPanel.renderLevels(held.levels, state.filter);
  // asked lately for this filter: that answer stands (and one still on its way is not made stale)
  if (api.supports('fields') && serverFacetsFilter === state.filter && Date.now() - serverFacetsAt < SERVER_FACETS_EVERY) return;
  const generation = ++facetsGeneration;
  if (api.supports('fields')) {
    serverFacetsAt = Date.now();
    serverFacetsFilter = state.filter;
    const result = await api.fields(apiQuery(state.filter));
    if (generation !== facetsGeneration) return;
    if (result.ok) {
      facetsPanel.renderFields(serverFacets(result.value), state.filter, "in the viewer's history");
      return;
    }
  }
  const note = `in the ${held.counted.toLocaleString('en')} newest shown`;
  facetsPanel.renderFields(held.fields, state.filter, note);
}

const FACETS_EVERY = 2_000;
let facetsStale = true;

async function pollFacets(): Promise<void> {
  // only when entries came and the panel is in sight: counting is work the page need not do for nobody
  if (facetsStale && ui.side.offsetParent !== null && getComputedStyle(ui.side).visibility !== 'hidden') {
    facetsStale = false;
    await refreshFacets();
  }
  setTimeout(pollFacets, FACETS_EVERY);
}

async function pollStats(): Promise<void> {
  const result = await api.stats();
  if (result.ok) renderStats(ui.lost, ui.rate, result.value);
  setTimeout(pollStats, STATS_EVERY);
}

// ---- selection, detail, copy, download ---------------------------------------------------------

function select(entry: Entry | null): void {
  list.select(entry ? entry.id : null);
  ui.detail.hidden = entry === null;
  if (entry) {
    renderDetail(
      ui.detail,
      entry,
      {
        copy: () => copy(entryAsText(entry)),
        copyJson: () => copy(JSON.stringify(entry, null, 2)),
        close: () => select(null),
        filter: (field, value, exclude) => applyFilter(toggleField(state.filter, field, value, exclude)),
        context: () => void showContext(entry),
      },
      { source: names.label(entry.source), time: fullTime(entry.time, timeMode) },
    );
  }
  scheduleRender();
}

const CONTEXT_LINES = 50;
const context = new ContextMode();

/** The lines around an entry from its source, in the list in place of the filtered view, marked as context. */
async function showContext(entry: Entry): Promise<void> {
  const ticket = context.request();
  const result = await loadContext(api, entry, CONTEXT_LINES);
  if ('error' in result) {
    notices.show('context', `No context for #${entry.id}: ${result.error}`);
    return;
  }
  for (const e of result.entries) {
    shared.share(e);
    names.learnEntry(e);
  }
  const rows = new ContextRows(entry, result.entries);
  if (!context.open(ticket, rows, currentPlace())) return;
  list.show(rows);
  list.select(entry.id);
  ui.contextBar.hidden = false;
  const label = names.label(entry.source);
  ui.contextTitle.textContent = `Context: ${rows.indexOfAnchor} before and ${rows.length - rows.indexOfAnchor - 1} after #${entry.id}${label ? ` from ${label}` : ''}, whatever the filter`;
  const layout = list.relayout();
  // the entry in the middle of the list, the lines before and after it around
  list.scrollTo(Math.max(0, layout.offsetOf(rows.indexOfAnchor) - list.viewportHeight() / 2 + ROW_HEIGHT));
  lastScrollTop = ui.list.scrollTop;
  scheduleRender();
}

/** Where the filtered view is now: the row at its top, or following the newest. */
function currentPlace(): Place {
  const top = list.topIndex();
  const entry = view.entry(top);
  const layout = list.relayout();
  return { topId: entry?.id ?? null, offset: entry ? ui.list.scrollTop - layout.offsetOf(top) : 0, following: follow.following, selectedId: list.selected };
}

/** Back from a context to the filtered view; restore: to where it was (a new filter goes elsewhere anyway). */
function leaveContext(restore: boolean): void {
  const place = context.close();
  if (!place) return;
  ui.contextBar.hidden = true;
  list.show(view);
  if (!restore) return;
  list.select(place.selectedId);
  const layout = list.relayout();
  const index = place.topId === null ? -1 : list.indexOfId(place.topId);
  if (place.following || index < 0) follow.resume();
  else {
    follow.pause();
    list.scrollTo(layout.offsetOf(index) + place.offset);
    lastScrollTop = ui.list.scrollTop;
  }
  const selected = selectedEntry();
  if (selected) select(selected);
  scheduleRender();
}
$('context-back').addEventListener('click', () => leaveContext(true));

function selectedEntry(): Entry | undefined {
  const id = list.selected;
  if (id === null) return undefined;
  const index = list.indexOfId(id);
  return index < 0 ? undefined : list.rows.entry(index);
}

const copy = (text: string) => copyText(text);
const download = (kind: 'text' | 'json') => downloadEntries(view.entries(), kind);

$('download-text').addEventListener('click', () => download('text'));
$('download-json').addEventListener('click', () => download('json'));

// ---- follow mode --------------------------------------------------------------------------

function togglePause(): void {
  if (follow.paused) resume();
  else follow.pause();
  scheduleRender();
}

function resume(): void {
  leaveContext(false);
  if (state.detached && !range.from && !range.to) backToLive();
  follow.resume();
  scheduleRender();
}

ui.pause.addEventListener('click', togglePause);
ui.badge.addEventListener('click', resume);

ui.list.addEventListener('scroll', () => {
  const top = ui.list.scrollTop;
  if (context.active) {
    lastScrollTop = top;
    list.render();
    return;
  }
  // back in history, the end of the list is not the live tail: reaching it loads newer pages, it does not follow
  if (state.detached) {
    lastScrollTop = top;
    list.render();
    if (top < ROW_HEIGHT * 10) void loadOlder();
    else if (top > list.maxScrollTop() - ROW_HEIGHT * 10) void loadNewer();
    return;
  }
  if (!list.scrolledByPage()) {
    const wasPaused = follow.paused;
    follow.scrolled(list.isAtBottom(), top < lastScrollTop);
    if (wasPaused !== follow.paused) scheduleRender();
  }
  lastScrollTop = top;
  list.render();
  if (top < ROW_HEIGHT * 10 && follow.paused) void loadOlder();
});

// ---- history: scrolling up past the oldest entry held loads older ones ---------------------------

const older = new OlderLoader(api);

async function loadOlder(): Promise<void> {
  const oldest = buffer.at(buffer.firstPosition);
  if (!oldest || older.loading || older.atStart || state.awaitingBacklog) return;
  const pending = older.load(oldest.id, apiQuery(state.filter));
  scheduleRender();
  const page = await pending;
  if (page && page.length > 0) {
    for (const entry of page) {
      shared.share(entry);
      names.learnEntry(entry);
    }
    const wasDetached = state.detached;
    const added = state.prepend(page);
    if (state.detached && !wasDetached) leaveLive();
    if (added > 0) {
      // the rows read stay where they are: the new ones go above the viewport
      const top = ui.list.scrollTop;
      const layout = list.relayout();
      list.scrollTo(top + layout.offsetOf(added));
      lastScrollTop = ui.list.scrollTop;
    }
  }
  scheduleRender();
}

/** Scrolled back past what the buffer holds: the newest entries made room, so the stream stops until the view reaches them again. */
function leaveLive(): void {
  connection.stop();
  follow.pause();
  ui.status.dataset.status = 'history';
  ui.status.textContent = 'history (End: live)';
}

/** Scrolling down while back in history: the page after the newest entry held; the last one resumes the stream after it. */
async function loadNewer(): Promise<void> {
  const newest = buffer.at(buffer.endPosition - 1);
  if (!newest || older.loading || !state.detached) return;
  const pending = older.loadNewer(newest.id, apiQuery(state.filter));
  scheduleRender();
  const page = await pending;
  if (page && state.detached) {
    for (const entry of page.entries) {
      shared.share(entry);
      names.learnEntry(entry);
    }
    const { dropped } = state.appendNewer(page.entries, page.complete);
    if (dropped > 0) {
      older.reopen();
      keepPlaceAfterEviction(dropped);
    }
    lastScrollTop = ui.list.scrollTop;
    if (!state.detached) connection.start(false);
  }
  scheduleRender();
}

/** End while back in history: the live tail afresh. */
function backToLive(): void {
  state.expectBacklog();
  older.reset();
  connection.start(true);
}
window.addEventListener('resize', scheduleRender);

function jumpToError(direction: 1 | -1): void {
  leaveContext(true);
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

const search = $<HTMLInputElement>('q');
bindShortcuts(document, {
  search: () => {
    search.focus();
    search.select();
  },
  togglePause,
  follow: resume,
  nextError: () => jumpToError(1),
  previousError: () => jumpToError(-1),
  clear: () => {
    filterBar.cancelTyping();
    if (context.active) leaveContext(true);
    else if (state.filter.q || search.value) applyFilter({ ...state.filter, q: '' });
    else if (!ui.help.hidden) ui.help.hidden = true;
    else if (list.selected !== null) select(null);
  },
  copy: () => {
    const entry = selectedEntry();
    if (entry) void copy(entryAsText(entry));
  },
  context: () => {
    const entry = selectedEntry();
    if (entry && entry.lost === undefined) void showContext(entry);
  },
  panel: togglePanel,
  help: () => (ui.help.hidden = !ui.help.hidden),
});
renderShortcutList($('keys'), $('help-keys'));
$('help-button').addEventListener('click', () => (ui.help.hidden = !ui.help.hidden));

// ---- the filters panel: beside the list on wide screens, a drawer on narrow ones ----------------

function togglePanel(): void {
  const toggled = document.body.classList.toggle('panel-toggled');
  if (ui.side.offsetParent !== null) void refreshFacets();
  ui.panelToggle.setAttribute('aria-expanded', String(toggled === matchMedia('(max-width: 900px)').matches));
  scheduleRender();
}
ui.panelToggle.addEventListener('click', togglePanel);
$('side-close').addEventListener('click', togglePanel);
$('scrim').addEventListener('click', togglePanel);

/** The value of a clicked cell's field, as the filter takes it. */
function fieldValue(field: string, entry: Entry): string | null {
  if (field === 'source') return names.filterValue(entry.source);
  if (field === 'logger') return entry.logger;
  if (field === 'thread') return entry.thread;
  if (field.startsWith('mdc.')) return entry.mdc?.[field.slice(4)] ?? null;
  return null;
}

// ---- columns and time ------------------------------------------------------------------------------

const timeSelect = $<HTMLSelectElement>('time-mode');
timeSelect.value = timeMode;
let relativeTimer: ReturnType<typeof setInterval> | undefined;

function setTimeMode(mode: TimeMode): void {
  timeMode = mode;
  replaceQuery(writeLook({ columns, time: timeMode }, new URLSearchParams(location.search), store));
  list.redraw();
  clearInterval(relativeTimer);
  // "12s ago" grows old: draw the rows again every second
  if (mode === 'relative')
    relativeTimer = setInterval(() => {
      list.redraw();
      scheduleRender();
    }, 1_000);
  const entry = selectedEntry();
  if (entry) select(entry);
  scheduleRender();
}
timeSelect.addEventListener('change', () => setTimeMode(parseTimeMode(timeSelect.value) ?? 'local'));

function setColumns(next: Column[]): void {
  columns = next;
  replaceQuery(writeLook({ columns, time: timeMode }, new URLSearchParams(location.search), store));
  list.setLook(next);
  renderColumnHeader(ui.columns, next);
  scheduleRender();
}

/** MDC keys of the newest entries shown, to offer as columns. */
function recentMdcKeys(): string[] {
  const keys = new Set<string>();
  for (let i = view.length - 1; i >= Math.max(0, view.length - 2_000); i--) for (const key in view.entry(i)?.mdc ?? {}) keys.add(key);
  return [...keys].sort();
}

const columnsMenu = new ColumnsMenu($<HTMLButtonElement>('columns-button'), $('columns-menu'), {
  current: () => columns,
  mdcKeys: recentMdcKeys,
  change: setColumns,
});
document.addEventListener('click', (event) => {
  if (!(event.target as HTMLElement).closest('.menu-anchor')) columnsMenu.close();
});

// ---- notice of trouble while the tab is hidden ------------------------------------------------------

const notifyButton = $<HTMLButtonElement>('notify');
let notifyOn = store.getItem('zmqlog.notify') === 'on';
const alerts = new HiddenAlerts(
  {
    hidden: () => document.hidden,
    setTitle: (title) => (document.title = title),
    notify: (title, body) => {
      if (notifyOn && 'Notification' in window && Notification.permission === 'granted') new Notification(title, { body, tag: 'zmqlog-errors' });
    },
  },
  document.title,
);
document.addEventListener('visibilitychange', () => {
  if (!document.hidden) alerts.seen();
});

function showNotify(): void {
  notifyButton.setAttribute('aria-pressed', String(notifyOn));
  notifyButton.classList.toggle('on', notifyOn);
}
notifyButton.addEventListener('click', async () => {
  notifyOn = !notifyOn;
  if (notifyOn && 'Notification' in window && Notification.permission === 'default') notifyOn = (await Notification.requestPermission()) === 'granted';
  store.setItem('zmqlog.notify', notifyOn ? 'on' : 'off');
  showNotify();
});
showNotify();

function* newestShown(count: number): Iterable<Entry> {
  for (let i = Math.max(0, view.length - count); i < view.length; i++) yield view.entry(i)!;
}

// ---- timeline and time range: live, or a range of the viewer's history ---------------------------

const TIMELINE_EVERY = 5_000;
const RANGE_LIMIT = 10_000;
const timelineBox = $('timeline-box');
const rangeSelect = $<HTMLSelectElement>('range');
let range: { from: string | null; to: string | null } = { from: startParams.get('from') || null, to: startParams.get('to') || null };
const timeline = new Timeline($<HTMLCanvasElement>('timeline'), (picked) => void setRange(picked.from, picked.to));

/** Shows the histogram of the range (live: the last 15 minutes); hidden where the viewer has no /api/histogram. */
async function refreshTimeline(): Promise<void> {
  if (!api.supports('histogram')) return;
  const params = apiQuery(state.filter);
  params.set('from', range.from ?? '-15m');
  if (range.to) params.set('to', range.to);
  const result = await api.histogram(params, timeline.bucketCount());
  const supported = api.supports('histogram');
  timelineBox.hidden = !supported;
  rangeSelect.hidden = !supported;
  if (result.ok) {
    timeline.show(result.value);
    scheduleRender();
  }
}

async function pollTimeline(): Promise<void> {
  if (!document.hidden && !range.to) await refreshTimeline();
  if (api.supports('histogram')) setTimeout(pollTimeline, TIMELINE_EVERY);
}

function showRange(): void {
  const preset = range.from && !range.to && [...rangeSelect.options].some((o) => o.value === range.from) ? range.from : null;
  const custom = rangeSelect.querySelector<HTMLOptionElement>('option[value=custom]')!;
  custom.textContent = range.to ? `${fullTime(range.from ?? '', timeMode)} – ${fullTime(range.to, timeMode)}` : 'custom';
  rangeSelect.value = !range.from && !range.to ? 'live' : (preset ?? 'custom');
}

/** Loads the range's entries from history; a range open at its end goes on live after them. */
async function loadRange(): Promise<void> {
  leaveContext(false);
  connection.stop();
  ui.status.dataset.status = 'history';
  ui.status.textContent = 'loading history…';
  const params = apiQuery(state.filter);
  if (range.from) params.set('from', range.from);
  if (range.to) params.set('to', range.to);
  const requested = range;
  const result = await api.entries(params, { limit: RANGE_LIMIT });
  if (requested !== range) return;
  if (!result.ok) {
    notices.show('history', `History could not be loaded: ${result.error}`);
    return;
  }
  for (const entry of result.value) {
    shared.share(entry);
    names.learnEntry(entry);
  }
  state.replaceAll(result.value);
  older.reset();
  follow.resume();
  if (range.to) {
    ui.status.textContent = 'history';
  } else {
    // the live tail goes on after the newest entry loaded
    connection.start(false);
  }
  scheduleRender();
}

async function setRange(from: string | null, to: string | null): Promise<void> {
  range = { from, to };
  leaveContext(false);
  setUrlParam('from', from);
  setUrlParam('to', to);
  showRange();
  if (!from && !to) {
    state.expectBacklog();
    older.reset();
    follow.resume();
    connection.start(true);
  } else await loadRange();
  void refreshTimeline();
}

const jumpInput = $<HTMLInputElement>('jump-time');
rangeSelect.addEventListener('change', () => {
  const value = rangeSelect.value;
  jumpInput.hidden = value !== 'jump';
  if (value === 'jump') {
    jumpInput.focus();
    return;
  }
  void setRange(value === 'live' || value === 'custom' ? null : value, null);
});
jumpInput.addEventListener('change', () => {
  const picked = jumpRange(jumpInput.value, timeMode === 'utc');
  if (!picked) return;
  jumpInput.hidden = true;
  void setRange(picked.from, picked.to);
});

// ---- start ----------------------------------------------------------------------------------------

bindThemeToggle($<HTMLButtonElement>('theme'));
renderColumnHeader(ui.columns, list.shownColumns);
if (timeMode === 'relative') setTimeMode('relative');
applyFilter(state.filter);
showRange();
if (range.from || range.to) void loadRange();
else connection.start(true);
void pollTimeline();
void pollTopics();
void pollStats();
void pollSources();
void pollFacets();
