// README screenshots (dark, light, phone) of a fixed set of entries from three services.
// The same entries, times and counters every run, and a file is rewritten only when its
// decoded pixels differ: `git status` shows a screenshot as changed only when the UI changed.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { counts, freePort, launchBrowser, nextFrame, Publisher, repoRoot, Viewer, waitFor, waitForLive } from './harness.js';

const target = process.env.ZMQLOG_SCREENSHOTS ?? path.join(repoRoot, 'docs', 'screenshots');
const BASE = Date.parse('2026-03-14T09:26:00Z') / 1000;

const SOURCES = {
  orders1: { app: 'orders', host: 'web-1', pid: 4711, instance: 'orders-7f3a' },
  orders2: { app: 'orders', host: 'web-2', pid: 4712, instance: 'orders-9c1e' },
  payments: { app: 'payments', host: 'pay-1', pid: 815, instance: 'payments-2b6d' },
  gateway: { app: 'gateway', host: 'edge-1', pid: 31, instance: 'gateway-5e0b' },
};

const TRACE = [
  'java.lang.IllegalStateException: payment 5313 declined by the gateway: card issuer unavailable',
  '\tat com.example.shop.payment.CardAuthorizer.authorize(CardAuthorizer.java:88)',
  '\tat com.example.shop.payment.PaymentService.pay(PaymentService.java:54)',
  '\tat org.springframework.aop.support.AopUtils.invokeJoinpointUsingReflection(AopUtils.java:359)',
  '\tat org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:196)',
  '\tat org.springframework.transaction.interceptor.TransactionInterceptor.invoke(TransactionInterceptor.java:119)',
  '\tat org.springframework.aop.framework.JdkDynamicAopProxy.invoke(JdkDynamicAopProxy.java:223)',
  '\tat com.example.shop.orders.CheckoutController.checkout(CheckoutController.java:61)',
  'Caused by: java.net.SocketTimeoutException: Read timed out after 2000 ms',
  '\tat java.base/sun.nio.ch.NioSocketImpl.timedRead(NioSocketImpl.java:278)',
  '\tat java.base/sun.nio.ch.NioSocketImpl.implRead(NioSocketImpl.java:304)',
  '\tat java.base/java.net.Socket$SocketInputStream.read(Socket.java:1099)',
  '\t... 42 more',
].join('\n');

/** The entries: a checkout flow through three services, with a loss and a failed payment. */
function fixture() {
  const list = [];
  const seq = new Map();
  const users = ['ada', 'grace', 'linus', 'barbara', 'ken'];
  const add = (source, level, topic, logger, msg, extra = {}) => {
    const next = (seq.get(source) ?? 0) + 1 + (extra.skip ?? 0);
    seq.set(source, next);
    list.push({ msg, level, topic, logger, source: SOURCES[source], seq: next, created: BASE + list.length * 0.173, mdc: extra.mdc, exc: extra.exc, thread: extra.thread ?? 'http-nio-8080-exec-3' });
  };
  for (let i = 0; i < 14; i++) {
    const order = 5300 + i;
    const traceId = `4bf92f35${(0x1a2b + i * 97).toString(16)}`;
    const mdc = { traceId, user: users[i % users.length] };
    add('gateway', 'INFO', 'gateway.INFO.http', 'c.e.gateway.RequestLog', `POST /api/orders/${order}/checkout 202 in ${12 + ((i * 7) % 30)} ms`, { mdc });
    add(i % 3 === 0 ? 'orders2' : 'orders1', 'DEBUG', 'orders.DEBUG.stock', 'c.e.orders.StockReservation', `Reserving stock for order ${order}: 3 items`, { mdc });
    add(i % 3 === 0 ? 'orders2' : 'orders1', 'INFO', 'orders.INFO', 'c.e.orders.CheckoutController', `Order ${order} placed by ${users[i % users.length]}`, { mdc });
    if (i === 6) add('payments', 'WARN', 'payments.WARN', 'c.e.payment.CardAuthorizer', `Card authorisation slow for order ${order}, retrying (1 of 3)`, { mdc });
    if (i === 9) add('payments', 'ERROR', 'payments.ERROR', 'c.e.payment.PaymentService', `Payment for order ${order} failed`, { mdc, exc: TRACE });
    else add('payments', 'INFO', 'payments.INFO', 'c.e.payment.PaymentService', `Payment for order ${order} authorised in ${80 + ((i * 13) % 60)} ms`, { mdc, skip: i === 11 ? 37 : 0 });
  }
  return list;
}

