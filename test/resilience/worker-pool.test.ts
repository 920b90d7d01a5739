/**
 * The worker pool under failure: a worker that crashes, a stage that throws, a stage that never
 * returns. Each costs one article (reported with its stage), the rest of its file and the other files
 * are processed, results arrive in input order, and an interrupted ingest resumes without duplicates.
 * Faults are injected through the pool's test-only hook: a marker in an article's text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateCorpus } from '../../bench/corpus/generate.js';
import { openSqliteStore } from '../../src/store/index.js';
import { createPipelinePool, ingestFilesInParallel, type FileResult } from '../../src/workers/index.js';
import { assertSpansInside } from '../property/span-checks.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'sitrep-pool-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const CRASH = 'XCRASHMARKERX';
const THROW = 'XTHROWMARKERX';
const HANG = 'XHANGMARKERX';

const record = (title: string, text: string) => JSON.stringify({ title, published: '2024-04-09', text });

function writeJsonl(name: string, records: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, records.join('\n') + '\n');
  return path;
}

const STORIES = [
  ['Drone strike on Sumy', 'SUMY, Ukraine - A drone struck an apartment block in Sumy on Monday night, killing two people and wounding nine, the regional governor said.'],
  ['Checkpoint attack near Gao', 'GAO, Mali - Gunmen attacked an army checkpoint east of Gao on Sunday, killing three soldiers, a military source said.'],
  ['Floods cut road to Beledweyne', 'BELEDWEYNE, Somalia - Floodwater cut the main road into Beledweyne on Tuesday, stranding hundreds of trucks, local officials said.'],
  ['Protest in Basra over water', 'BASRA, Iraq - Hundreds of people protested outside the governorate building in Basra on Friday over salty tap water.'],
  ['Raid near Maiduguri', 'MAIDUGURI, Nigeria - Troops raided a camp of suspected Boko Haram fighters near Maiduguri on Wednesday, the army said.'],
];
const story = (i: number, marker = '') => record(STORIES[i % STORIES.length][0] + (i >= STORIES.length ? ` (${i})` : ''), STORIES[i % STORIES.length][1] + (marker ? ` Witnesses named the place as ${marker}.` : ''));

test('a crash, a throwing stage and a hung stage each cost one article; the rest is processed in order', async () => {
  const files = [
    writeJsonl('a-crash.jsonl', [story(0), story(1, CRASH), story(2)]),
    writeJsonl('b-clean.jsonl', [story(3)]),
    writeJsonl('c-throw.jsonl', [story(4, THROW)]),
    writeJsonl('d-hang.jsonl', [story(5), story(6, HANG)]),
    writeJsonl('e-clean.jsonl', [story(7), story(8)]),
  ];
  const pool = createPipelinePool({ workers: 2, stageTimeoutMs: 4000, faults: { exitOn: CRASH, throwOn: THROW, hangOn: HANG } });
  const results: FileResult[] = [];
  const order: number[] = [];
  try {
    const summary = await pool.run(files, (result, index) => {
      results.push(result);
      order.push(index);
    });
    assert.deepEqual(order, [0, 1, 2, 3, 4], 'delivered in input order');
    assert.equal(summary.delivered, 5);
    assert.equal(summary.stopped, false);
    assert.equal(summary.workerRestarts, 2, 'one restart for the crash, one for the hang');
  } finally {
    await pool.close();
  }
  const [crash, clean, thrown, hung, clean2] = results;

  assert.ok(crash.ok);
  if (crash.ok) {
    assert.deepEqual(crash.articles.map((a) => a.title), ['Drone strike on Sumy', 'Floods cut road to Beledweyne']);
    assert.equal(crash.failed.length, 1);
    assert.deepEqual({ ...crash.failed[0], message: '' }, { index: 1, title: null, kind: 'crash', stage: 'sentences', message: '' });
    assert.match(crash.problems.join('\n'), /article 2: the worker crashed in stage sentences \(worker exited with code 70\)/);
    for (const article of crash.articles) assertSpansInside(article);
  }

  assert.ok(clean.ok && clean.articles.length === 1 && clean.failed.length === 0);

  assert.equal(thrown.ok, false, 'a file whose only article failed is a failed file');
  if (!thrown.ok) {
    assert.equal(thrown.kind, 'pipeline');
    assert.match(thrown.error, /article 1 \("Raid near Maiduguri"\): the pipeline failed in stage sentences \(injected fault \(test hook\)\)/);
  }

  assert.ok(hung.ok);
  if (hung.ok) {
    assert.deepEqual(hung.articles.map((a) => a.title), ['Drone strike on Sumy (5)']);
    assert.equal(hung.failed[0].kind, 'timeout');
    assert.equal(hung.failed[0].stage, 'sentences');
    assert.match(hung.problems.join('\n'), /article 2: stopped: ran too long in stage sentences \(no progress for 4 s\)/);
  }

  assert.ok(clean2.ok && clean2.articles.length === 2);
});

test('with an article handler, a long file streams group by group in input order, and a crash resumes where it stopped', async () => {
  // 45 articles: three groups of the stages (20, 20, 5); the worker dies on article 31, in the second.
  const long = Array.from({ length: 45 }, (_, i) => story(i, i === 30 ? CRASH : ''));
  const files = [writeJsonl('long-crash.jsonl', long), writeJsonl('after-long.jsonl', [story(50), story(51)])];
  const pool = createPipelinePool({ workers: 2, faults: { exitOn: CRASH } });
  const events: string[] = [];
  const titles: string[][] = [[], []];
  try {
    const summary = await pool.run(
      files,
      (result, index) => {
        events.push(`result ${index}`);
        assert.ok(result.ok);
        if (result.ok) assert.equal(result.articles.length, 0, 'the articles went to the handler, not into the result');
      },
      (articles, index) => {
        events.push(`articles ${index}`);
        titles[index]!.push(...articles.map((article) => article.title!));
      },
    );
    assert.equal(summary.workerRestarts, 1);
  } finally {
    await pool.close();
  }
  const expected = long.map((_, i) => JSON.parse(long[i]!).title as string).filter((_, i) => i !== 30);
  assert.deepEqual(titles[0], expected, 'every article once, in order: the retry left out those already received');
  assert.deepEqual(titles[1], [`${STORIES[0]![0]} (50)`, `${STORIES[1]![0]} (51)`]);
  const firstResult = events.indexOf('result 0');
  assert.ok(events.slice(0, firstResult).filter((e) => e === 'articles 0').length >= 3, `the first file came in parts: ${events.join(', ')}`);
  assert.ok(events.indexOf('articles 1') > firstResult, 'no article of the second file before the first file is done');
  assert.equal(events.at(-1), 'result 1');
});

test('stop() finishes the files in flight, delivers them, and leaves the rest untouched', async () => {
  const files = Array.from({ length: 16 }, (_, i) => writeJsonl(`stop-${i}.jsonl`, [story(i), story(i + 16)]));
  const pool = createPipelinePool({ workers: 2, window: 4 });
  const delivered: number[] = [];
  try {
    const summary = await pool.run(files, (result, index) => {
      assert.ok(result.ok && result.articles.length === 2, 'each delivered file is complete');
      delivered.push(index);
      if (index === 0) pool.stop();
    });
    assert.equal(summary.stopped, true);
    assert.ok(summary.delivered >= 1 && summary.delivered <= 5, `delivered ${summary.delivered} (window 4)`);
    assert.deepEqual(delivered, Array.from({ length: summary.delivered }, (_, i) => i), 'a prefix of the input, in order');
    assert.equal(summary.skipped, files.length - summary.delivered);

    // The pool takes the next batch after a stop.
    const again = await pool.run(files.slice(0, 2), () => {});
    assert.equal(again.delivered, 2);
    assert.equal(again.stopped, false);
  } finally {
    await pool.close();
  }
});

test('a pipeline that cannot start (a missing actor file) fails the pool with a message, not a hang', async () => {
  const missing = join(dir, 'no-such-actors.yaml');
  const pool = createPipelinePool({ workers: 1, actorFiles: [missing] });
  await assert.rejects(pool.ready(), (error: Error) => /could not start in a worker/.test(error.message) && error.message.includes('no-such-actors.yaml'));
  await assert.rejects(pool.run([], () => {}), /could not start in a worker/);
  await pool.close();
});

/** Bench-generator articles as one-article JSONL files: real-sized text for the store tests. */
function corpusFiles(prefix: string, count: number): string[] {
  return generateCorpus({ articles: count, seed: 5 }).map((article, i) => writeJsonl(`${prefix}-${String(i).padStart(3, '0')}.jsonl`, [JSON.stringify(article)]));
}

