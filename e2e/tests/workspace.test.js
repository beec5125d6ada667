// The UI as a workspace: readable exceptions, any screen, filters in the URL, sources.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { counts, launchBrowser, waitFor, waitForLive, withSetup } from './harness.js';

let browser;
before(async () => {
  browser = await launchBrowser();
});
after(async () => {
  await browser?.close();
});

function rowMessages(page) {
  return page.$$eval('#list .row .c-msg', (cells) => cells.map((cell) => cell.textContent ?? ''));
}

async function waitForReceived(viewer, n) {
  await waitFor(async () => (await viewer.stats()).received >= n, { what: `the viewer to receive ${n} entries` });
}

const TRACE = [
  'java.lang.IllegalStateException: the payment gateway answered 503 for order 4711 after three retries, giving up and rolling back the reservation',
  '\tat com.example.shop.payment.Gateway.charge(Gateway.java:120)',
  '\tat org.springframework.aop.framework.ReflectiveMethodInvocation.proceed(ReflectiveMethodInvocation.java:184)',
  '\tat org.springframework.transaction.interceptor.TransactionInterceptor.invoke(TransactionInterceptor.java:119)',
  '\tat org.springframework.aop.framework.JdkDynamicAopProxy.invoke(JdkDynamicAopProxy.java:215)',
  '\tat com.example.shop.orders.CheckoutController.checkout(CheckoutController.java:57)',
  'Caused by: java.net.SocketTimeoutException: Read timed out while waiting for https://gateway.example.com/v2/charges/ch_0123456789abcdef0123456789abcdef',
  '\tat java.base/java.net.SocketInputStream.read(SocketInputStream.java:168)',
  '\t... 12 more',
].join('\n');