/** /api/sources and /api/stats as of the moment asked, with fixed rates: live counters would change every run. */
function sourcesNow() {
  const now = Date.now();
  const iso = (ms) => new Date(ms).toISOString();
  return [
    { ...SOURCES.gateway, firstSeen: iso(now - 3_600_000), lastSeen: iso(now - 400), received: 182_344, lost: 0, rate: 41.2, restartOf: null },
    { ...SOURCES.orders1, firstSeen: iso(now - 3_600_000), lastSeen: iso(now - 300), received: 120_554, lost: 0, rate: 27.5, restartOf: null },
    { ...SOURCES.orders2, firstSeen: iso(now - 240_000), lastSeen: iso(now - 800), received: 6_812, lost: 0, rate: 26.9, restartOf: 'orders-1d4c' },
    { ...SOURCES.payments, firstSeen: iso(now - 3_600_000), lastSeen: iso(now - 90_000), received: 60_213, lost: 37, rate: 0, restartOf: null },
  ];
}
/** /api/histogram: a fixed quarter hour of traffic (the fixture's own ten seconds would be one bar), the same every run. */
function histogramNow() {
  const end = Date.now();
  const buckets = Array.from({ length: 60 }, (_, i) => {
    const start = end - (60 - i) * 15_000;
    const wave = Math.round(30 + 18 * Math.sin(i / 5) + ((i * 37) % 11));
    return {
      start: new Date(start).toISOString(),
      end: new Date(start + 15_000).toISOString(),
      counts: { DEBUG: Math.round(wave / 3), INFO: wave, WARN: i % 7 === 3 ? 4 : i % 3 === 0 ? 1 : 0, ERROR: i === 41 ? 6 : i % 17 === 5 ? 2 : 0 },
    };
  });
  return { buckets };
}
const STATS = { received: 369_923, rejected: 0, raw: 0, lost: 37, lostBySource: { payments: 37 }, rate: 95.6, history: 50_000, historyCapacity: 50_000, browsers: 1 };

let browser;
let viewer;
let publisher;
const entries = fixture();

before(async () => {
  browser = await launchBrowser();
  const zmqPort = await freePort();
  publisher = new Publisher('bind', `tcp://127.0.0.1:${zmqPort}`);
  viewer = new Viewer({ httpPort: await freePort(), zmqPort, mode: 'connect' });
  await viewer.start();
  await publisher.waitForSubscription();
  for (const { msg, ...fields } of entries) await publisher.log(msg, fields);
  await waitFor(async () => (await viewer.stats()).received >= entries.length, { what: 'the fixture entries' });
});

after(async () => {
  await publisher?.stop();
  await viewer?.remove();
  await browser?.close();
});

