// Scrolling back through a long history in the browser: a viewer's store is filled with
// ENTRIES entries (a paced pyzmq publisher, the realistic mix of browser-load.js), then a
// headless chromium opens the UI and scrolls up to the top of the list, again and again, the
// way a user holding Page Up would, until the page reaches the first entry stored (or stops
// getting further). Long tasks are measured with the Performance API, the heap with the
// DevTools protocol. Not a test: it prints a table (and, with --json FILE, writes the figures).
//
//   npm run bench:history -- [--entries 1000000] [--rate 20000] [--store DIR] [--against OTHER.jar
//                             [--against-name main]] [--limit-seconds 900] [--json FILE]
//
// --store keeps the filled store in DIR (and reuses it when it already holds the entries);
// --against scrolls the same store a second time with another build of the viewer and its UI.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Publisher, Viewer, counts, freePort, launchBrowser, sleep, waitFor, waitForLive } from '../tests/harness.js';

const { values: options } = parseArgs({
  options: {
    entries: { type: 'string', default: '1000000' },
    rate: { type: 'string', default: '20000' },
    store: { type: 'string' },
    against: { type: 'string' },
    'against-name': { type: 'string', default: 'other' },
    'limit-seconds': { type: 'string', default: '900' },
    json: { type: 'string' },
  },
});
const ENTRIES = Number(options.entries);
const RATE = Number(options.rate);
const LIMIT_MS = Number(options['limit-seconds']) * 1000;

/** Fills the store in dir with ENTRIES entries unless it holds them already; returns how many it holds. */
async function fill(dir) {
  const viewer = new Viewer({ httpPort: await freePort(), zmqPort: await freePort(), mode: 'bind', storePath: dir });
  await viewer.start();
  try {
    const stored = async () => (await viewer.stats()).store?.entries ?? 0;
    if ((await stored()) >= ENTRIES) return stored();
    const publisher = new Publisher('connect', `tcp://127.0.0.1:${viewer.zmqPort}`);
    try {
      await waitFor(
        async () => {
          await publisher.log('warming up', { topic: 'bench.INFO' });
          return (await viewer.stats()).received > 0;
        },
        { timeout: 20_000, interval: 200, what: 'the viewer to receive from the publisher' },
      );
      const missing = ENTRIES - (await stored());
      console.error(`filling the store with ${missing.toLocaleString('en')} entries at ${RATE.toLocaleString('en')}/s …`);
      const { sent, seconds } = await publisher.paced(RATE, missing / RATE);
      console.error(`  sent ${sent.toLocaleString('en')} in ${seconds.toFixed(1)} s`);
    } finally {
      await publisher.stop();
    }
    // the store writes from a thread of its own and commits at least every second
    let last = -1;
    await waitFor(
      async () => {
        const { store } = await viewer.stats();
        const done = store.entries === last && store.queuedBytes === 0;
        last = store.entries;
        return done;
      },
      { timeout: 120_000, interval: 2_000, what: 'the store to settle' },
    );
    const { store, received } = await viewer.stats();
    console.error(`  received ${received.toLocaleString('en')}, stored ${store.entries.toLocaleString('en')}, not stored ${store.notStored}`);
    return store.entries;
  } finally {
    await viewer.stop();
  }
}

// Runs in the page before its own code: long tasks.
function installProbe() {
  const probe = { longTasks: [] };
  window.__bench = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push([Math.round(entry.startTime), Math.round(entry.duration)]);
  }).observe({ type: 'longtask', buffered: true });
}

/**
 * In the page: scrolls the list to its top, waits for the rows to change (a page of older
 * entries put above) or for the start of history, and again, until the start, a stall of
 * stallMs, or limitMs. Returns what it saw.
 */
async function scrollBack({ stallMs, limitMs }) {
  const list = document.getElementById('list');
  const footer = document.querySelector('[data-testid=counts]');
  const frame = () => new Promise((resolve) => requestAnimationFrame(() => resolve()));
  const topId = () => {
    const box = list.getBoundingClientRect();
    const rows = [...list.querySelectorAll('.row')].filter((row) => row.getBoundingClientRect().bottom > box.top + 1);
    rows.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
    return Number(rows[0]?.dataset.id ?? -1);
  };
  const started = performance.now();
  const firstTop = topId();
  let lastChange = started;
  let moves = 0;
  let top = firstTop;
  let lowest = firstTop;
  const trail = [];
  while (!footer.textContent.includes('start of history')) {
    const now = performance.now();
    if (now - lastChange > stallMs || now - started > limitMs) break;
    list.scrollTop = 0;
    list.dispatchEvent(new Event('scroll'));
    await frame();
    const next = topId();
    if (next !== top) {
      top = next;
      moves++;
      lastChange = performance.now();
      if (next < lowest) lowest = next;
      if (moves % 200 === 0) trail.push([Math.round((performance.now() - started) / 1000), next]);
    }
  }
  // the last page on screen
  await frame();
  return {
    seconds: (performance.now() - started) / 1000,
    startTop: firstTop,
    lowestTop: Math.min(lowest, topId()),
    reachedStart: footer.textContent.includes('start of history'),
    moves,
    footer: footer.textContent,
    trail,
    startedAt: started,
  };
}