test('parallel ingest stores every file once; a second run finds everything unchanged', async () => {
  const files = corpusFiles('ingest', 12);
  const db = join(dir, 'parallel.db');
  const store = openSqliteStore(db);
  try {
    const first: number[] = [];
    await ingestFilesInParallel(store, files, { workers: 2, onOutcome: (o) => first.push(o.ok ? o.stored : -1) });
    assert.deepEqual(first, files.map(() => 1));
    const second: Array<[number, number]> = [];
    await ingestFilesInParallel(store, files, { workers: 2, onOutcome: (o) => second.push(o.ok ? [o.stored, o.unchanged] : [-1, -1]) });
    assert.deepEqual(second, files.map(() => [0, 1]));
    assert.equal(store.stats().articles, 12);
  } finally {
    store.close();
  }
});

interface ChildLine {
  index?: number;
  outcome?: { ok: boolean; stored: number; unchanged: number };
  summary?: { delivered: number; stopped: boolean; skipped: number };
}

/** Runs the interruptible ingest fixture; sends SIGINT after `interruptAfter` stored files (if given). */
function runChild(
  db: string,
  files: string[],
  interruptAfter?: number,
  groupArticles?: number,
): Promise<{ lines: ChildLine[]; code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const env = { ...process.env, GROUP_ARTICLES: groupArticles === undefined ? '' : String(groupArticles) };
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/fixtures/resilience/interruptible-ingest.ts', db, ...files], { cwd: repoRoot, env });
    const lines: ChildLine[] = [];
    let buffer = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      let nl: number;
      while ((nl = buffer.indexOf('\n')) >= 0) {
        const line = JSON.parse(buffer.slice(0, nl)) as ChildLine;
        buffer = buffer.slice(nl + 1);
        lines.push(line);
        if (interruptAfter !== undefined && lines.filter((l) => l.outcome).length === interruptAfter) child.kill('SIGINT');
      }
    });
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ lines, code, stderr });
    });
  });
}

