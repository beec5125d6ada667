// The viewer's UI under load: a paced pyzmq publisher sends RATE entries/s into the viewer
// jar (bind mode) for SECONDS while a headless chromium shows the stream, and the page is
// measured with the Performance API and the DevTools protocol. Not a test: it prints a
// table (and, with --json FILE, writes the figures).
//
//   npm run bench:browser -- [--seconds 60] [--rate 20000] [--scenarios follow,search,regex,paused]
//                            [--profile [--profile-out PREFIX]] [--trace FILE] [--store memory|embedded|jdbc] [--viewer-arg=--zmq.log.viewer.x=y ...] [--json FILE]
//                            [--against OTHER.jar [--against-name main]]
//
// --against runs each scenario a second time, right after, with another build of the viewer
// (and so of its UI): a side-by-side comparison in one run.
import { readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { Publisher, Viewer, counts, launchBrowser, sleep, waitFor, waitForLive } from '../tests/harness.js';

const { values: options } = parseArgs({
  options: {
    seconds: { type: 'string', default: '60' },
    rate: { type: 'string', default: '20000' },
    scenarios: { type: 'string', default: 'follow,search,regex,paused' },
    sample: { type: 'string', default: '5' },
    profile: { type: 'boolean', default: false },
    'profile-out': { type: 'string' },
    trace: { type: 'string' },
    store: { type: 'string', default: 'memory' },
    'viewer-arg': { type: 'string', multiple: true, default: [] },
    json: { type: 'string' },
    against: { type: 'string' },
    'against-name': { type: 'string', default: 'other' },
  },
});
const SECONDS = Number(options.seconds);
const RATE = Number(options.rate);
const SAMPLE_MS = Number(options.sample) * 1000;
const CLIENT_BUFFER = 100_000;

/** What each scenario does to the page before the load starts. */
const SCENARIOS = {
  follow: { what: 'follow mode, no filter', query: '' },
  search: { what: 'text search "payment" (the viewer filters)', query: '?q=payment' },
  regex: { what: 'regex search "timeout|failed" (the page filters every entry)', query: '?q=timeout%7Cfailed&regex=1' },
  paused: { what: 'paused (Space), entries keep arriving', query: '', prepare: (page) => page.keyboard.press('Space') },
};

// Runs in the page before its own code: long tasks, frames, and the entries the stream brings.
function installProbe() {
  const probe = { longTasks: [], frames: 0, longestFrameGap: 0, entries: 0, skipped: 0, messages: 0, bytes: 0, connections: 0 };
  window.__bench = probe;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) probe.longTasks.push([Math.round(entry.startTime), Math.round(entry.duration)]);
  }).observe({ type: 'longtask', buffered: true });
  let last = performance.now();
  const frame = (now) => {
    probe.frames++;
    if (probe.measuring) probe.longestFrameGap = Math.max(probe.longestFrameGap, now - last);
    last = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
  // the viewer writes a map: "type" is not always the first key
  const countSkipped = (text) => {
    if (text.includes('"skipped"')) probe.skipped += JSON.parse(text).count ?? 0;
  };
  // each entry is serialised as {"id":..; inside strings the quotes are escaped
  const countText = (data) => {
    probe.bytes += data.length;
    for (let at = data.indexOf('{"id":'); at >= 0; at = data.indexOf('{"id":', at + 6)) probe.entries++;
    if (data.length < 200) countSkipped(data);
  };
  // the viewer's frames are binary (UTF-8 JSON): the same count over the bytes, without decoding them all
  const ENTRY_START = [...'{"id":'].map((c) => c.charCodeAt(0));
  const startsEntry = (bytes, at) => ENTRY_START.every((code, i) => bytes[at + i] === code);
  const countBytes = (bytes) => {
    probe.bytes += bytes.length;
    for (let at = bytes.indexOf(ENTRY_START[0]); at >= 0; at = bytes.indexOf(ENTRY_START[0], at + 1)) if (startsEntry(bytes, at)) probe.entries++;
    if (bytes.length < 200) countSkipped(new TextDecoder().decode(bytes));
  };
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      probe.connections++;
      this.addEventListener('message', ({ data }) => {
        probe.messages++;
        if (typeof data === 'string') countText(data);
        else if (data instanceof ArrayBuffer) countBytes(new Uint8Array(data));
      });
    }
  };
}

function pagePoint() {
  const probe = window.__bench;
  return {
    now: performance.now(),
    frames: probe.frames,
    longTaskCount: probe.longTasks.length,
    entries: probe.entries,
    skipped: probe.skipped,
    connections: probe.connections,
    elements: document.getElementsByTagName('*').length,
  };
}