async function run(browser, label, dir, jar) {
  const viewer = new Viewer({ httpPort: await freePort(), zmqPort: await freePort(), mode: 'bind', storePath: dir, ...(jar ? { jar } : {}) });
  await viewer.start();
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const stored = (await viewer.stats()).store?.entries ?? 0;
    const [oldest] = await (await fetch(`${viewer.url}/api/entries?after=0&limit=1`)).json();
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(installProbe);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(viewer.url);
    await waitForLive(page);
    await waitFor(async () => (await counts(page)).shown > 1000, { what: 'the backlog', timeout: 30_000 });
    const heap = async () => (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize').value;
    const heapBefore = await heap();
    const heaps = [];
    let scrolling = true;
    const sampler = (async () => {
      while (scrolling) {
        heaps.push(await heap());
        await sleep(5_000);
      }
    })();
    console.error(`${label}: scrolling back through ${stored.toLocaleString('en')} stored entries …`);
    const result = await page.evaluate(scrollBack, { stallMs: 20_000, limitMs: LIMIT_MS });
    scrolling = false;
    await sampler;
    const longTasks = (await page.evaluate(() => window.__bench.longTasks)).filter(([start]) => start >= result.startedAt).map(([, duration]) => duration);
    await cdp.send('HeapProfiler.collectGarbage');
    const afterGc = await heap();
    const mb = (bytes) => +(bytes / 1048576).toFixed(1);
    const passed = result.startTop - result.lowestTop;
    return {
      run: label,
      stored,
      oldestId: oldest?.id ?? null,
      startTop: result.startTop,
      lowestTop: result.lowestTop,
      passed,
      reachedStart: result.reachedStart,
      seconds: +result.seconds.toFixed(1),
      entriesPerSecond: Math.round(passed / result.seconds),
      longTasks: longTasks.length,
      longTasksOver100: longTasks.filter((d) => d > 100).length,
      longestTask: longTasks.length ? Math.max(...longTasks) : 0,
      heapBeforeMB: mb(heapBefore),
      heapMaxMB: mb(Math.max(...heaps)),
      heapAfterGcMB: mb(afterGc),
      held: (await counts(page)).held,
      footer: result.footer,
      loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ')[0],
      errors: errors.length,
      trail: result.trail,
    };
  } finally {
    await context.close();
    await viewer.stop();
  }
}

function table(results) {
  const rows = [
    ['entries in the store (oldest id)', (r) => `${r.stored.toLocaleString('en')} (${r.oldestId})`],
    ['top row id: at the start → the lowest reached', (r) => `${r.startTop.toLocaleString('en')} → ${r.lowestTop.toLocaleString('en')}`],
    ['entries scrolled past', (r) => r.passed.toLocaleString('en')],
    ['reached the first entry stored', (r) => (r.reachedStart ? 'yes' : 'no')],
    ['seconds (entries/s scrolled)', (r) => `${r.seconds} (${r.entriesPerSecond.toLocaleString('en')})`],
    ['long tasks (> 100 ms)', (r) => `${r.longTasks} (${r.longTasksOver100})`],
    ['longest task, ms', (r) => r.longestTask],
    ['JS heap MB: before / max / after a forced GC', (r) => `${r.heapBeforeMB} / ${r.heapMaxMB} / ${r.heapAfterGcMB}`],
    ['entries held by the page at the end', (r) => r.held.toLocaleString('en')],
    ['machine load average at the end (2 cores)', (r) => r.loadAverage],
    ['page errors', (r) => r.errors],
  ];
  const lines = [`| | ${results.map((r) => r.run).join(' | ')} |`, `| --- |${results.map(() => ' --- |').join('')}`];
  for (const [label, value] of rows) lines.push(`| ${label} | ${results.map(value).join(' | ')} |`);
  return lines.join('\n');
}

const dir = options.store ?? mkdtempSync(path.join(os.tmpdir(), 'zmqlog-history-bench-'));
const stored = await fill(dir);
const browser = await launchBrowser();
const results = [];
try {
  results.push(await run(browser, 'this build', dir));
  if (options.against) {
    // the other build gets a copy: a store it opens may be written in its own way
    const copy = mkdtempSync(path.join(os.tmpdir(), 'zmqlog-history-bench-other-'));
    cpSync(dir, copy, { recursive: true });
    try {
      results.push(await run(browser, options['against-name'], copy, options.against));
    } finally {
      rmSync(copy, { recursive: true, force: true });
    }
  }
} finally {
  await browser.close();
  if (!options.store && existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}
console.log(`\n${stored.toLocaleString('en')} entries in the store; the page scrolled to its top until the first entry or a 20 s stall\n`);
console.log(table(results));
for (const r of results) console.error(`${r.run}: (seconds, top id) ${r.trail.map(([t, id]) => `${t}s ${id}`).join(', ')}`);
if (options.json) writeFileSync(options.json, `${JSON.stringify(results, null, 2)}\n`);