describe('workspace', { concurrency: false }, () => {
  test('an exception at 1440 px leaves the message column at least 60 % of the list width', async () => {
    await withSetup(
      browser,
      async ({ viewer, publisher, page, errors }) => {
        await page.goto(viewer.url);
        await waitForLive(page);
        for (let i = 0; i < 20; i++) await publisher.log(`checkout ${i} done`, { logger: 'com.example.shop.orders.CheckoutController' });
        await publisher.log('Payment for order 4711 failed', { level: 'ERROR', logger: 'com.example.shop.payment.Gateway', exc: TRACE });
        await waitFor(async () => (await rowMessages(page)).includes('Payment for order 4711 failed'), { what: 'the error row' });

        const row = page.locator('#list .row.level-ERROR');
        await row.locator('.expander').click();
        await page.waitForSelector('#list .row.level-ERROR.expanded');
        await page.waitForSelector('[data-testid=detail]:not([hidden])');
        const measure = () =>
          page.evaluate(() => {
            const list = document.getElementById('list').getBoundingClientRect();
            const message = document.querySelector('#list .row.level-ERROR .c-msg').getBoundingClientRect();
            return { list: list.width, message: message.width };
          });
        const sizes = await measure();
        assert.ok(sizes.message >= 0.6 * sizes.list, `message column ${sizes.message} px of a ${sizes.list} px list`);

        // the detail shows all of it at full width: wrapped, causes in sight, framework frames folded
        const detail = await page.evaluate(() => {
          const panel = document.getElementById('detail');
          const list = document.getElementById('list');
          return {
            width: panel.getBoundingClientRect().width,
            listWidth: list.getBoundingClientRect().width,
            overflowing: [...panel.querySelectorAll('pre')].filter((pre) => pre.scrollWidth > pre.clientWidth + 1).length,
            cause: panel.querySelector('.cause')?.textContent ?? '',
            folded: panel.querySelector('details.framework summary')?.textContent ?? '',
            open: panel.querySelector('details.framework')?.open,
          };
        });
        assert.ok(detail.width >= detail.listWidth - 1, `detail ${detail.width} px beside a ${detail.listWidth} px list`);
        assert.equal(detail.overflowing, 0, 'every line of the trace wraps');
        assert.match(detail.cause, /^Caused by: java.net.SocketTimeoutException/);
        assert.equal(detail.folded, '3 framework frames');
        assert.equal(detail.open, false);
        assert.ok(await page.isVisible('text=Caused by: java.net.SocketTimeoutException'));
        assert.deepEqual(errors, []);
      },
      { contextOptions: { viewport: { width: 1440, height: 900 } } },
    );
  });

  test('at 2560 px the message takes most of the row, the panel beside the list', async () => {
    await withSetup(
      browser,
      async ({ viewer, publisher, page, errors }) => {
        await publisher.log('wide screen entry', { logger: 'com.example.shop.orders.CheckoutController' });
        await page.goto(viewer.url);
        await waitForLive(page);
        await waitFor(async () => (await rowMessages(page)).includes('wide screen entry'), { what: 'the row' });
        const sizes = await page.evaluate(() => ({
          list: document.getElementById('list').getBoundingClientRect().width,
          message: document.querySelector('#list .row .c-msg').getBoundingClientRect().width,
          side: document.getElementById('side').getBoundingClientRect().width,
          page: document.documentElement.scrollWidth,
        }));
        assert.ok(sizes.message >= 0.7 * sizes.list, JSON.stringify(sizes));
        assert.ok(sizes.side > 0 && sizes.page <= 2560, JSON.stringify(sizes));
        assert.ok(await page.isVisible('[data-testid=sources]'));
        assert.deepEqual(errors, []);
      },
      { contextOptions: { viewport: { width: 2560, height: 1440 } } },
    );
  });

  test('at 390 × 844 a message text is visible and the filters are reachable', async () => {
    await withSetup(
      browser,
      async ({ viewer, publisher, page, errors }) => {
        await publisher.log('order 1 shipped to the customer', { topic: 'orders.INFO' });
        await publisher.log('payment 2 settled', { topic: 'payments.INFO' });
        await waitForReceived(viewer, 2);
        await page.goto(viewer.url);
        await waitForLive(page);
        await waitFor(async () => (await counts(page)).shown === 2, { what: 'two rows' });

        const message = await page.evaluate(() => {
          const cell = document.querySelector('#list .row .c-msg');
          const box = cell.getBoundingClientRect();
          return { text: cell.textContent, left: box.left, right: box.right, width: box.width, viewport: innerWidth, scroll: document.documentElement.scrollWidth };
        });
        assert.equal(message.text, 'order 1 shipped to the customer');
        assert.ok(message.width >= 150, `message cell ${message.width} px wide`);
        assert.ok(message.left >= 0 && message.right <= message.viewport, JSON.stringify(message));
        assert.ok(message.scroll <= message.viewport, 'nothing wider than the screen');
        assert.ok(await page.isVisible('[data-testid=search]'));
        assert.ok(await page.isVisible('[data-testid=level]'));

        // the side panel is a drawer: closed, then opened by the ☰ button, inside the screen
        assert.equal(await page.isVisible('[data-testid=topics]'), false);
        await page.click('[data-testid=panel-toggle]');
        const checkbox = page.locator('#topic-tree input[data-topic="orders"]');
        await checkbox.waitFor({ state: 'visible' });
        // it slides in: wait until it is all on screen
        const drawer = await waitFor(
          async () => {
            const box = await page.locator('[data-testid=side]').boundingBox();
            return box && box.x >= 0 && box.x + box.width <= 390 ? box : null;
          },
          { what: 'the drawer on screen' },
        );
        assert.ok(drawer.width >= 250, JSON.stringify(drawer));
        await checkbox.check();
        await page.waitForURL((url) => url.searchParams.get('topic') === 'orders');
        await waitFor(async () => JSON.stringify(await rowMessages(page)) === JSON.stringify(['order 1 shipped to the customer']), { what: 'the orders row only' });

        // the detail opens as a drawer with the message readable
        await page.click('[data-testid=side-close]');
        await page.click('#list .row .c-msg');
        await page.waitForSelector('[data-testid=detail]:not([hidden])');
        const detail = await page.locator('[data-field=message]').boundingBox();
        assert.ok(detail.width >= 300, `detail message ${detail.width} px wide`);
        assert.deepEqual(errors, []);
      },
      { contextOptions: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } },
    );
  });

  test('a pasted URL with regex characters restores the same view', async () => {
    await withSetup(browser, async ({ viewer, publisher, page, errors }) => {
      for (const message of ['alpha one', 'b7 ready', 'bz only', 'cold']) await publisher.log(message, { topic: 'svc.INFO', logger: 'e2e.Test' });
      await waitForReceived(viewer, 4);

      // as typed into the address bar: | [ ] left raw
      await page.goto(`${viewer.url}/?regex=true&q=a|b[0-9]&level=INFO`);
      await waitForLive(page);
      await waitFor(async () => (await counts(page)).held === 4, { what: 'the four entries' });
      assert.deepEqual(await rowMessages(page), ['alpha one', 'b7 ready']);
      assert.equal(await page.inputValue('[data-testid=search]'), 'a|b[0-9]');
      assert.equal(await page.isChecked('[data-testid=regex]'), true);
      assert.equal(await page.inputValue('[data-testid=level]'), 'INFO');
      const url = new URL(page.url());
      assert.equal(url.searchParams.get('q'), 'a|b[0-9]');
      assert.equal(url.searchParams.get('regex'), 'true');

      // the page's own URL, opened again, is the same view
      const again = await page.context().newPage();
      await again.goto(page.url());
      await waitForLive(again);
      await waitFor(async () => (await counts(again)).held === 4, { what: 'the four entries again' });
      assert.deepEqual(await rowMessages(again), ['alpha one', 'b7 ready']);
      await again.close();

      // an invalid regex says why beside the box and hides nothing
      await page.fill('[data-testid=search]', 'a(b');
      await page.waitForSelector('[data-testid=search-error]:not([hidden])');
      assert.match((await page.textContent('[data-testid=search-error]')) ?? '', /not applied/);
      await waitFor(async () => (await rowMessages(page)).length === 4, { what: 'every row while the regex is invalid' });
      await page.fill('[data-testid=search]', 'a(l)');
      await page.waitForSelector('[data-testid=search-error]', { state: 'hidden' });
      await waitFor(async () => JSON.stringify(await rowMessages(page)) === JSON.stringify(['alpha one']), { what: 'the fixed regex applied' });
      assert.deepEqual(errors, []);
    });
  });

  test('filter by source and by an MDC value from a row, and see a source lose entries', async () => {
    await withSetup(browser, async ({ viewer, publisher, page, errors }) => {
      const orders1 = { app: 'orders', host: 'web-1', pid: 11, instance: 'o-1' };
      const orders2 = { app: 'orders', host: 'web-2', pid: 12, instance: 'o-2' };
      const web = { app: 'web', host: 'web-3', pid: 13, instance: 'w-1' };
      await publisher.log('web got the request', { source: web, seq: 1, mdc: { traceId: 't-1' }, topic: 'web.INFO' });
      await publisher.log('order placed', { source: orders1, seq: 1, mdc: { traceId: 't-1' }, topic: 'orders.INFO' });
      await publisher.log('order listed', { source: orders1, seq: 2, mdc: { traceId: 't-2' }, topic: 'orders.INFO' });
      await publisher.log('web answered', { source: web, seq: 2, mdc: { traceId: 't-2' }, topic: 'web.INFO' });
      await publisher.log('other orders instance', { source: orders2, seq: 1, topic: 'orders.INFO' });
      await waitForReceived(viewer, 5);
      await page.goto(viewer.url);
      await waitForLive(page);
      await waitFor(async () => (await counts(page)).shown === 5, { what: 'five rows' });
      await page.waitForSelector('[data-testid=src-app][data-source=orders]');

      // each row shows its source: the app, and the instance where the app has several
      const sourceOf = (message) =>
        page.$$eval('#list .row', (rows, message) => rows.find((row) => row.querySelector('.c-msg')?.textContent === message)?.querySelector('.c-source')?.textContent, message);
      await waitFor(async () => (await sourceOf('order placed')) === 'orders@web-1', { what: 'orders@web-1 on its row' });
      assert.equal(await sourceOf('web answered'), 'web');

      const shown = async (expected, what) =>
        waitFor(async () => JSON.stringify(await rowMessages(page)) === JSON.stringify(expected), { what }).catch(async (error) => {
          throw new Error(`${error.message}; rows ${JSON.stringify(await rowMessages(page))}`);
        });
      // from the sources panel: click shows only that app, shift-click hides it
      await page.click('[data-testid=src-app][data-source=web]');
      await page.waitForURL((url) => url.searchParams.get('source') === 'web');
      await shown(['web got the request', 'web answered'], 'only web');
      await page.click('[data-testid=src-app][data-source=web]', { modifiers: ['Shift'] });
      await page.waitForURL((url) => url.searchParams.get('source!') === 'web' && !url.searchParams.has('source'));
      await shown(['order placed', 'order listed', 'other orders instance'], 'all but web');
      await page.click('#clear-sources');
      await shown(['web got the request', 'order placed', 'order listed', 'web answered', 'other orders instance'], 'every row again');

      // from a row: its source cell, then an MDC value of its detail
      await page.click('#list .row:has-text("order listed") .c-source');
      await page.waitForURL((url) => url.searchParams.get('source') === 'o-1');
      await shown(['order placed', 'order listed'], 'the o-1 instance only');
      await page.click('[data-testid=filter-chip]');
      await page.waitForURL((url) => !url.searchParams.has('source'));
      await page.click('#list .row:has-text("web got the request") .c-msg');
      await page.click('[data-testid=detail] [data-field="mdc.traceId"] button');
      await page.waitForURL((url) => url.searchParams.get('mdc.traceId') === 't-1');
      // one request followed across services
      await shown(['web got the request', 'order placed'], 'the t-1 request in web and orders');
      await page.click('[data-testid=filter-chip]');
      await page.waitForURL((url) => !url.searchParams.has('mdc.traceId'));

      // a jump in a source's seq is shown where it happened
      await publisher.log('order after a gap', { source: orders1, seq: 9, topic: 'orders.INFO' });
      await page.waitForSelector('[data-testid=loss-marker]');
      assert.equal(await page.textContent('[data-testid=loss-marker] .c-msg'), '6 lost from orders@web-1');
      const order = await page.$$eval('#list .row', (rows) => rows.map((row) => row.querySelector('.c-msg')?.textContent).slice(-2));
      assert.deepEqual(order, ['6 lost from orders@web-1', 'order after a gap']);

      // rows are in the order received: one logged 5 s before the row above it is marked late
      await publisher.log('web late by 5 s', { source: web, seq: 3, topic: 'web.INFO', created: Date.now() / 1000 - 5 });
      const late = page.locator('#list .row.late');
      await late.waitFor();
      assert.equal(await late.locator('.c-msg').textContent(), 'web late by 5 s');
      assert.match((await late.locator('.c-time').getAttribute('title')) ?? '', /^logged [45]\.\d s before the row above/);
      assert.deepEqual(errors, []);
    });
  });

  test('columns: an MDC key pinned as a column filters by a click; times in UTC or ago on the 24-hour clock', async () => {
    await withSetup(browser, async ({ viewer, publisher, page, errors }) => {
      await publisher.log('first request', { mdc: { traceId: 't-1' } });
      await publisher.log('second request', { mdc: { traceId: 't-2' } });
      await waitForReceived(viewer, 2);
      const [first] = await (await fetch(`${viewer.url}/api/entries`)).json();
      await page.goto(`${viewer.url}/?time=utc`);
      await waitForLive(page);
      await waitFor(async () => (await counts(page)).shown === 2, { what: 'two rows' });
      const utc = new Date(first.time).toISOString().slice(11, 23);
      assert.equal(await page.textContent('#list .row >> nth=0 >> .c-time'), utc);

      await page.click('[data-testid=columns-button]');
      await page.check('[data-testid=columns-menu] [data-column="mdc.traceId"]');
      await page.waitForURL((url) => (url.searchParams.get('columns') ?? '').split(',').includes('mdc.traceId'));
      assert.equal(await page.textContent('#columns .c-mdc'), 'traceId');
      await page.uncheck('[data-testid=columns-menu] [data-column="logger"]');
      await waitFor(async () => (await page.locator('#list .row .c-logger').count()) === 0, { what: 'the logger column gone' });
      await page.click('#list .row:has-text("second request") .c-mdc');
      await page.waitForURL((url) => url.searchParams.get('mdc.traceId') === 't-2');
      await waitFor(async () => JSON.stringify(await rowMessages(page)) === JSON.stringify(['second request']), { what: 'the t-2 row only' });

      // the same view from its URL, in relative time
      await page.selectOption('[data-testid=time-mode]', 'relative');
      await page.waitForURL((url) => url.searchParams.get('time') === 'relative');
      const again = await page.context().newPage();
      await again.goto(page.url());
      await waitForLive(again);
      await waitFor(async () => JSON.stringify(await rowMessages(again)) === JSON.stringify(['second request']), { what: 'the same view' });
      assert.match((await again.textContent('#list .row .c-time')) ?? '', /^(now|\d+s ago)$/);
      assert.equal(await again.textContent('#list .row .c-mdc'), 't-2');
      await again.close();
      assert.deepEqual(errors, []);
    });
  });

  test('scrolling back past the live window loads older entries from history', async () => {
    await withSetup(browser, async ({ viewer, publisher, page, errors }) => {
      await publisher.burst(6_000, { prefix: 'old' });
      await waitForReceived(viewer, 6_000);
      await page.goto(viewer.url);
      await waitForLive(page);
      // the stream's backlog is the newest 5,000
      await waitFor(async () => (await counts(page)).shown === 5_000, { what: 'the backlog' });
      await waitFor(async () => (await rowMessages(page)).includes('old 5999'), { what: 'the newest row' });

      const topRow = () =>
        page.$eval('#list', (list) => {
          const box = list.getBoundingClientRect();
          const rows = [...list.querySelectorAll('.row')].filter((row) => row.getBoundingClientRect().bottom > box.top + 1);
          rows.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
          return rows[0]?.querySelector('.c-msg')?.textContent;
        });
      await page.$eval('#list', (list) => (list.scrollTop = 0));
      await waitFor(async () => (await counts(page)).shown === 5_500, { what: 'the first older page' });
      // the row that was read stays in place: the older ones went above it
      await waitFor(async () => (await topRow()) === 'old 1000', { what: 'old 1000 still at the top' });
      for (let i = 0; i < 5 && !(await counts(page)).text.includes('start of history'); i++) {
        await page.$eval('#list', (list) => (list.scrollTop = 0));
        await waitFor(async () => !(await counts(page)).text.includes('loading'), { what: 'the page loaded' });
      }
      await waitFor(async () => (await counts(page)).shown === 6_000 && (await counts(page)).text.includes('start of history'), { what: 'every entry back to the first' });
      await page.$eval('#list', (list) => (list.scrollTop = 0));
      await waitFor(async () => (await topRow()) === 'old 0', { what: 'the first entry at the top' });
      // the live tail goes on where it left off
      await page.keyboard.press('End');
      await publisher.log('live again');
      await waitFor(async () => (await rowMessages(page)).includes('live again'), { what: 'the live entry' });
      assert.equal((await counts(page)).shown, 6_001);
      assert.deepEqual(errors, []);
    });
  });

  test('context opens around an entry: its source before and after in the list, marked, and back to the filtered view where it was', async () => {
    await withSetup(browser, async ({ viewer, publisher, page, errors }) => {
      const orders = { app: 'orders', host: 'web-1', pid: 1, instance: 'o-1' };
      const web = { app: 'web', host: 'web-3', pid: 2, instance: 'w-1' };
      // every fourth line of each source is a WARN: the filtered view (level=WARN) has 100 rows of both
      for (let i = 0; i < 200; i++) {
        const level = i % 4 === 0 ? 'WARN' : 'INFO';
        await publisher.log(i === 120 ? 'orders needle' : `orders line ${i}`, { source: orders, seq: i + 1, level, topic: `orders.${level}` });
        await publisher.log(`web line ${i}`, { source: web, seq: i + 1, level, topic: `web.${level}` });
      }
      await waitForReceived(viewer, 400);
      await page.goto(`${viewer.url}/?level=WARN`);
      await waitForLive(page);
      await waitFor(async () => (await counts(page)).shown === 100, { what: 'the 100 warnings' });

      // scrolled up to the needle (the 61st warning), away from the end: the view stops following
      await page.$eval('#list', (list) => (list.scrollTop = 60 * 20 - 100));
      const needle = page.locator('#list .row:has-text("orders needle")');
      await needle.locator('.c-msg').click();
      await page.waitForSelector('[data-testid=detail] [data-field=message]');
      const topRow = () =>
        page.$eval('#list', (list) => {
          const box = list.getBoundingClientRect();
          const rows = [...list.querySelectorAll('.row')].filter((row) => row.getBoundingClientRect().bottom > box.top + 1);
          rows.sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top);
          return rows[0]?.querySelector('.c-msg')?.textContent;
        });
      const before = { scrollTop: await page.$eval('#list', (list) => list.scrollTop), top: await topRow() };
      assert.ok(before.scrollTop > 0, JSON.stringify(before));

      await page.click('[data-testid=detail-context]');
      await page.waitForSelector('[data-testid=context-bar]:not([hidden])');
      await page.waitForSelector('#list .row.context-anchor');
      assert.match((await page.textContent('[data-testid=context-bar]')) ?? '', /50 before and 50 after #\d+ from orders/);
      assert.equal(await page.textContent('#list .row.context-anchor .c-msg'), 'orders needle');
      // the lines around it of every level, from its source only, all marked as context
      const around = await page.$$eval('#list .row', (rows) => rows.map((row) => ({ text: row.querySelector('.c-msg')?.textContent ?? '', context: row.classList.contains('context-row') })));
      assert.ok(around.every((row) => row.context), 'every row marked as context');
      assert.ok(around.every((row) => row.text.startsWith('orders')), around.map((row) => row.text).join('\n'));
      const texts = around.map((row) => row.text);
      const at = texts.indexOf('orders needle');
      assert.deepEqual(texts.slice(at - 2, at + 3), ['orders line 118', 'orders line 119', 'orders needle', 'orders line 121', 'orders line 122']);
      assert.match((await page.textContent('[data-testid=counts]')) ?? '', /^context: 101 lines/);

      // back: the filtered view, scrolled where it was, the entry still selected
      await page.click('[data-testid=context-back]');
      await page.waitForSelector('[data-testid=context-bar]', { state: 'hidden' });
      await waitFor(async () => (await page.$$eval('#list .row.context-row', (rows) => rows.length)) === 0, { what: 'the context rows gone' });
      assert.equal(await page.$eval('#list', (list) => list.scrollTop), before.scrollTop);
      assert.equal(await topRow(), before.top);
      assert.equal(await page.textContent('#list .row.selected .c-msg'), 'orders needle');
      assert.equal((await counts(page)).shown, 100);

      // x opens it from the keyboard, Esc goes back
      await page.keyboard.press('x');
      await page.waitForSelector('#list .row.context-anchor');
      await page.keyboard.press('Escape');
      await page.waitForSelector('[data-testid=context-bar]', { state: 'hidden' });
      assert.equal(await page.$eval('#list', (list) => list.scrollTop), before.scrollTop);
      assert.deepEqual(errors, []);
    });
  });

  test('facets: level chips with counts, top field values and the topic tree without levels filter by a click', async () => {
    await withSetup(browser, async ({ viewer, publisher, page, errors }) => {
      await publisher.log('db slow', { level: 'WARN', topic: 'orders.WARN.db', mdc: { user: 'ada' } });
      await publisher.log('db query', { level: 'DEBUG', topic: 'orders.DEBUG.db', mdc: { user: 'ada' } });
      await publisher.log('db down', { level: 'ERROR', topic: 'orders.ERROR.db', mdc: { user: 'ken' } });
      await publisher.log('page served', { level: 'INFO', topic: 'web.INFO', mdc: { user: 'ada' } });
      await waitForReceived(viewer, 4);
      await page.goto(viewer.url);
      await waitForLive(page);
      await waitFor(async () => (await counts(page)).shown === 4, { what: 'four rows' });
      await waitFor(async () => (await page.textContent('[data-testid=level-chip-ERROR] .count')) === '1', { what: 'the ERROR count' });
      assert.equal(await page.textContent('[data-testid=level-chip-INFO] .count'), '1');
      await waitFor(async () => (await page.textContent('[data-field="mdc.user"] [data-value=ada] .count')) === '3', { what: 'ada counted' });

      await page.click('[data-field="mdc.user"] [data-value=ada]');
      await page.waitForURL((url) => url.searchParams.get('mdc.user') === 'ada');
      await waitFor(async () => (await counts(page)).shown === 3, { what: "ada's rows" });
      await page.click('[data-testid=level-chip-WARN]');
      await page.waitForURL((url) => url.searchParams.get('level') === 'WARN');
      await waitFor(async () => JSON.stringify(await rowMessages(page)) === JSON.stringify(['db slow']), { what: "ada's warnings" });
      await page.click('[data-testid=level-chip-WARN]');
      await page.click('[data-testid=filter-chip]');
      await page.waitForURL((url) => !url.searchParams.has('level') && !url.searchParams.has('mdc.user'));

      // the tree per app (the publisher's e2e), without the level floor: orders → db stands for orders.WARN.db, orders.DEBUG.db and orders.ERROR.db
      await page.waitForSelector('#topic-tree li.app input[data-app=e2e]');
      assert.deepEqual(await page.$$eval('#topic-tree li.app > ul > li > label > .name', (names) => names.map((name) => name.textContent)), ['orders', 'web']);
      await page.check('#topic-tree input[data-topic="orders.db"]');
      await page.waitForURL((url) => url.searchParams.getAll('topic').length === 3);
      assert.deepEqual(new URL(page.url()).searchParams.getAll('topic').sort(), ['orders.DEBUG.db', 'orders.ERROR.db', 'orders.WARN.db']);
      await waitFor(async () => (await counts(page)).shown === 3, { what: 'the db rows of every level' });
      assert.deepEqual(errors, []);
    });
  });

  test('the histogram drag loads the range from history', async () => {
    await withSetup(browser, async ({ viewer, publisher, page, errors }) => {
      // entries logged 12 to 11 minutes ago, 3 minutes ago, and now: the viewer's store has them by their own time
      const now = Date.now() / 1000;
      for (let i = 0; i < 10; i++) await publisher.log(`early ${i}`, { created: now - 720 + i * 6 });
      for (let i = 0; i < 10; i++) await publisher.log(`late ${i}`, { created: now - 180 + i * 6 });
      await publisher.log('debug noise', { level: 'DEBUG', created: now - 700 });
      await publisher.log('live entry');
      await waitForReceived(viewer, 22);
      // the store commits at least every second: wait until the history holds them all
      await waitFor(async () => (await (await fetch(`${viewer.url}/api/entries?from=-15m&limit=100`)).json()).length === 22, { what: 'the entries in history' });

      const asked = [];
      page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname.startsWith('/api/')) asked.push(url);
      });
      await page.goto(`${viewer.url}/?level=INFO`);
      await waitForLive(page);
      await page.waitForSelector('[data-testid=timeline]:not([hidden])');
      assert.equal(await page.isVisible('[data-testid=range]'), true);
      const histogram = asked.find((url) => url.pathname === '/api/histogram');
      assert.equal(histogram.searchParams.get('from'), '-15m');
      assert.equal(histogram.searchParams.get('level'), 'INFO');
      assert.ok(Number(histogram.searchParams.get('buckets')) >= 10);
      await waitFor(async () => (await rowMessages(page)).includes('live entry'), { what: 'the live row' });

      // drag across the first third of the timeline: 15 to 10 minutes ago
      const box = await page.locator('#timeline').boundingBox();
      await page.mouse.move(box.x + 2, box.y + box.height / 2);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width / 3, box.y + box.height / 2, { steps: 4 });
      await page.mouse.up();
      await page.waitForURL((url) => url.searchParams.has('from') && url.searchParams.has('to'));
      const url = new URL(page.url());
      const from = Date.parse(url.searchParams.get('from'));
      const to = Date.parse(url.searchParams.get('to'));
      assert.ok(from <= (now - 720) * 1000 && to >= (now - 666) * 1000 && to < (now - 180) * 1000, `${url.searchParams.get('from')} – ${url.searchParams.get('to')}`);
      await waitFor(async () => JSON.stringify(await rowMessages(page)) === JSON.stringify(Array.from({ length: 10 }, (_, i) => `early ${i}`)), {
        what: 'the range from history',
      }).catch(async (error) => {
        throw new Error(`${error.message}; rows ${JSON.stringify(await rowMessages(page))}`);
      });
      const range = asked.filter((u) => u.pathname === '/api/entries' && u.searchParams.has('from')).at(-1);
      assert.equal(range.searchParams.get('from'), url.searchParams.get('from'));
      assert.equal(range.searchParams.get('to'), url.searchParams.get('to'));
      assert.equal(range.searchParams.get('level'), 'INFO');
      assert.equal(await page.getAttribute('[data-testid=status]', 'data-status'), 'history');
      assert.equal(await page.inputValue('[data-testid=range]'), 'custom');

      // jump to a time: five minutes either side of it
      const threeMinutesAgo = new Date((now - 180) * 1000);
      const local = new Date(threeMinutesAgo.getTime() - threeMinutesAgo.getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
      await page.selectOption('[data-testid=range]', 'jump');
      await page.fill('[data-testid=jump-time]', local);
      await waitFor(async () => (await rowMessages(page)).includes('late 0') && !(await rowMessages(page)).includes('early 0'), { what: 'the range around the time' });
      const jumped = new URL(page.url());
      assert.equal(Date.parse(jumped.searchParams.get('to')) - Date.parse(jumped.searchParams.get('from')), 10 * 60_000);

      // back to live: the stream's backlog again
      await page.selectOption('[data-testid=range]', 'live');
      await waitForLive(page);
      await waitFor(async () => (await rowMessages(page)).includes('live entry'), { what: 'the live row again' });
      assert.ok(!new URL(page.url()).searchParams.has('from'));
      assert.deepEqual(errors, []);
    });
  });

  test('while the tab is hidden, an ERROR that passes the filter counts in the title and raises a notification', async () => {
    await withSetup(browser, async ({ viewer, publisher, page, errors }) => {
      await page.context().grantPermissions(['notifications'], { origin: viewer.url });
      await page.addInitScript(() => {
        // the notifications the page raises, through Chromium's own Notification
        const Native = window.Notification;
        window.__notifications = [];
        class Recorded extends Native {
          constructor(title, options) {
            super(title, options);
            window.__notifications.push({ title, body: options?.body });
          }
        }
        Object.defineProperty(Recorded, 'permission', { get: () => Native.permission });
        Recorded.requestPermission = (...args) => Native.requestPermission(...args);
        window.Notification = Recorded;
        // headless Chromium keeps every tab visible: the test hides this one as a switch to another tab would
        let hidden = false;
        Object.defineProperty(document, 'hidden', { configurable: true, get: () => hidden });
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => (hidden ? 'hidden' : 'visible') });
        window.__setHidden = (value) => {
          hidden = value;
          document.dispatchEvent(new Event('visibilitychange'));
        };
      });
      await page.goto(`${viewer.url}/?q=payment`);
      await waitForLive(page);
      const title = await page.title();
      await page.click('[data-testid=notify]');
      await page.waitForSelector('[data-testid=notify][aria-pressed=true]');

      await page.evaluate(() => window.__setHidden(true));
      await publisher.log('payment 42 failed', { level: 'ERROR', topic: 'payments.ERROR', source: { app: 'payments', host: 'pay-1', pid: 3, instance: 'p-1' } });
      await publisher.log('disk full', { level: 'ERROR', topic: 'ops.ERROR' });
      await publisher.log('payment 43 done', { level: 'INFO', topic: 'payments.INFO' });
      await waitForReceived(viewer, 3);
      await waitFor(async () => (await rowMessages(page)).includes('payment 43 done'), { what: 'the rows arrived' });
      await waitFor(async () => (await page.title()) === `(1) ${title}`, { what: 'one error counted in the title' });
      assert.deepEqual(await page.evaluate(() => window.__notifications), [{ title: 'ERROR in payments.ERROR', body: 'payments: payment 42 failed' }]);

      // a second one counts on; coming back clears the count
      await publisher.log('payment 44 failed', { level: 'ERROR', topic: 'payments.ERROR' });
      await waitFor(async () => (await page.title()) === `(2) ${title}`, { what: 'two errors counted' });
      await page.evaluate(() => window.__setHidden(false));
      await waitFor(async () => (await page.title()) === title, { what: 'the title as it was' });
      // in sight, errors raise nothing
      await publisher.log('payment 45 failed', { level: 'ERROR', topic: 'payments.ERROR' });
      await waitFor(async () => (await rowMessages(page)).includes('payment 45 failed'), { what: 'the last row' });
      assert.equal(await page.title(), title);
      assert.equal(await page.evaluate(() => window.__notifications.length), 2);
      assert.deepEqual(errors, []);
    });
  });
});
