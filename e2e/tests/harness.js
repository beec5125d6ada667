// Shared pieces of the end-to-end tests: free ports, the viewer jar, a pyzmq publisher,
// Debian's chromium through playwright-core.
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const repoRoot = path.resolve(here, '..', '..');
export const viewerJar = process.env.ZMQLOG_E2E_VIEWER_JAR ?? path.join(repoRoot, 'viewer-app', 'target', 'zmqlog-viewer.jar');
export const CHROMIUM = process.env.ZMQLOG_E2E_CHROMIUM ?? '/usr/bin/chromium';
const PYTHON = '/usr/bin/python3';
const JAVA = process.env.JAVA_HOME ? path.join(process.env.JAVA_HOME, 'bin', 'java') : 'java';

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** A free TCP port on 127.0.0.1: bind port 0 and let go. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** Polls fn until it returns a truthy value; fails after timeout ms with what it last saw. */
export async function waitFor(fn, { timeout = 10_000, interval = 100, what = 'condition' } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await sleep(interval);
  }
}

/**
 * The viewer jar as a child process. mode 'connect' (its default) connects to zmqPort,
 * 'bind' binds it. extra: more arguments (e.g. --demo). Its history store is a folder of its
 * own (storePath, a fresh temporary one unless given), kept across a restart of the same
 * Viewer and removed by remove().
 */
export class Viewer {
  constructor({ httpPort, zmqPort, mode = 'connect', extra = [], storePath, jar = viewerJar }) {
    this.jar = jar;
    this.httpPort = httpPort;
    this.zmqPort = zmqPort;
    this.mode = mode;
    this.extra = extra;
    this.ownStore = !storePath;
    this.storePath = storePath ?? mkdtempSync(path.join(os.tmpdir(), 'zmqlog-e2e-store-'));
    this.url = `http://127.0.0.1:${httpPort}`;
    this.output = [];
  }

  static async start(options = {}) {
    const viewer = new Viewer({ httpPort: await freePort(), zmqPort: await freePort(), ...options });
    await viewer.start();
    return viewer;
  }