async function sample(page, cdp) {
  const [point, { metrics }] = await Promise.all([page.evaluate(pagePoint), cdp.send('Performance.getMetrics')]);
  const metric = Object.fromEntries(metrics.map(({ name, value }) => [name, value]));
  const { held } = await counts(page);
  return {
    ...point,
    held,
    heapUsed: metric.JSHeapUsedSize,
    heapTotal: metric.JSHeapTotalSize,
    nodes: metric.Nodes,
    listeners: metric.JSEventListeners,
    taskSeconds: metric.TaskDuration,
    threadCpuSeconds: metric.ThreadTime,
    processCpuSeconds: metric.ProcessTime,
    scriptSeconds: metric.ScriptDuration,
    layoutSeconds: metric.LayoutDuration + metric.RecalcStyleDuration,
  };
}

/** CPU seconds a process has used (user + system), from /proc; clock ticks are 1/100 s on Linux. */
function cpuSeconds(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * The page's tasks over 50 ms in a chromium trace, wall time against the CPU time its
 * thread got: far apart when the task waited for a core rather than worked.
 */
function longTasksInTrace(buffer) {
  const events = JSON.parse(buffer.toString()).traceEvents;
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain');
  const tasks = events.filter((e) => e.pid === main?.pid && e.tid === main?.tid && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask') && e.dur > 50_000);
  const ms = (micros) => Math.round(micros / 1000);
  const wall = tasks.reduce((sum, e) => sum + e.dur, 0);
  const cpu = tasks.reduce((sum, e) => sum + (e.tdur ?? 0), 0);
  const most = Math.max(0, ...tasks.map((e) => e.tdur ?? 0));
  return `${tasks.length} tasks over 50 ms: ${ms(wall)} ms wall, ${ms(cpu)} ms CPU (at most ${ms(most)} ms CPU in one)`;
}

/** Self time per function of a CPU profile, the heaviest first. */
function topFunctions(profile, limit = 12) {
  const self = new Map();
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const interval = (profile.endTime - profile.startTime) / Math.max(1, profile.samples.length) / 1000;
  for (const id of profile.samples) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + interval);
  }
  return [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, ms]) => `${ms.toFixed(0).padStart(7)} ms  ${name}`);
}

async function startViewer(jar) {
  // the page is what is measured: by default no history store competes with chromium for the cores
  const extra = [`--zmq.log.viewer.store.type=${options.store}`, ...options['viewer-arg']];
  const viewer = await Viewer.start({ mode: 'bind', extra, ...(jar ? { jar } : {}) });
  const publisher = new Publisher('connect', `tcp://127.0.0.1:${viewer.zmqPort}`);
  // the publisher connects: its first messages go nowhere until the viewer's subscription is in
  await waitFor(
    async () => {
      await publisher.log('warming up', { topic: 'bench.INFO' });
      return (await viewer.stats()).received > 0;
    },
    { timeout: 20_000, interval: 200, what: 'the viewer to receive from the publisher' },
  );
  return { viewer, publisher };
}