test('Ctrl-C during ingest stores whole files only; the re-run resumes without duplicates', async () => {
  const files = corpusFiles('interrupt', 40);
  const db = join(dir, 'interrupted.db');
  // Commits every 4 files (one article each): the first outcome comes with the first commit, and
  // Ctrl-C then lands with an open write group holding the files delivered since.
  const first = await runChild(db, files, 1, 4);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stderr, /interrupted: finishing the files in progress/);
  const summary = first.lines.at(-1)?.summary;
  assert.ok(summary?.stopped, 'the run stopped early');
  const storedFirst = first.lines.filter((l) => l.outcome?.ok).length;
  assert.equal(storedFirst, summary!.delivered);
  assert.ok(storedFirst < files.length, `stopped after ${storedFirst} of ${files.length} files`);

  const check = openSqliteStore(db);
  assert.equal(check.stats().articles, storedFirst, 'exactly the delivered files are in the store, each whole');
  check.close();

  const second = await runChild(db, files);
  assert.equal(second.code, 0, second.stderr);
  const outcomes = second.lines.filter((l) => l.outcome).map((l) => l.outcome!);
  assert.equal(outcomes.length, files.length);
  assert.equal(outcomes.filter((o) => o.unchanged === 1).length, storedFirst, 'what was stored is recognised');
  assert.equal(outcomes.filter((o) => o.stored === 1).length, files.length - storedFirst, 'the rest is stored now');
  const final = openSqliteStore(db);
  assert.equal(final.stats().articles, files.length, 'no duplicates');
  final.close();
});