  async start() {
    if (!existsSync(this.jar)) throw new Error(`${this.jar} is missing: build viewer-app first`);
    const args = [
      '-Xmx512m',
      '-jar',
      this.jar,
      `--server.port=${this.httpPort}`,
      `--zmq.log.viewer.endpoints=tcp://127.0.0.1:${this.zmqPort}`,
      `--zmq.log.viewer.mode=${this.mode}`,
      `--zmq.log.viewer.store.path=${this.storePath}`,
      ...this.extra,
    ];
    const child = spawn(JAVA, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    this.exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const keep = (chunk) => {
      this.output.push(chunk.toString());
      if (this.output.length > 400) this.output.splice(0, 200);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let gone = false;
    this.exited.then(() => (gone = true));
    await waitFor(
      async () => {
        if (gone) throw new Error(`viewer exited early:\n${this.output.join('')}`);
        const response = await fetch(`${this.url}/api/stats`);
        return response.ok;
      },
      { timeout: 60_000, interval: 200, what: `the viewer on ${this.url}` },
    ).catch((error) => {
      if (gone) throw new Error(`viewer exited early:\n${this.output.join('').slice(-4000)}`);
      throw error;
    });
  }

  async stats() {
    return (await fetch(`${this.url}/api/stats`)).json();
  }

  /** Stops the process and removes the store folder it was given by default. */
  async remove() {
    await this.stop();
    if (this.ownStore) rmSync(this.storePath, { recursive: true, force: true });
  }

  /** Kills the process (SIGKILL after 5 s) and waits for it to be gone. Safe to call twice. */
  async stop() {
    const child = this.child;
    if (!child || child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
    await this.exited;
    clearTimeout(timer);
  }
}

/** The pyzmq publisher (publisher.py): mode 'bind' (XPUB) or 'connect' (PUB). */
export class Publisher {
  constructor(mode, endpoint) {
    this.child = spawn(PYTHON, [path.join(here, 'publisher.py'), mode, endpoint], { stdio: ['pipe', 'pipe', 'pipe'] });
    this.exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.stderr = '';
    this.child.stderr.on('data', (chunk) => (this.stderr += chunk.toString()));
    this.waiting = [];
    readline.createInterface({ input: this.child.stdout }).on('line', (line) => this.waiting.shift()?.(line));
    this.exited.then(() => {
      for (const resolve of this.waiting.splice(0)) resolve(`error publisher exited: ${this.stderr}`);
    });
  }

  async command(command) {
    const answer = await new Promise((resolve) => {
      this.waiting.push(resolve);
      this.child.stdin.write(`${JSON.stringify(command)}\n`);
    });
    if (!answer.startsWith('ok')) throw new Error(`publisher: ${answer} (for ${JSON.stringify(command)})`);
    return answer;
  }

  waitForSubscription(timeout = 15) {
    return this.command({ cmd: 'wait_sub', timeout });
  }

  /** One JSON record; exc (a stack trace), mdc, source ({app, host, pid, instance}), seq and thread are optional. */
  log(msg, { level = 'INFO', topic = `app.${level}`, logger = 'e2e.Test', exc, mdc, source, seq, thread, created } = {}) {
    return this.command({ cmd: 'log', msg, level, topic, logger, exc, mdc, source, seq, thread, created });
  }

  send(topic, payload) {
    return this.command({ cmd: 'send', topic, payload });
  }

  burst(n, { level = 'INFO', topic = `app.${level}`, logger = 'e2e.Burst', prefix = 'burst' } = {}) {
    return this.command({ cmd: 'burst', n, level, topic, logger, prefix });
  }

  /** Sends rate records a second for seconds (a realistic mix); resolves to what was sent. */
  async paced(rate, seconds) {
    const [, sent, elapsed] = (await this.command({ cmd: 'paced', rate, seconds })).split(' ');
    return { sent: Number(sent), seconds: Number(elapsed) };
  }

  async stop() {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.stdin.end();
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 4_000);
    await this.exited;
    clearTimeout(timer);
  }
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * Runs body with a viewer (connect mode) and a binding XPUB publisher it has subscribed
 * to, and a fresh page; stops all of them afterwards, whatever happened.
 */
export async function withSetup(browser, body, { contextOptions = {}, viewerOptions = {} } = {}) {
  const cleanups = [];
  try {
    const zmqPort = await freePort();
    const publisher = new Publisher('bind', `tcp://127.0.0.1:${zmqPort}`);
    cleanups.push(() => publisher.stop());
    const viewer = new Viewer({ httpPort: await freePort(), zmqPort, mode: 'connect', ...viewerOptions });
    cleanups.push(() => viewer.remove());
    await viewer.start();
    await publisher.waitForSubscription();
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, ...contextOptions });
    cleanups.push(() => context.close());
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error));
    await body({ viewer, publisher, page, errors });
  } finally {
    for (const cleanup of cleanups.reverse()) {
      try {
        await cleanup();
      } catch (error) {
        console.error('cleanup failed:', error);
      }
    }
  }
}

/** The texts of the rows in the page (only the visible ones are there). */
export function rowTexts(page) {
  return page.$$eval('#list .row', (rows) => rows.map((row) => row.textContent ?? ''));
}

/** "1,234 shown · 5,678 held" → { shown, held } */
export async function counts(page) {
  const text = (await page.textContent('[data-testid=counts]')) ?? '';
  const match = /([\d,]+) shown · ([\d,]+) held/.exec(text);
  if (!match) return { shown: -1, held: -1, text };
  return { shown: Number(match[1].replace(/,/g, '')), held: Number(match[2].replace(/,/g, '')), text };
}

/** Resolves once the page has drawn two more frames: what was scheduled is on screen. */
export function nextFrame(page) {
  return page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

export async function waitForLive(page, timeout = 15_000) {
  await page.waitForSelector('[data-testid=status][data-status=live]', { timeout });
}