async function runScenario(browser, name, jar) {
  const scenario = SCENARIOS[name];
  const { viewer, publisher } = await startViewer(jar);
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await page.addInitScript(installProbe);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Performance.enable');
    await page.goto(`${viewer.url}/${scenario.query}`);
    await waitForLive(page);
    await scenario.prepare?.(page);
    await page.evaluate(() => (window.__bench.measuring = true));

    const receivedBefore = (await viewer.stats()).received;
    const cpuBefore = { viewer: cpuSeconds(viewer.child.pid), publisher: cpuSeconds(publisher.child.pid) };
    const entriesBefore = await page.evaluate(() => window.__bench.entries);
    const sending = publisher.paced(RATE, SECONDS);
    const samples = [await sample(page, cdp)];
    let profile;
    let done = false;
    const sent = sending.then((result) => ((done = true), result));
    while (!done) {
      await Promise.race([sleep(SAMPLE_MS), sent]);
      if (options.trace && samples.length === 3) {
        await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'blink.user_timing'] });
        await Promise.race([sleep(10_000), sent]);
        const trace = await browser.stopTracing();
        writeFileSync(options.trace, trace);
        console.error(`  trace in ${options.trace}; ${longTasksInTrace(trace)}`);
        options.trace = undefined;
      }
      if (options.profile && !profile && samples.length === 3) {
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.start');
        await Promise.race([sleep(10_000), sent]);
        profile = (await cdp.send('Profiler.stop')).profile;
        // the whole profile, for DevTools' Performance panel or a closer look
        if (options['profile-out']) writeFileSync(`${options['profile-out']}.${jar ? options['against-name'] : 'this'}.cpuprofile`, JSON.stringify(profile));
      }
      samples.push(await sample(page, cdp));
    }
    const { sent: entriesSent, seconds } = await sent;
    const cpu = {
      viewer: (cpuSeconds(viewer.child.pid) - cpuBefore.viewer) / seconds,
      publisher: (cpuSeconds(publisher.child.pid) - cpuBefore.publisher) / seconds,
    };
    // what is still on its way: until the page's count stands still for 3 s (at most 30 s; a reconnect takes 1 s or more)
    for (let seen = -1, still = 0, waited = 0; still < 6 && waited < 30_000; waited += 500) {
      await sleep(500);
      const entries = await page.evaluate(() => window.__bench.entries);
      still = entries === seen ? still + 1 : 0;
      seen = entries;
    }
    samples.push(await sample(page, cdp));
    const viewerReceived = (await viewer.stats()).received - receivedBefore;
    const probe = await page.evaluate(() => window.__bench);
    await cdp.send('HeapProfiler.collectGarbage');
    const afterGc = (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'JSHeapUsedSize').value;
    return summarise({ name, scenario, samples, probe, entriesSent, seconds, viewerReceived, entriesBefore, afterGc, errors, profile, cpu });
  } finally {
    await context.close();
    await publisher.stop();
    await viewer.remove();
  }
}

function summarise({ name, scenario, samples, probe, entriesSent, seconds, viewerReceived, entriesBefore, afterGc, errors, profile, cpu }) {
  const first = samples[0];
  const last = samples.at(-1);
  const measured = probe.longTasks.filter(([start]) => start >= first.now);
  const durations = measured.map(([, duration]) => duration);
  // memory is judged once the page's buffer is full (or after 20 s when a filter keeps it from filling)
  const fullAt = samples.find((s) => s.held >= CLIENT_BUFFER || s.now - first.now >= 20_000) ?? last;
  const steady = samples.filter((s) => s.now >= fullAt.now);
  const heaps = steady.map((s) => s.heapUsed);
  const fpsWindows = samples.slice(1).map((s, i) => ((s.frames - samples[i].frames) * 1000) / (s.now - samples[i].now));
  const wall = (last.now - first.now) / 1000;
  const mb = (bytes) => +(bytes / 1048576).toFixed(1);
  return {
    scenario: name,
    what: scenario.what,
    sent: entriesSent,
    sendRate: Math.round(entriesSent / seconds),
    viewerReceived,
    pageReceived: probe.entries - entriesBefore,
    skipped: probe.skipped,
    connections: probe.connections,
    longTasks: durations.length,
    longTasksOver200: durations.filter((d) => d > 200).length,
    longestTask: durations.length ? Math.max(...durations) : 0,
    longTaskTotal: durations.reduce((a, b) => a + b, 0),
    longestFrameGap: Math.round(probe.longestFrameGap),
    fps: +(((last.frames - first.frames) * 1000) / (last.now - first.now)).toFixed(1),
    minFps: +Math.min(...fpsWindows).toFixed(1),
    mainThreadBusy: `${Math.round(((last.taskSeconds - first.taskSeconds) / wall) * 100)}%`,
    scriptBusy: `${Math.round(((last.scriptSeconds - first.scriptSeconds) / wall) * 100)}%`,
    layoutBusy: `${Math.round(((last.layoutSeconds - first.layoutSeconds) / wall) * 100)}%`,
    // CPU time, unlike the durations above, does not grow when other processes take the cores
    cpuPerThousand: +(((last.threadCpuSeconds - first.threadCpuSeconds) * 1e6) / Math.max(1, probe.entries - entriesBefore)).toFixed(2),
    rendererCpu: `${Math.round(((last.processCpuSeconds - first.processCpuSeconds) / wall) * 100)}%`,
    viewerCpu: `${Math.round(cpu.viewer * 100)}%`,
    publisherCpu: `${Math.round(cpu.publisher * 100)}%`,
    loadAverage: readFileSync('/proc/loadavg', 'utf8').split(' ')[0],
    heapFirstMB: mb(heaps[0]),
    heapLastMB: mb(heaps.at(-1)),
    heapMaxMB: mb(Math.max(...heaps)),
    heapMinMB: mb(Math.min(...heaps)),
    heapAfterGcMB: mb(afterGc),
    elementsMax: Math.max(...samples.map((s) => s.elements)),
    domNodesMax: Math.max(...samples.map((s) => s.nodes)),
    domNodesLast: last.nodes,
    listenersLast: last.listeners,
    heldLast: last.held,
    errors: errors.length,
    heapSeries: samples.map((s) => [Math.round((s.now - first.now) / 1000), mb(s.heapUsed)]),
    // when each long task began (s into the load) and how long it took (ms): a pattern in time points at its cause
    longTaskTimes: measured.map(([start, duration]) => [+((start - first.now) / 1000).toFixed(1), duration]),
    profile: profile ? topFunctions(profile) : undefined,
  };
}

