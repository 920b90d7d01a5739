/**
 * The dashboard in a real browser: Debian's Chromium driven by playwright-core against a real server
 * on a random loopback port over a real SQLite file. Skipped only where /usr/bin/chromium is absent
 * (.ci/run installs it).
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { createPipeline } from '../../src/pipeline.js';
import { listen, type RunningServer } from '../../src/server/index.js';
import { openSqliteStore, type EventStore } from '../../src/store/index.js';
import { allArticles, arihaMonitor, elFasherShelling, foldReports, qamishliProtest } from '../fixtures/store/articles.js';
import { tempDir, tickingClock } from '../store/temp-db.js';

const CHROMIUM = '/usr/bin/chromium';
// CI sets SITREP_REQUIRE_BROWSER=1 so that a missing browser fails the run instead of skipping it.
const skip = existsSync(CHROMIUM) || process.env.SITREP_REQUIRE_BROWSER ? false : `${CHROMIUM} is not installed (apt-get install -y chromium)`;
const OUTPUT = 'test-output';

let server: RunningServer;
let store: EventStore;
let context: BrowserContext;
let page: Page;
let profile: string;
let cleanup: () => void;
const problems: string[] = [];

before(async () => {
  if (skip) return;
  const tmp = tempDir('sitrep-web-');
  cleanup = tmp.cleanup;
  store = openSqliteStore(join(tmp.dir, 'web.db'), { now: tickingClock() });
  for (const article of [...allArticles, ...foldReports]) store.storeArticles([article]);
  server = await listen({ store, host: '127.0.0.1', port: 0, token: null, pipeline: () => createPipeline() });
  profile = mkdtempSync(join(tmpdir(), 'sitrep-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1600, height: 1000 },
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith('data:')) problems.push(`off-box request: ${request.url()}`);
  });
  await page.goto(`${server.url}/`);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 15_000 });
});

after(async () => {
  if (skip) return;
  await context?.close();
  await server?.close();
  store?.close();
  rmSync(profile, { recursive: true, force: true });
  cleanup?.();
});

const markers = () => page.locator('path.event-marker');

test('the map shows one marker per located event, over country outlines, with nothing fetched off the box', { skip }, async () => {
  assert.equal(await markers().count(), 6);
  assert.ok((await page.locator('.leaflet-overlay-pane path:not(.event-marker)').count()) > 100, 'country outlines drawn');
  assert.equal(await page.locator('#events-body tr').count(), 6);
});

test('filtering by type keeps only that type on the map and in the table', { skip }, async () => {
  await page.locator('[data-only-type="Explosions/Remote violence"]').click();
  await page.waitForFunction(() => document.querySelectorAll('path.event-marker').length === 3);
  const types = await markers().evaluateAll((paths) => paths.map((p) => p.getAttribute('data-type')));
  assert.deepEqual(new Set(types), new Set(['Explosions/Remote violence']));
  assert.equal(await page.locator('#events-body tr').count(), 3);
  await page.locator('#reset').click();
  await page.waitForFunction(() => document.querySelectorAll('path.event-marker').length === 6);
});

test('opening an event shows every source with the evidence highlighted and fields marked', { skip }, async () => {
  // A marker opens its event (El Fasher stands alone; Ariha and Atarib overlap at this zoom).
  const fasher = store.getArticle(elFasherShelling.id)!.eventIds[0];
  await page.locator(`path.event-marker[data-event-id="${fasher}"]`).click();
  await page.locator(`#detail-body .source[data-article-id="${elFasherShelling.id}"]`).waitFor();
  assert.ok(await page.locator(`path.event-marker.selected[data-event-id="${fasher}"]`).count());
  // and so does a row of the table
  const eventId = store.getArticle(arihaMonitor.id)!.eventIds[0];
  await page.locator(`#events-body tr[data-event-id="${eventId}"]`).click();
  const detail = page.locator('#detail-body');
  await detail.locator(`.source[data-article-id="${arihaMonitor.id}"]`).waitFor();
  await detail.locator('.source').first().waitFor();
  assert.equal(await detail.locator('.source').count(), 2);
  const evidence = detail.locator(`.source[data-article-id="${arihaMonitor.id}"] mark.f-evidence`);
  assert.ok(await evidence.first().isVisible());
  const highlighted = (await evidence.allTextContents()).join('');
  assert.equal(highlighted, arihaMonitor.events[0].evidence.text);
  assert.deepEqual(await detail.locator(`.source[data-article-id="${arihaMonitor.id}"] .article-text .f-location`).allTextContents(), ['Ariha']);
  assert.deepEqual(await detail.locator(`.source[data-article-id="${arihaMonitor.id}"] .article-text .f-count`).allTextContents(), ['24 people']);
  assert.match(await detail.locator('.claims').innerText(), /SOHR[\s\S]*24[\s\S]*state media[\s\S]*12/);
  assert.match(await detail.locator('.history').innerText(), /joined[\s\S]*location: Ariha vs Ariha: 0\.0 km apart/);
  assert.ok(await page.locator(`#events-body tr.selected[data-event-id="${eventId}"]`).isVisible());
  assert.ok(await page.locator(`path.event-marker.selected[data-event-id="${eventId}"]`).count());
  mkdirSync(OUTPUT, { recursive: true });
  await page.screenshot({ path: join(OUTPUT, 'dashboard.png') });
});

test('the table sorts by a column when its header is clicked', { skip }, async () => {
  const killed = () => page.locator('#events-body tr td:nth-child(5)').allTextContents();
  await page.locator('th[data-sort="fatalities"]').click();
  assert.deepEqual(await killed(), ['12–24', '9', '7', '3', '2', '—']);
  await page.locator('th[data-sort="fatalities"]').click();
  assert.deepEqual((await killed())[0], '—');
  await page.locator('th[data-sort="date"]').click();
  const dates = await page.locator('#events-body tr td:nth-child(1)').allTextContents();
  assert.deepEqual(dates, [...dates].sort().reverse());
});

test('a <script> tag inside an article is shown as text and never runs', { skip }, async () => {
  const eventId = store.getArticle(qamishliProtest.id)!.eventIds[0];
  await page.locator(`#events-body tr[data-event-id="${eventId}"]`).click();
  const source = page.locator(`#detail-body .source[data-article-id="${qamishliProtest.id}"]`);
  await source.waitFor();
  assert.match(await source.locator('.article-text').innerText(), /<script>window\.__pwned = 1<\/script>/);
  assert.match(await source.locator('h4').innerText(), /<b>live<\/b>/);
  assert.equal(await page.locator('#detail-body script, #detail-body b').count(), 0);
  assert.equal(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned), undefined);
});

test('brushing the timeline narrows the period on the map and table', { skip }, async () => {
  const box = (await page.locator('#timeline').boundingBox())!;
  await page.mouse.move(box.x + 4, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  assert.match(await page.locator('#period').innerText(), /^\d{4}-\d{2}-\d{2} → \d{4}-\d{2}-\d{2}$/);
  const rows = await page.locator('#events-body tr').count();
  assert.ok(rows < 6, `the period keeps fewer rows (${rows})`);
  assert.equal(await markers().count(), rows);
  await page.locator('#clear-period').click();
  assert.equal(await page.locator('#events-body tr').count(), 6);
});

test('no console errors, CSP violations or requests off the box', { skip }, () => {
  assert.deepEqual(problems, []);
});
