import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { createPipeline, type Pipeline } from '../../src/pipeline.js';
import { createApp, listen, type RunningServer } from '../../src/server/index.js';
import { openSqliteStore, type EventStore } from '../../src/store/index.js';
import { allArticles, arihaMonitor, arihaStateMedia, foldReports, qamishliProtest } from '../fixtures/store/articles.js';
import { tempDir, tickingClock } from '../store/temp-db.js';

let server: RunningServer;
let store: EventStore;
let cleanup: () => void;
let pipeline: Pipeline | null = null;
const getPipeline = () => (pipeline ??= createPipeline());

before(async () => {
  const tmp = tempDir('sitrep-api-');
  cleanup = tmp.cleanup;
  store = openSqliteStore(join(tmp.dir, 'api.db'), { now: tickingClock() });
  for (const article of [...allArticles, ...foldReports]) store.storeArticles([article]);
  server = await listen({ store, host: '127.0.0.1', port: 0, token: null, pipeline: getPipeline, maxBodyBytes: 64 * 1024 });
});

after(async () => {
  await server.close();
  store.close();
  cleanup();
});

async function getJson(path: string, init?: RequestInit) {
  const response = await fetch(server.url + path, init);
  return { status: response.status, headers: response.headers, body: await response.json() };
}

function assertJsonError(result: { status: number; body: any }, status: number, pattern: RegExp) {
  assert.equal(result.status, status);
  assert.equal(typeof result.body.error, 'string');
  assert.match(result.body.error, pattern);
  assert.doesNotMatch(JSON.stringify(result.body), /\n\s+at |\.ts:\d+/, 'no stack trace in an error');
}

test('healthz and stats', async () => {
  assert.deepEqual((await getJson('/healthz')).body, { status: 'ok' });
  const stats = (await getJson('/api/stats')).body;
  assert.equal(stats.articles, 9);
  assert.equal(stats.events, 6);
  assert.equal(stats.byType.Battles, 2);
});

test('GET /api/events filters by type, bbox and words, and pages with a cursor', async () => {
  const all = await getJson('/api/events?limit=4');
  assert.equal(all.status, 200);
  assert.equal(all.body.total, 6);
  assert.equal(all.body.events.length, 4);
  const rest = await getJson(`/api/events?limit=4&cursor=${encodeURIComponent(all.body.nextCursor)}`);
  assert.equal(rest.body.events.length, 2);
  assert.equal(rest.body.nextCursor, null);

  const battles = await getJson('/api/events?type=Battles,Protests');
  assert.deepEqual(battles.body.events.map((e: any) => e.type).sort(), ['Battles', 'Battles', 'Protests']);
  const darfur = await getJson('/api/events?bbox=20,10,30,20');
  assert.deepEqual(darfur.body.events.map((e: any) => e.location.name), ['El Fasher']);
  const words = await getJson('/api/events?q=vegetable%20market');
  assert.equal(words.body.total, 1);
});

test('malformed queries are 400 JSON errors naming the problem', async () => {
  assertJsonError(await getJson('/api/events?limit=0'), 400, /limit/);
  assertJsonError(await getJson('/api/events?limit=abc'), 400, /limit/);
  assertJsonError(await getJson('/api/events?bbox=1,2,3'), 400, /bbox/);
  assertJsonError(await getJson('/api/events?from=2024-13-45'), 400, /from/);
  assertJsonError(await getJson('/api/events?typ=Battles'), 400, /unknown parameter\(s\): typ/);
  assertJsonError(await getJson('/api/events?cursor=garbage'), 400, /cursor/);
  assertJsonError(await getJson('/api/events/not-an-id'), 400, /event id/);
  assertJsonError(await getJson('/api/events/ev_0000000000000000'), 404, /no event/);
  assertJsonError(await getJson('/api/articles/0000000000000000'), 404, /no article/);
  assertJsonError(await getJson('/api/nothing-here'), 404, /no such resource/);
});

