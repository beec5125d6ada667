// End-to-end tests of the viewer's UI: the viewer jar, a pyzmq publisher, Debian's chromium.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { counts, launchBrowser, nextFrame, waitFor, waitForLive, withSetup } from './harness.js';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

/** Messages of the rows in the page. */
function rowMessages(page) {
  return page.$$eval('#list .row .c-msg', (cells) => cells.map((cell) => cell.textContent ?? ''));
}

/** The rows inside the list's visible box: "id@top" strings. */
function visibleRows(page) {
  return page.$eval('#list', (list) => {
    const box = list.getBoundingClientRect();
    return [...list.querySelectorAll('.row')]
      .map((row) => [row.dataset.id, row.getBoundingClientRect()])
      .filter(([, rect]) => rect.bottom > box.top && rect.top < box.bottom)
      .map(([id, rect]) => `${id}@${Math.round(rect.top)}`);
  });
}

async function waitForReceived(viewer, n) {
  await waitFor(async () => (await viewer.stats()).received >= n, { what: `the viewer to receive ${n} entries` });
}

describe('zmqlog viewer UI', { concurrency: false }, () => {
  test('the filter in the URL selects rows, and the search box updates the URL', async () => {
    await withSetup(browser, async ({ viewer, publisher, page, errors }) => {
      await publisher.log('disk almost full', { level: 'WARN', topic: 'app.WARN' });
      await publisher.log('disk is fine', { level: 'INFO', topic: 'app.INFO' });
      await publisher.log('memory high', { level: 'WARN', topic: 'app.WARN' });
      await publisher.log('disk slow', { level: 'WARN', topic: 'db.WARN' });
      await publisher.log('disk failed', { level: 'ERROR', topic: 'db.ERROR' });
      await waitForReceived(viewer, 5);

      await page.goto(`${viewer.url}/?topic=app.WARN&level=WARN&q=disk`);
      await waitForLive(page);
      assert.equal(await page.inputValue('[data-testid=search]'), 'disk');
      assert.equal(await page.inputValue('[data-testid=level]'), 'WARN');
      await waitFor(async () => (await rowMessages(page)).includes('disk almost full'), { what: 'the matching row' });
      // entries arriving after the page opened go through the same filter
      await publisher.log('disk almost full again', { level: 'WARN', topic: 'app.WARN' });
      await publisher.log('disk noise', { level: 'DEBUG', topic: 'app.WARN' });
      await publisher.log('disk elsewhere', { level: 'WARN', topic: 'web.WARN' });
      // the entries that must not show went first: once this one is in, they were judged
      await publisher.log('disk last', { level: 'WARN', topic: 'app.WARN' });
      await waitFor(async () => (await rowMessages(page)).includes('disk last'), { what: 'the last matching row' });
      assert.deepEqual(await rowMessages(page), ['disk almost full', 'disk almost full again', 'disk last']);

      await page.fill('[data-testid=search]', 'memory');
      await page.waitForURL((url) => url.searchParams.get('q') === 'memory');
      const url = new URL(page.url());
      assert.deepEqual(url.searchParams.getAll('topic'), ['app.WARN']);
      assert.equal(url.searchParams.get('level'), 'WARN');
      await waitFor(async () => JSON.stringify(await rowMessages(page)) === JSON.stringify(['memory high']), { what: 'the row for "memory"' });

      await page.selectOption('[data-testid=level]', '');
      await page.waitForURL((url) => !url.searchParams.has('level'));
      assert.deepEqual(errors, []);
    });
  });

  test('pause keeps the rows still and resume shows every entry that arrived meanwhile', async () => {
    await withSetup(browser, async ({ viewer, publisher, page, errors }) => {
      await page.goto(viewer.url);
      await waitForLive(page);
      await publisher.burst(60, { prefix: 'before' });
      await waitFor(async () => (await counts(page)).shown === 60, { what: '60 rows' });
      await waitFor(async () => (await rowMessages(page)).includes('before 59'), { what: 'the newest row drawn' });
      await nextFrame(page);

      await page.keyboard.press('Space');
      await page.waitForSelector('[data-testid=pause].paused');
      const before = await visibleRows(page);
      assert.ok(before.length > 10, JSON.stringify(before));
      const scrollBefore = await page.$eval('#list', (list) => list.scrollTop);

      await publisher.burst(500, { prefix: 'paused' });
      await waitFor(async () => (await page.textContent('[data-testid=new-badge]')) === '▼ 500 new', {
        what: 'the "500 new" badge',
        timeout: 15_000,
      });
      assert.equal(await page.isVisible('[data-testid=new-badge]'), true);
      assert.match((await page.textContent('[data-testid=pause]')) ?? '', /Resume \(500 new\)/);
      // the same entries at the same places: nothing moved under the reader
      assert.deepEqual(await visibleRows(page), before);
      assert.equal(await page.$eval('#list', (list) => list.scrollTop), scrollBefore);
      assert.equal((await counts(page)).shown, 560);

      await page.keyboard.press('End');
      await page.waitForSelector('[data-testid=pause]:not(.paused)');
      await page.waitForSelector('[data-testid=new-badge]', { state: 'hidden' });
      await waitFor(async () => (await rowMessages(page)).includes('paused 499'), { what: 'the last entry at the bottom' });

      // walk the whole list from the top: every one of the 500 is there, once, in order
      const seen = await page.evaluate(async () => {
        const list = document.getElementById('list');
        const messages = new Map();
        const frame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        for (let top = 0; ; top += Math.floor(list.clientHeight / 2)) {
          list.scrollTop = top;
          await frame();
          for (const row of list.querySelectorAll('.row')) {
            messages.set(Number(row.dataset.id), row.querySelector('.c-msg')?.textContent ?? '');
          }
          if (top >= list.scrollHeight) break;
        }
        return [...messages.entries()].sort((a, b) => a[0] - b[0]).map(([, message]) => message);
      });
      const paused = seen.filter((message) => message.startsWith('paused '));
      assert.equal(seen.length, 560);
      assert.deepEqual(paused, Array.from({ length: 500 }, (_, i) => `paused ${i}`));
      assert.deepEqual(errors, []);
    });
  });

  test('the page reconnects by itself when the viewer restarts', async () => {
    await withSetup(browser, async ({ viewer, publisher, page, errors }) => {
      await page.goto(viewer.url);
      await waitForLive(page);
      await publisher.burst(3, { prefix: 'before the restart' });
      await waitFor(async () => (await rowMessages(page)).includes('before the restart 2'), { what: 'the first entries' });

      await viewer.stop();
      await page.waitForSelector('[data-testid=status]:not([data-status=live])', { timeout: 10_000 });
      await viewer.start();
      await publisher.waitForSubscription();
      // Publish once the page is back. The page resumes with after=<last id it saw>, and
      // the restarted viewer numbers from 1 again: had the page seen fewer entries than
      // the new viewer already holds, it would take them for seen (ids carry no epoch).
      await waitForLive(page, 30_000);
      await publisher.log('after the restart');
      await waitFor(async () => (await rowMessages(page)).includes('after the restart'), {
        what: 'the entry published after the restart',
        timeout: 30_000,
      }).catch(async (error) => {
        const entries = await (await fetch(`${viewer.url}/api/entries`)).text();
        throw new Error(`${error.message}; status ${await page.textContent('[data-testid=status]')}; rows ${JSON.stringify(await rowMessages(page))}; viewer has ${entries}`);
      });
      await waitForLive(page);
      assert.equal(await page.evaluate(() => performance.getEntriesByType('navigation').length), 1);
      assert.deepEqual(errors, []);
    });
  });

  test('log text is shown as text, never as markup', async () => {
    await withSetup(browser, async ({ viewer, publisher, page, errors }) => {
      const evil = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
      await page.goto(viewer.url);
      await waitForLive(page);
      await publisher.log(evil, { level: 'ERROR', logger: '<b>bold</b>' });
      await publisher.send('app.INFO', `plain ${evil}`);
      await publisher.send(`<svg onload="window.__xss=3">`, `topic ${evil}`);
      await waitFor(async () => (await rowMessages(page)).length === 3, { what: 'three rows' });
      const messages = await rowMessages(page);
      assert.ok(messages.includes(evil), messages.join('\n'));
      assert.ok(messages.some((message) => message.includes(`plain ${evil}`)), messages.join('\n'));

      await page.click('#list .row >> nth=0');
      await page.waitForSelector('[data-testid=detail]:not([hidden])');
      await waitFor(async () => ((await page.textContent('[data-testid=detail]')) ?? '').includes(evil), { what: 'the message in the detail' });
      assert.equal(await page.evaluate(() => window.__xss), undefined);
      assert.equal(await page.locator('#list img, #list script, #list svg, #list b, #detail img, #detail script, #detail svg, #detail b, #topic-tree img, #topic-tree svg').count(), 0);
      assert.deepEqual(errors, []);
    });
  });

  test('a burst of 20,000 entries keeps the page responsive and its DOM small', async () => {
    await withSetup(browser, async ({ viewer, publisher, page, errors }) => {
      await page.goto(viewer.url);
      await waitForLive(page);
      await page.evaluate(() => {
        const probe = { longest: 0, longTasks: 0, frameGap: 0 };
        window.__probe = probe;
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) {
            probe.longTasks++;
            probe.longest = Math.max(probe.longest, entry.duration);
          }
        }).observe({ type: 'longtask', buffered: false });
        let last = performance.now();
        const tick = (now) => {
          probe.frameGap = Math.max(probe.frameGap, now - last);
          last = now;
          if (!probe.stop) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      const started = Date.now();
      await publisher.burst(20_000, { prefix: 'burst', level: 'INFO' });
      await waitFor(async () => (await counts(page)).shown === 20_000, { what: '20,000 rows', timeout: 45_000, interval: 250 });
      const elapsed = Date.now() - started;
      await nextFrame(page);
      const probe = await page.evaluate(() => {
        window.__probe.stop = true;
        return window.__probe;
      });
      const elements = await page.evaluate(() => document.querySelectorAll('*').length);
      // the probe itself works: a deliberate 150 ms task is seen
      const probeSeesLongTasks = await page.evaluate(async () => {
        const seen = new Promise((resolve) => {
          new PerformanceObserver(() => resolve(true)).observe({ type: 'longtask' });
          setTimeout(() => resolve(false), 2_000);
        });
        // a task of the page's own (code run by page.evaluate is not counted)
        setTimeout(() => {
          const end = performance.now() + 150;
          while (performance.now() < end);
        }, 0);
        return seen;
      });
      assert.equal(probeSeesLongTasks, true, 'the longtask observer works in this chromium');
      console.log(`burst: 20,000 shown after ${elapsed} ms; ${probe.longTasks} long tasks, longest ${Math.round(probe.longest)} ms; longest frame gap ${Math.round(probe.frameGap)} ms; ${elements} elements`);
      assert.ok(probe.longest < 500, `a long task took ${probe.longest} ms`);
      assert.ok(probe.frameGap < 1_000, `no frame for ${probe.frameGap} ms`);
      assert.ok(elements < 3000, `${elements} elements in the page`);
      assert.ok((await rowMessages(page)).includes('burst 19999'));
      assert.deepEqual(errors, []);
    });
  });
});