/** Whether two PNG files hold the same pixels, decoded by chromium (a re-encoding alone is no change), within 2 levels a channel. */
async function samePixels(a, b) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async ([left, right]) => {
        const pixels = async (base64) => {
          const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${base64}`)).blob());
          const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
          const context = canvas.getContext('2d');
          context.drawImage(bitmap, 0, 0);
          return { width: bitmap.width, height: bitmap.height, data: context.getImageData(0, 0, bitmap.width, bitmap.height).data };
        };
        const [x, y] = await Promise.all([pixels(left), pixels(right)]);
        if (x.width !== y.width || x.height !== y.height) return false;
        // software rasterisation may round an edge's anti-aliasing one level apart between runs: that is no change
        for (let i = 0; i < x.data.length; i++) if (Math.abs(x.data[i] - y.data[i]) > 2) return false;
        return true;
      },
      [a.toString('base64'), b.toString('base64')],
    );
  } finally {
    await page.close();
  }
}

/** Writes the screenshot only when it is new or its pixels changed. */
async function keep(name, png) {
  mkdirSync(target, { recursive: true });
  const file = path.join(target, name);
  if (existsSync(file) && (await samePixels(readFileSync(file), png))) return 'unchanged';
  writeFileSync(file, png);
  return 'written';
}

async function shoot(name, { scheme, viewport, deviceScaleFactor = 1, isMobile = false, prepare }) {
  const context = await browser.newContext({ viewport, deviceScaleFactor, isMobile, hasTouch: isMobile, colorScheme: scheme, timezoneId: 'UTC', locale: 'en-GB' });
  try {
    await context.route('**/api/sources', (route) => route.fulfill({ json: sourcesNow() }));
    await context.route('**/api/stats', (route) => route.fulfill({ json: STATS }));
    await context.route('**/api/histogram?*', (route) => route.fulfill({ json: histogramNow() }));
    const page = await context.newPage();
    await page.goto(`${viewer.url}/?time=utc`);
    await waitForLive(page);
    // every entry plus the marker of the 37 lost from payments
    await waitFor(async () => (await counts(page)).shown === entries.length + 1, { what: 'the fixture rows' });
    await page.waitForSelector('#topic-tree input[type=checkbox]', { state: 'attached', timeout: 10_000 });
    assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), scheme === 'dark');
    // the facets are counted once the entries are in (where the panel is in sight)
    const infos = String(entries.filter((e) => e.level === 'INFO').length);
    if (viewport.width > 900) await waitFor(async () => (await page.textContent('[data-testid=level-chip-INFO] .count')) === infos, { what: 'the level counts' });
    if (prepare) await prepare(page);
    await page.waitForSelector('[data-testid=src-app]', { state: 'attached' });
    await page.waitForSelector('[data-testid=timeline]:not([hidden])');
    await page.mouse.move(1, viewport.height - 1);
    await page.evaluate(() => document.fonts.ready);
    await nextFrame(page);
    return await keep(name, await page.screenshot());
  } finally {
    await context.close();
  }
}

test('screenshot of the dark theme', async () => {
  const result = await shoot('ui-dark.png', { scheme: 'dark', viewport: { width: 1400, height: 800 } });
  console.log(`ui-dark.png ${result}`);
});

test('screenshot of the light theme, with a stack trace open', async () => {
  const result = await shoot('ui-light.png', {
    scheme: 'light',
    viewport: { width: 1400, height: 800 },
    prepare: async (page) => {
      await page.click('#list .row.level-ERROR .c-msg');
      await page.waitForSelector('[data-testid=detail] .cause');
    },
  });
  console.log(`ui-light.png ${result}`);
});

test('screenshot of a phone', async () => {
  const result = await shoot('ui-phone.png', { scheme: 'dark', viewport: { width: 390, height: 844 }, deviceScaleFactor: 2, isMobile: true });
  console.log(`ui-phone.png ${result}`);
});

test('an unchanged screenshot is not rewritten', async () => {
  const file = path.join(target, 'ui-dark.png');
  const before = readFileSync(file);
  const { deflateSync, inflateSync } = await import('node:zlib');
  // the same pixels, encoded differently (another compression level): no change
  const recompressed = recompress(before, (data) => deflateSync(inflateSync(data), { level: 1 }));
  assert.notDeepEqual(recompressed, before);
  assert.equal(await samePixels(before, recompressed), true);
  assert.equal(await keep('ui-dark.png', recompressed), 'unchanged');
  assert.deepEqual(readFileSync(file), before);
});

/** A PNG with its image data re-deflated: other bytes, the same pixels. */
function recompress(png, redeflate) {
  const chunks = [];
  let idat = [];
  for (let at = 8; at < png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === 'IDAT') idat.push(data);
    else {
      if (idat.length) chunks.push(['IDAT', redeflate(Buffer.concat(idat))]);
      idat = [];
      chunks.push([type, data]);
    }
    at += 12 + length;
  }
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    return c >>> 0;
  });
  const crc = (buffer) => {
    let c = 0xffffffff;
    for (const byte of buffer) c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
    return (c ^ 0xffffffff) >>> 0;
  };
  const parts = [png.subarray(0, 8)];
  for (const [type, data] of chunks) {
    const head = Buffer.alloc(8);
    head.writeUInt32BE(data.length, 0);
    head.write(type, 4, 'latin1');
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(Buffer.concat([head.subarray(4), data])), 0);
    parts.push(head, data, tail);
  }
  return Buffer.concat(parts);
}