test('GET /api/events/:id has every source with its evidence offsets into the article', async () => {
  const eventId = store.getArticle(arihaMonitor.id)!.eventIds[0];
  const { status, body } = await getJson(`/api/events/${eventId}`);
  assert.equal(status, 200);
  assert.equal(body.sources.length, 2);
  for (const source of body.sources) {
    const article = [arihaMonitor, arihaStateMedia].find((a) => a.id === source.article.id)!;
    const evidence = source.spans.find((s: any) => s.field === 'evidence');
    assert.equal(article.text.slice(evidence.start, evidence.end), evidence.text);
    assert.equal(evidence.text, source.mention.evidence.text);
  }
  assert.deepEqual([body.fatalitiesMin, body.fatalitiesMax], [12, 24]);
  const history = await getJson(`/api/events/${eventId}/history`);
  assert.deepEqual(history.body.history.map((h: any) => h.kind), ['create', 'join']);
});

test('a folded event id answers 301 with the event it was merged into', async () => {
  const survivor = store.getArticle(foldReports[0].id)!.eventIds[0];
  const [folded] = store.getEvent(survivor)!.mergedFrom;
  const response = await fetch(`${server.url}/api/events/${folded}`, { redirect: 'manual' });
  assert.equal(response.status, 301);
  assert.equal(response.headers.get('location'), `/api/events/${survivor}`);
  assert.equal((await response.json()).mergedInto, survivor);
});

test('GET /api/articles/:id returns the article with its event ids; source text comes back verbatim', async () => {
  const { body } = await getJson(`/api/articles/${qamishliProtest.id}`);
  assert.equal(body.text, qamishliProtest.text);
  assert.equal(body.eventIds.length, 1);
});

test('POST /api/documents runs the pipeline, stores the article, and is idempotent', async () => {
  const document = {
    title: 'Curfew declared in Kadugli after clashes',
    published: '2024-03-14',
    url: 'https://sudan-desk.test/kadugli-curfew',
    text: 'KADUGLI, Sudan - Authorities in Kadugli declared a night curfew on Thursday after two days of clashes between army units and a local militia, residents said. Markets were shut and roads into the town were closed.',
  };
  const post = () =>
    fetch(`${server.url}/api/documents`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(document) });
  const first = await post();
  assert.equal(first.status, 201);
  const created = await first.json();
  assert.equal(created.articles.length, 1);
  assert.equal(created.articles[0].status, 'stored');
  assert.ok(Array.isArray(created.articles[0].eventIds));
  const stored = await getJson(`/api/articles/${created.articles[0].id}`);
  assert.equal(stored.body.title, document.title);
  assert.equal(stored.body.published, '2024-03-14');
  assert.equal(stored.body.url, document.url);
  assert.ok(stored.body.sentences.length >= 2, 'the pipeline ran (sentences are the foundation layer)');
  const before = store.stats();
  const second = await post();
  assert.equal(second.status, 200);
  assert.deepEqual((await second.json()).articles, [{ ...created.articles[0], status: 'unchanged' }]);
  assert.deepEqual(store.stats(), before);
});

test('POST /api/documents rejects malformed, oversized and non-JSON bodies with JSON errors', async () => {
  const post = (body: string, type = 'application/json') =>
    fetch(`${server.url}/api/documents`, { method: 'POST', headers: { 'content-type': type }, body }).then(async (r) => ({
      status: r.status,
      body: await r.json(),
    }));
  assertJsonError(await post('{"text": "unterminated'), 400, /not valid JSON/);
  assertJsonError(await post('{"title": "no body"}'), 400, /exactly one of text or html/);
  assertJsonError(await post('{"text": "x", "html": "<p>x</p>"}'), 400, /exactly one of text or html/);
  assertJsonError(await post('{"text": "x", "published": "yesterday"}'), 400, /published/);
  assertJsonError(await post('{"text": "x", "url": "javascript:alert(1)"}'), 400, /url/);
  assertJsonError(await post(JSON.stringify({ text: 'a'.repeat(70 * 1024) })), 413, /larger than/);
  assertJsonError(await post('text=hello', 'text/plain'), 415, /JSON/);
});

