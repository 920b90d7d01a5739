/**
 * `sitrep ingest` on worker threads, run as a user runs it (`node bin/sitrep.js` in a child process,
 * a real SQLite file, real worker threads): the same database as an in-process run, a worker crash
 * costing one article, and Ctrl-C followed by a re-run that stores only what was missing.
 * Crashes and hangs are injected through the pool's test-only hook: SITREP_WORKER_FAULTS (JSON, see
 * src/workers/types.ts FaultInjection) makes a worker die or hang on an article containing a marker.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { availableParallelism } from 'node:os';
import { generateCorpus } from '../../bench/corpus/generate.js';
import { workerCount } from '../../src/cli/commands/ingest.js';
import { defaultIngestWorkers } from '../../src/workers/index.js';
import { unpackArticle } from '../../src/store/sqlite/rows.js';
import { tempDir } from '../store/temp-db.js';

const BIN = join(process.cwd(), 'bin', 'sitrep.js');
const INPUTS = join(process.cwd(), 'test', 'fixtures', 'store', 'inputs');
const CRASH = 'XCRASHMARKERX';
const HANG = 'XHANGMARKERX';

function sitrep(args: string[], cwd: string, env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SITREP_DEBUG: '', ...env } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const jsonl = (records: Array<{ title: string; text: string }>) =>
  records.map((r) => JSON.stringify({ ...r, published: '2024-03-12' })).join('\n') + '\n';

/** What a database holds, comparable across runs: events (without timestamps) and articles. */
function contents(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return {
      articles: db.prepare('SELECT id FROM articles ORDER BY id').pluck().all(),
      events: db.prepare('SELECT id, type, date, location_name, source_count, article_ids FROM events ORDER BY id').all(),
    };
  } finally {
    db.close();
  }
}

/** Every stored article is whole: one mention row per event of its document, none twice. */
function assertWholeArticles(path: string): number {
  const db = new Database(path, { readonly: true });
  try {
    const rows = db.prepare('SELECT a.id, a.doc, a.text, (SELECT count(*) FROM mentions m WHERE m.article_id = a.id) AS n FROM articles a').all() as {
      id: string;
      doc: Buffer;
      text: string;
      n: number;
    }[];
    const mentionData = db.prepare('SELECT data FROM mentions WHERE article_id = ? ORDER BY idx').pluck();
    // unpackArticle also refuses a document whose event list and mention rows disagree.
    for (const row of rows) {
      const article = unpackArticle(row.doc, row.text, () => mentionData.all(row.id) as string[]);
      assert.equal(row.n, article.events.length, `article ${row.id} is whole`);
    }
    const duplicates = db.prepare('SELECT count(*) - count(DISTINCT id) FROM mentions').pluck().get();
    assert.equal(duplicates, 0);
    return rows.length;
  } finally {
    db.close();
  }
}

function storedArticles(path: string): number {
  if (!existsSync(path)) return 0;
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    try {
      return db.prepare('SELECT count(*) FROM articles').pluck().get() as number;
    } finally {
      db.close();
    }
  } catch {
    return 0; // the schema is not there yet
  }
}

test('worker threads: one per core but the storing one for several files, none for one file, stdin or --workers 0', () => {
  const cores = availableParallelism();
  assert.equal(workerCount(undefined, ['a.txt']), 0);
  assert.equal(workerCount(undefined, ['a.txt', 'b.txt', 'c.txt', 'd.txt', 'e.txt', 'f.txt', 'g.txt', 'h.txt']), Math.min(cores - 1, 8));
  assert.equal(defaultIngestWorkers(2), 1, 'two cores: one pipeline worker, this thread stores');
  assert.equal(defaultIngestWorkers(8), 7);
  assert.equal(defaultIngestWorkers(1), 0, 'one core: everything in this process');
  assert.equal(workerCount(0, ['a.txt', 'b.txt']), 0);
  assert.equal(workerCount(1, ['a.txt', 'b.txt']), 1, 'one worker runs the pipeline while this thread stores');
  assert.equal(workerCount(4, ['a.txt', 'b.txt']), 2, 'never more workers than files');
  assert.equal(workerCount(4, ['a.txt', '-']), 0, 'stdin is read in this process');
});