function table(results) {
  const rows = [
    ['entries sent (achieved rate/s)', (r) => `${r.sent.toLocaleString('en')} (${r.sendRate.toLocaleString('en')}/s)`],
    ['received by the viewer', (r) => r.viewerReceived.toLocaleString('en')],
    ['received by the page (skipped)', (r) => `${r.pageReceived.toLocaleString('en')} (${r.skipped})`],
    ['WebSocket connections (more than 1: the page reconnected)', (r) => r.connections],
    ['long tasks (> 200 ms)', (r) => `${r.longTasks} (${r.longTasksOver200})`],
    ['longest task, ms', (r) => r.longestTask],
    ['long tasks total, ms', (r) => r.longTaskTotal],
    ['longest frame gap, ms', (r) => r.longestFrameGap],
    ['frames/s (lowest 5 s window)', (r) => `${r.fps} (${r.minFps})`],
    ['main thread busy (script, layout+style)', (r) => `${r.mainThreadBusy} (${r.scriptBusy}, ${r.layoutBusy})`],
    ['main thread CPU ms per 1,000 entries received', (r) => r.cpuPerThousand],
    ['CPU of one core: page renderer / viewer / publisher', (r) => `${r.rendererCpu} / ${r.viewerCpu} / ${r.publisherCpu}`],
    ['machine load average at the end (2 cores)', (r) => r.loadAverage],
    ['JS heap used after fill: first / last / max MB', (r) => `${r.heapFirstMB} / ${r.heapLastMB} / ${r.heapMaxMB}`],
    ['JS heap after a forced GC at the end, MB', (r) => r.heapAfterGcMB],
    ['elements in the page (max)', (r) => r.elementsMax],
    ['DOM nodes incl. detached (max / last)', (r) => `${r.domNodesMax} / ${r.domNodesLast}`],
    ['entries held by the page at the end', (r) => r.heldLast.toLocaleString('en')],
    ['page errors', (r) => r.errors],
  ];
  const lines = [`| | ${results.map((r) => r.scenario).join(' | ')} |`, `| --- |${results.map(() => ' --- |').join('')}`];
  for (const [label, value] of rows) lines.push(`| ${label} | ${results.map(value).join(' | ')} |`);
  return lines.join('\n');
}

const browser = await launchBrowser();
const results = [];
try {
  for (const name of options.scenarios.split(',')) {
    if (!SCENARIOS[name]) throw new Error(`unknown scenario ${name}; known: ${Object.keys(SCENARIOS).join(', ')}`);
    console.error(`${name}: ${SCENARIOS[name].what}, ${RATE.toLocaleString('en')} entries/s for ${SECONDS} s …`);
    const runs = [[name, undefined]];
    if (options.against) runs.push([`${name} (${options['against-name']})`, options.against]);
    for (const [label, jar] of runs) {
      const result = { ...(await runScenario(browser, name, jar)), scenario: label };
      results.push(result);
      console.error(`  ${label}: heap MB over time: ${result.heapSeries.map(([t, heap]) => `${t}s ${heap}`).join(', ')}`);
      console.error(`  ${label}: long tasks (s: ms): ${result.longTaskTimes.map(([t, ms]) => `${t}: ${ms}`).join(', ')}`);
      if (result.profile) console.error(`  self time, 10 s profile:\n    ${result.profile.join('\n    ')}`);
    }
  }
} finally {
  await browser.close();
}
console.log(`\n${RATE.toLocaleString('en')} entries/s for ${SECONDS} s; ${results.map((r) => `${r.scenario}: ${r.what}`).join('; ')}\n`);
console.log(table(results));
if (options.json) writeFileSync(options.json, `${JSON.stringify(results, null, 2)}\n`);