test('a request with a foreign Host header (DNS rebinding) is refused on a loopback server', async () => {
  const { port } = server;
  const result = await new Promise<{ status: number; body: any }>((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path: '/api/stats', headers: { host: 'attacker.test' } }, (res) => {
      let data = '';
      res.on('data', (chunk) => (data += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body: JSON.parse(data) }));
    });
    req.on('error', reject);
    req.end();
  });
  assertJsonError(result, 403, /not this loopback server/);
});

test('writes need the bearer token when one is set, and are refused beyond loopback without one', async () => {
  const body = JSON.stringify({ text: 'Shelling hit the outskirts of Kharkiv overnight, officials said.', published: '2024-03-15' });
  const init = (headers: Record<string, string>) => ({ method: 'POST', headers: { 'content-type': 'application/json', host: '127.0.0.1', ...headers }, body });
  const guarded = createApp({ store, pipeline: getPipeline, token: 's3cret-token', loopback: true });
  assert.equal((await guarded.request('/api/documents', init({}))).status, 401);
  assert.equal((await guarded.request('/api/documents', init({ authorization: 'Bearer wrong' }))).status, 401);
  assert.equal((await guarded.request('/api/documents', init({ authorization: 'Bearer s3cret-token' }))).status, 201);
  const exposed = createApp({ store, pipeline: getPipeline, token: null, loopback: false });
  const refused = await exposed.request('/api/documents', init({}));
  assert.equal(refused.status, 403);
  assert.match((await refused.json()).error, /SITREP_TOKEN/);
  assert.equal((await exposed.request('/api/stats', { headers: { host: 'sitrep.example.org' } })).status, 200, 'reads stay open');
});

test('the OpenAPI document describes the event filters and the document body', async () => {
  const { body } = await getJson('/api/openapi.json');
  assert.equal(body.openapi, '3.1.0');
  const params = body.paths['/api/events'].get.parameters.map((p: any) => p.name);
  assert.deepEqual(params, ['from', 'to', 'bbox', 'type', 'actor', 'country', 'q', 'limit', 'cursor']);
  const schema = body.paths['/api/documents'].post.requestBody.content['application/json'].schema;
  assert.deepEqual(Object.keys(schema.properties).sort(), ['html', 'published', 'text', 'title', 'url']);
});

test('exports over HTTP: CSV with ACLED header, GeoJSON collection', async () => {
  const csv = await fetch(`${server.url}/api/export?format=csv`);
  assert.match(csv.headers.get('content-type')!, /text\/csv/);
  assert.match(await csv.text(), /^event_id_cnty,event_date,year,time_precision,/);
  const geo = await getJson('/api/export?format=geojson');
  assert.equal(geo.body.type, 'FeatureCollection');
  assertJsonError(await getJson('/api/export?format=xlsx'), 400, /format/);
});

test('dashboard files are served locally with a strict content security policy', async () => {
  const page = await fetch(`${server.url}/`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-security-policy')!, /script-src 'self'/);
  for (const path of ['/vendor/leaflet/leaflet.js', '/vendor/topojson-client.min.js', '/vendor/countries-50m.json']) {
    assert.equal((await fetch(server.url + path)).status, 200, path);
  }
  assertJsonError(await getJson('/../package.json'), 404, /no such resource/);
  assertJsonError(await getJson('/vendor/../../package.json'), 404, /no such resource/);
});

test('an internal failure is a 500 JSON error without a stack trace', async () => {
  const tmp = tempDir('sitrep-api-closed-');
  const closed = openSqliteStore(join(tmp.dir, 'closed.db'));
  closed.close();
  const app = createApp({ store: closed, pipeline: getPipeline, token: null, loopback: true });
  const original = process.stderr.write.bind(process.stderr);
  process.stderr.write = () => true; // the server logs the failure; keep test output clean
  try {
    const response = await app.request('/api/stats', { headers: { host: '127.0.0.1' } });
    assertJsonError({ status: response.status, body: await response.json() }, 500, /^internal error$/);
  } finally {
    process.stderr.write = original;
    tmp.cleanup();
  }
});
