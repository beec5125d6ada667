// README screenshots: the viewer's own demo (three simulated services), dark and light.
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { counts, freePort, launchBrowser, nextFrame, repoRoot, Viewer, waitFor, waitForLive } from './harness.js';

const target = path.join(repoRoot, 'docs', 'screenshots');
let browser;
let viewer;

before(async () => {
  browser = await launchBrowser();
  const zmqPort = await freePort();
  viewer = new Viewer({
    httpPort: await freePort(),
    zmqPort,
    mode: 'connect',
    extra: ['--demo', `--zmq.log.endpoints=tcp://127.0.0.1:${zmqPort}`],
  });
  await viewer.start();
  // enough of the demo stream to fill the screen
  await waitFor(async () => (await viewer.stats()).received >= 80, { what: 'the demo entries', timeout: 30_000, interval: 250 });
});

after(async () => {
  await viewer?.stop();
  await browser?.close();
});

for (const scheme of ['dark', 'light']) {
  test(`screenshot of the ${scheme} theme`, async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 800 }, deviceScaleFactor: 1, colorScheme: scheme });
    try {
      const page = await context.newPage();
      await page.goto(viewer.url);
      await waitForLive(page);
      await waitFor(async () => (await counts(page)).shown >= 60, { what: 'a screenful of rows' });
      // the topic tree is polled: wait for it
      await page.waitForSelector('#topic-tree input[type=checkbox]', { timeout: 10_000 });
      assert.equal(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches), scheme === 'dark');
      await page.evaluate(() => document.fonts.ready);
      await nextFrame(page);
      mkdirSync(target, { recursive: true });
      await page.screenshot({ path: path.join(target, `ui-${scheme}.png`) });
    } finally {
      await context.close();
    }
  });
}
