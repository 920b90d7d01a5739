/**
 * The store's commands end to end, as a user runs them: `node bin/sitrep.js ...` in a child process
 * over real files and a real SQLite database. Only what the pipeline guarantees is asserted for
 * raw inputs (articles, idempotence); merge behaviour is checked on hand-coded articles.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSqliteStore } from '../../src/store/index.js';
import { arihaMonitor, arihaStateMedia, atarib, districtReports, foldReports } from '../fixtures/store/articles.js';
import { tempDir } from './temp-db.js';

const BIN = join(process.cwd(), 'bin', 'sitrep.js');
const INPUTS = join(process.cwd(), 'test', 'fixtures', 'store', 'inputs');

function sitrep(args: string[], cwd: string) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SITREP_DEBUG: '' } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

test('ingest: a bad file is reported on one line and skipped (exit 2); the rest is stored; re-ingest changes nothing', () => {
  const { dir, cleanup } = tempDir('sitrep-cli-');
  try {
    cpSync(INPUTS, join(dir, 'news'), { recursive: true });
    writeFileSync(join(dir, 'news', 'broken.txt'), Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0x00, 0xff, 0xfe]));
    const first = sitrep(['ingest', 'news', '--db', 'events.db', '--published', '2024-03-12'], dir);
    assert.equal(first.code, 2, first.stderr);
    const problems = first.stderr.trim().split('\n');
    assert.equal(problems.length, 1);
    assert.match(problems[0], /^sitrep: news\/broken\.txt: .+/);
    assert.doesNotMatch(first.stderr, /\n\s+at /, 'no stack trace');
    assert.match(first.stdout, /4 new article\(s\), 0 unchanged/);

    const store = openSqliteStore(join(dir, 'events.db'));
    const before = { stats: store.stats(), events: [...store.allEvents()] };
    store.close();
    assert.equal(before.stats.articles, 4);

    const again = sitrep(['ingest', 'news/monitor-ariha-strike.txt', 'news/state-media-ariha.txt', 'news/sudan-desk.jsonl', '--db', 'events.db', '--published', '2024-03-12'], dir);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /0 new article\(s\), 4 unchanged; 0 new event\(s\)/);
    const reopened = openSqliteStore(join(dir, 'events.db'));
    assert.deepEqual({ stats: reopened.stats(), events: [...reopened.allEvents()] }, before);
    reopened.close();
  } finally {
    cleanup();
  }
});

test('export and explain on merged events; user mistakes are one-line errors with exit code 2', () => {
  const { dir, cleanup } = tempDir('sitrep-cli-');
  try {
    const store = openSqliteStore(join(dir, 'events.db'));
    for (const article of [arihaMonitor, arihaStateMedia, atarib, ...foldReports]) store.storeArticles([article]);
    const merged = store.getArticle(arihaMonitor.id)!.eventIds[0];
    const ataribEvent = store.getArticle(atarib.id)!.eventIds[0];
    const survivor = store.getArticle(foldReports[0].id)!.eventIds[0];
    const [folded] = store.getEvent(survivor)!.mergedFrom;
    store.close();

    const csv = sitrep(['export', '--db', 'events.db', '--format', 'csv'], dir);
    assert.equal(csv.code, 0, csv.stderr);
    assert.equal(csv.stdout.trim().split('\n').length, 1 + 3);
    assert.match(csv.stdout, new RegExp(`^${merged},2024-03-11,2024,1,Political violence,Explosions/Remote violence,Air/drone strike,`, 'm'));

    const future = sitrep(['export', '--db', 'events.db', '--format', 'jsonl', '--since', '2999-01-01'], dir);
    assert.equal(future.code, 0);
    assert.equal(future.stdout, '');
    const file = sitrep(['export', '--db', 'events.db', '--format', 'geojson', '-o', 'events.geojson'], dir);
    assert.equal(file.code, 0);

    const explain = sitrep(['explain', merged, '--db', 'events.db'], dir);
    assert.equal(explain.code, 0, explain.stderr);
    assert.match(explain.stdout, /Sources \(2\):/);
    assert.match(explain.stdout, /claims +SOHR: 24 killed; state media: 12 killed/);
    assert.match(explain.stdout, /joined .*\n(.*\n)*\s+\+ location: Ariha vs Ariha: 0\.0 km apart/);
    const apart = sitrep(['explain', ataribEvent, '--db', 'events.db'], dir);
    assert.match(apart.stdout, new RegExp(`not joined to ${merged}:\\n\\s+x location: Atarib vs Ariha: 4\\d\\.\\d km apart`));
    const viaFold = sitrep(['explain', folded, '--db', 'events.db'], dir);
    assert.match(viaFold.stdout, new RegExp(`^${folded} was merged into ${survivor}`));
    assert.match(viaFold.stdout, /folded into/);

    for (const [args, message] of [
      [['explain', 'ev_0000000000000000', '--db', 'events.db'], /^sitrep: no event ev_0000000000000000 in events\.db\n$/],
      [['export', '--db', 'missing.db'], /^sitrep: missing\.db: no such database/],
      [['export', '--db', 'events.db', '--since', 'last tuesday'], /expected an ISO 8601 date or time/],
      [['export', '--db', 'events.db', '--format', 'xlsx'], /expected csv, geojson, jsonl/],
    ] as const) {
      const result = sitrep([...args], dir);
      assert.equal(result.code, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, message);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    }
    writeFileSync(join(dir, 'notes.db'), 'not a database at all\n'.repeat(100));
    const notDb = sitrep(['export', '--db', 'notes.db'], dir);
    assert.equal(notDb.code, 2);
    assert.match(notDb.stderr, /^sitrep: notes\.db: cannot open as a sitrep database/);
  } finally {
    cleanup();
  }
});

test('explain says when two reports were joined for being in the same district (admin2)', () => {
  const { dir, cleanup } = tempDir('sitrep-cli-');
  try {
    const store = openSqliteStore(join(dir, 'events.db'));
    for (const article of districtReports) store.storeArticles([article]);
    const event = store.getArticle(districtReports[0].id)!.eventIds[0];
    store.close();
    const explain = sitrep(['explain', event, '--db', 'events.db'], dir);
    assert.equal(explain.code, 0, explain.stderr);
    assert.match(explain.stdout, /Sources \(2\):/);
    assert.match(explain.stdout, /joined .*\n(.*\n)*\s+\+ location: Al-Tamanah vs Kafr Nabl: 29\.\d km apart but in the same district \(admin2 SY0702 of Idlib, SY\)/);
  } finally {
    cleanup();
  }
});

test('demo --no-serve ingests the bundled corpus into a fresh database', () => {
  const { dir, cleanup } = tempDir('sitrep-cli-');
  try {
    const result = sitrep(['demo', '--no-serve', '--db', 'demo.db'], dir);
    assert.equal(result.code, 0, result.stderr);
    const store = openSqliteStore(join(dir, 'demo.db'));
    const articles = store.stats().articles;
    store.close();
    assert.ok(articles >= 5, `demo corpus stored (${articles} articles)`);
    const again = sitrep(['demo', '--no-serve', '--db', 'demo.db'], dir);
    assert.match(again.stdout, new RegExp(`${articles} new article\\(s\\), 0 unchanged`), 'the demo database is rebuilt, not appended to');
  } finally {
    cleanup();
  }
});

test('serve prints its loopback URL, answers, and stops cleanly on SIGTERM', async () => {
  const { dir, cleanup } = tempDir('sitrep-cli-');
  try {
    openSqliteStore(join(dir, 'events.db')).close();
    const child = spawn(process.execPath, [BIN, 'serve', '--db', 'events.db', '--port', '0'], { cwd: dir });
    const url = await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout.on('data', (chunk) => {
        out += chunk;
        const match = /sitrep dashboard: (http:\/\/127\.0\.0\.1:\d+)\//.exec(out);
        if (match) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`serve exited early with ${code}`)));
    });
    assert.deepEqual(await (await fetch(`${url}/healthz`)).json(), { status: 'ok' });
    const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    cleanup();
  }
});