test('on workers the database is the one an in-process run writes', () => {
  const { dir, cleanup } = tempDir('sitrep-ingest-workers-');
  try {
    cpSync(INPUTS, join(dir, 'news'), { recursive: true });
    const serial = sitrep(['ingest', 'news', '--db', 'serial.db', '--published', '2024-03-12', '--workers', '0'], dir);
    const parallel = sitrep(['ingest', 'news', '--db', 'parallel.db', '--published', '2024-03-12', '--workers', '2'], dir);
    const oneWorker = sitrep(['ingest', 'news', '--db', 'one.db', '--published', '2024-03-12', '--workers', '1'], dir);
    assert.equal(serial.code, 0, serial.stderr);
    assert.equal(parallel.code, 0, parallel.stderr);
    assert.equal(oneWorker.code, 0, oneWorker.stderr);
    assert.equal(parallel.stdout, serial.stdout.replace('serial.db', 'parallel.db'));
    assert.equal(oneWorker.stdout, serial.stdout.replace('serial.db', 'one.db'));
    assert.deepEqual(contents(join(dir, 'parallel.db')), contents(join(dir, 'serial.db')));
    assert.deepEqual(contents(join(dir, 'one.db')), contents(join(dir, 'serial.db')));
  } finally {
    cleanup();
  }
});

/**
 * A wire desk's day: the same few incidents told again and again by different outlets, far apart in
 * the file, among one-off stories. Long enough for three groups of the stages (20 articles each), so
 * reports merge with events stored from earlier groups of the same file.
 */
function longWireFile(seed: number): Array<{ title: string; text: string }> {
  const towns = ['Idlib', 'Maarat al-Numan', 'Saraqib', 'Jisr al-Shughur', 'Ariha', 'Atarib', 'Darat Izza', 'Sarmada'];
  const outlets = ['a local monitor said', 'state media reported', 'a rescue worker told reporters', 'residents said'];
  const records: Array<{ title: string; text: string }> = [];
  for (let i = 0; i < 46; i += 1) {
    const repeated = i % 3 === 0;
    const town = towns[repeated ? (i / 3 + seed) % 3 : (i + seed) % towns.length]!;
    const killed = repeated ? 3 + ((i / 3 + seed) % 3) : 2 + (i % 5);
    const day = repeated ? 'Monday' : ['Sunday', 'Tuesday', 'Wednesday'][i % 3]!;
    records.push({
      title: `${repeated ? 'Shelling' : 'Air strike'} in ${town} (${seed}-${i})`,
      text:
        `${town.toUpperCase()}, Syria - ${repeated ? 'Artillery shelling hit a market' : 'An air strike hit a house'} in ${town} ` +
        `on ${day}, killing ${killed} civilians and wounding ${killed * 2} others, ${outlets[i % outlets.length]}. ` +
        `Government forces and rebel fighters have traded fire around ${town} for weeks.`,
    });
  }
  return records;
}

test('a long file is stored group by group the same way on workers and in this process', () => {
  const { dir, cleanup } = tempDir('sitrep-ingest-long-');
  try {
    mkdirSync(join(dir, 'wire'));
    writeFileSync(join(dir, 'wire', 'a.jsonl'), jsonl(longWireFile(0)));
    writeFileSync(join(dir, 'wire', 'b.jsonl'), jsonl(longWireFile(1)));
    const serial = sitrep(['ingest', 'wire', '--db', 'serial.db', '--workers', '0'], dir);
    assert.equal(serial.code, 0, serial.stderr);
    assert.match(serial.stdout, /ingested 2 files into serial\.db: 92 new article\(s\), 0 unchanged; \d+ new event\(s\), [1-9]\d* report\(s\) merged/);
    for (const workers of ['1', '2']) {
      const run = sitrep(['ingest', 'wire', '--db', `w${workers}.db`, '--workers', workers], dir);
      assert.equal(run.code, 0, run.stderr);
      assert.equal(run.stdout, serial.stdout.replace('serial.db', `w${workers}.db`), `--workers ${workers}`);
      assert.deepEqual(contents(join(dir, `w${workers}.db`)), contents(join(dir, 'serial.db')), `--workers ${workers}`);
    }
  } finally {
    cleanup();
  }
});

test('a worker that dies on one article costs that article: it is reported, the rest is stored (exit 2)', () => {
  const { dir, cleanup } = tempDir('sitrep-ingest-crash-');
  try {
    cpSync(INPUTS, join(dir, 'news'), { recursive: true });
    writeFileSync(
      join(dir, 'news', 'wire.jsonl'),
      jsonl([
        { title: 'Shelling in Aleppo', text: `ALEPPO, Syria - Shelling hit a market in Aleppo on Monday, killing four people. ${CRASH}` },
        { title: 'Protest in Homs', text: 'HOMS, Syria - Hundreds of people protested in Homs on Monday over bread prices, witnesses said.' },
      ]),
    );
    const faults = { SITREP_WORKER_FAULTS: JSON.stringify({ exitOn: CRASH }) };
    const run = sitrep(['ingest', 'news', '--db', 'events.db', '--published', '2024-03-12', '--workers', '2'], dir, faults);
    assert.equal(run.code, 2, run.stderr);
    const lines = run.stderr.trim().split('\n');
    assert.equal(lines.length, 1, run.stderr);
    assert.match(lines[0], /^sitrep: news\/wire\.jsonl: article 1: the worker crashed in stage \w+ \(worker exited with code 70\)$/);
    assert.match(run.stdout, /ingested 4 files \(1 with problems\) into events\.db: 5 new article\(s\), 0 unchanged/);
    assert.equal(assertWholeArticles(join(dir, 'events.db')), 5);

    // Without the fault the missing article is stored; the others are recognised.
    const again = sitrep(['ingest', 'news', '--db', 'events.db', '--published', '2024-03-12', '--workers', '2'], dir);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /1 new article\(s\), 5 unchanged/);
  } finally {
    cleanup();
  }
});

/** Starts `sitrep ingest` and sends SIGINT each time `when(stored articles)` says so; resolves on exit. */
function interrupted(dir: string, args: string[], env: Record<string, string>, plan: Array<(stored: number, msSinceLast: number) => boolean>) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: dir, env: { ...process.env, SITREP_DEBUG: '', ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    let step = 0;
    let last = Date.now();
    const poll = setInterval(() => {
      if (step >= plan.length) return;
      if (plan[step](storedArticles(join(dir, 'events.db')), Date.now() - last)) {
        child.kill('SIGINT');
        step += 1;
        last = Date.now();
      }
    }, 15);
    const killer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearInterval(poll);
      clearTimeout(killer);
      resolve({ code, stdout, stderr });
    });
  });
}

function corpusFolder(dir: string, count: number, marked: Map<number, string> = new Map()): void {
  mkdirSync(join(dir, 'news'));
  generateCorpus({ articles: count, seed: 11 }).forEach((article, i) => {
    const text = marked.has(i) ? `${article.text} ${marked.get(i)}` : article.text;
    writeFileSync(join(dir, 'news', `story-${String(i).padStart(3, '0')}.jsonl`), JSON.stringify({ ...article, text }) + '\n');
  });
}

test('Ctrl-C stores the files in progress whole and stops (exit 130); the same command resumes without duplicates', async () => {
  const { dir, cleanup } = tempDir('sitrep-ingest-sigint-');
  try {
    const files = 200;
    corpusFolder(dir, files);
    const args = ['ingest', 'news', '--db', 'events.db', '--workers', '2'];
    const first = await interrupted(dir, args, {}, [(stored) => stored >= 1]);
    assert.equal(first.code, 130, first.stderr);
    assert.match(first.stderr, /interrupted: finishing the files in progress/);
    const notIngested = Number(/interrupted: (\d+) file\(s\) not ingested \(run the same command again to resume\)/.exec(first.stdout)?.[1]);
    assert.ok(notIngested > 0, first.stdout);
    const storedFirst = assertWholeArticles(join(dir, 'events.db'));
    assert.equal(storedFirst, files - notIngested, 'every delivered file was stored, nothing else');

    const second = sitrep(args, dir);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, new RegExp(`${files - storedFirst} new article\\(s\\), ${storedFirst} unchanged`));
    assert.equal(assertWholeArticles(join(dir, 'events.db')), files);
  } finally {
    cleanup();
  }
});

test('a second Ctrl-C abandons a file stuck in a worker; nothing of it is stored and the re-run completes', async () => {
  const { dir, cleanup } = tempDir('sitrep-ingest-sigint2-');
  try {
    // Story 3 hangs its worker (the default stage timeout is a minute): files 0-2 are stored, then
    // delivery waits for it, in input order.
    corpusFolder(dir, 12, new Map([[3, HANG]]));
    const args = ['ingest', 'news', '--db', 'events.db', '--workers', '2'];
    const faults = { SITREP_WORKER_FAULTS: JSON.stringify({ hangOn: HANG }) };
    const run = await interrupted(dir, args, faults, [(stored) => stored >= 3, (_, ms) => ms > 300]);
    assert.equal(run.code, 130, run.stderr);
    assert.match(run.stderr, /finishing the files in progress[\s\S]*stopping now; files in progress were not stored/);
    assert.match(run.stdout, /3 new article\(s\).*interrupted: 9 file\(s\) not ingested/);
    assert.equal(assertWholeArticles(join(dir, 'events.db')), 3);

    const resumed = sitrep(args, dir);
    assert.equal(resumed.code, 0, resumed.stderr);
    assert.match(resumed.stdout, /9 new article\(s\), 3 unchanged/);
    assert.equal(assertWholeArticles(join(dir, 'events.db')), 12);
  } finally {
    cleanup();
  }
});
