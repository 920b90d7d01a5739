import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import Database from 'better-sqlite3';
import type { Article } from '../../src/model/types.js';
import { openSqliteStore, type EventStore, type IngestResult, type StoredEvent, type WriteGroup } from '../../src/store/index.js';
import { GroupedFileStorer, type GroupLimits } from '../../src/store/grouped-files.js';
import type { InputOutcome } from '../../src/store/store-outcome.js';
import { arihaMonitor, arihaStateMedia, atarib, baghouzBattle, qamishliProtest } from '../fixtures/store/articles.js';
import { tempDir, tickingClock } from './temp-db.js';

type Reported = { outcome: InputOutcome; index: number };

function withDb(fn: (path: string) => Promise<void> | void) {
  const { dir, cleanup } = tempDir('sitrep-groups-');
  return Promise.resolve(fn(join(dir, 'events.db'))).finally(cleanup);
}

/** A store on `path` with a ticking clock, and a storer that records what it reports. */
function openStorer(path: string, limits?: GroupLimits) {
  const store = openSqliteStore(path, { now: tickingClock() });
  const reported: Reported[] = [];
  const storer = new GroupedFileStorer(store, (outcome, index) => reported.push({ outcome, index }), limits);
  return { store, reported, storer };
}

/** Articles another connection (the dashboard, a second process) can see: committed ones only. */
function committedArticles(path: string): number {
  const reader = new Database(path, { readonly: true });
  try {
    return reader.prepare('SELECT count(*) FROM articles').pluck().get() as number;
  } finally {
    reader.close();
  }
}

/** An event as merging made it (the clock's readings depend on how often it was read). */
const withoutTimes = ({ created: _created, updated: _updated, ...event }: StoredEvent) => event;

test('files are committed several at a time, and reported only once committed', () =>
  withDb((path) => {
    const { store, reported, storer } = openStorer(path, { articles: 3, ms: 60_000 });
    const files = [[arihaMonitor], [atarib], [arihaStateMedia], [baghouzBattle], [qamishliProtest]];
    storer.storeFile('monitor.txt', files[0], [], 0);
    storer.storeFile('atarib.txt', files[1], [], 1);
    assert.equal(reported.length, 0, 'nothing reported before the commit');
    assert.equal(committedArticles(path), 0, 'nothing visible before the commit');
    storer.storeFile('state-media.txt', files[2], [], 2);
    assert.deepEqual(
      reported.map((r) => [r.index, r.outcome.ok && r.outcome.stored]),
      [[0, 1], [1, 1], [2, 1]],
    );
    assert.equal(committedArticles(path), 3);
    storer.storeFile('baghouz.txt', files[3], [], 3);
    storer.storeFile('qamishli.txt', files[4], [], 4);
    storer.flush();
    assert.equal(reported.length, 5);
    assert.equal(committedArticles(path), 5);
    // The state media report joined the monitor's event inside the group, as it does file by file.
    const ariha = store.getArticle(arihaMonitor.id)!.eventIds[0];
    assert.equal(store.getArticle(arihaStateMedia.id)!.eventIds[0], ariha);
    assert.equal(store.getEvent(ariha)!.sources.length, 2);
    const grouped = [...store.allEvents()].map(withoutTimes);
    store.close();

    const { dir, cleanup } = tempDir('sitrep-groups-serial-');
    try {
      const serial = openSqliteStore(join(dir, 'serial.db'), { now: tickingClock() });
      for (const file of files) serial.storeArticles(file);
      assert.deepEqual(grouped, [...serial.allEvents()].map(withoutTimes), 'same events as one commit a file');
      serial.close();
    } finally {
      cleanup();
    }
  }));

test('a file the store refuses inside a group is undone whole; the files around it are kept', () =>
  withDb((path) => {
    const { store, reported, storer } = openStorer(path);
    // The second file's first article is fine, its second has no text: the file must not be half stored.
    const broken = { ...baghouzBattle, text: null } as unknown as Article;
    storer.storeFile('monitor.txt', [arihaMonitor], [], 0);
    storer.storeFile('mixed.jsonl', [atarib, broken], [], 1);
    storer.storeFile('state-media.txt', [arihaStateMedia], [], 2);
    storer.flush();
    assert.deepEqual(reported.map((r) => [r.index, r.outcome.ok]), [[0, true], [1, false], [2, true]]);
    const refused = reported[1].outcome;
    assert.ok(!refused.ok && refused.path === 'mixed.jsonl' && /^could not be stored: /.test(refused.error), JSON.stringify(refused));
    assert.equal(store.getArticle(atarib.id), null, 'the refused file left nothing behind');
    assert.equal(committedArticles(path), 2);
    // The merge state survived the undone file: the state media report still joins the monitor's event.
    assert.equal(store.getArticle(arihaStateMedia.id)!.eventIds[0], store.getArticle(arihaMonitor.id)!.eventIds[0]);
    store.close();
  }));

test('an open group commits on its own after its time limit while the ingest waits for workers', () =>
  withDb(async (path) => {
    const { store, reported, storer } = openStorer(path, { articles: 100, ms: 40 });
    storer.storeFile('monitor.txt', [arihaMonitor], [], 0);
    assert.equal(committedArticles(path), 0);
    await sleep(150);
    assert.equal(reported.length, 1);
    assert.equal(committedArticles(path), 1);
    storer.flush();
    store.close();
  }));

test('a file stored in parts is one savepoint: reported once with its counts, and undone whole when a part fails', () =>
  withDb((path) => {
    const { store, reported, storer } = openStorer(path);
    const broken = { ...baghouzBattle, text: null } as unknown as Article;
    // A long file arriving group by group from a worker, then one whose second group the store refuses.
    storer.storePart('long.jsonl', [arihaMonitor], 0);
    storer.storePart('long.jsonl', [atarib, arihaStateMedia], 0);
    storer.endFile('long.jsonl', ['line 4: malformed JSON'], 0);
    storer.storePart('mixed.jsonl', [qamishliProtest], 1);
    storer.storePart('mixed.jsonl', [broken], 1);
    storer.endFile('mixed.jsonl', [], 1);
    assert.equal(reported.length, 0, 'nothing reported before the commit');
    storer.flush();
    const [long, mixed] = reported;
    assert.deepEqual([long.index, mixed.index], [0, 1]);
    assert.ok(long.outcome.ok);
    if (long.outcome.ok) {
      assert.deepEqual([long.outcome.stored, long.outcome.unchanged, long.outcome.problems], [3, 0, ['line 4: malformed JSON']]);
      assert.equal(long.outcome.joined, 1, 'the state media report joined the monitor report stored in an earlier part');
    }
    assert.ok(!mixed.outcome.ok && /^could not be stored: /.test(mixed.outcome.error), JSON.stringify(mixed.outcome));
    assert.equal(store.getArticle(qamishliProtest.id), null, 'the first part of the refused file was undone with it');
    assert.equal(committedArticles(path), 3);
    store.close();
  }));

test('a file whose end never comes is not stored, and an open file holds back the commit on time', () =>
  withDb(async (path) => {
    const { store, reported, storer } = openStorer(path, { articles: 100, ms: 30 });
    storer.storePart('first.jsonl', [arihaMonitor], 0);
    await sleep(120);
    assert.equal(committedArticles(path), 0, 'half a file is never committed on time');
    storer.endFile('first.jsonl', [], 0);
    await sleep(120);
    assert.equal(committedArticles(path), 1, 'the commit on time comes once the file has ended');
    assert.equal(reported.length, 1);
    // A hard stop: the second file's end never comes.
    storer.storePart('second.jsonl', [atarib], 1);
    storer.flush();
    assert.equal(reported.length, 1, 'the unfinished file is not reported');
    assert.equal(store.getArticle(atarib.id), null);
    assert.equal(committedArticles(path), 1);
    store.close();
  }));

test('a refused input between stored files is reported in its turn', () =>
  withDb((path) => {
    const store = openSqliteStore(path, { now: tickingClock() });
    const order: number[] = [];
    const storer = new GroupedFileStorer(store, (_, index) => order.push(index));
    storer.storeFile('monitor.txt', [arihaMonitor], [], 0);
    storer.refuseFile({ path: 'scan.pdf', ok: false, error: 'binary file (not text, HTML, JSONL or a feed)' }, 1);
    storer.storeFile('atarib.txt', [atarib], [], 2);
    assert.deepEqual(order, []);
    storer.flush();
    assert.deepEqual(order, [0, 1, 2]);
    store.close();
  }));

/**
 * A store whose database gives up at a chosen call (SQLite undoes the whole transaction on a full disk
 * or an I/O error) or at the commit: the two failures a real disk produces and a test cannot.
 */
function failingStore(failAt: { call?: number; commit?: boolean }): EventStore & { committed: number } {
  let calls = 0;
  let open = false;
  const fake = {
    committed: 0,
    storeArticles(articles: Article[]): IngestResult {
      calls += 1;
      if (calls === failAt.call) {
        open = false;
        throw new Error('database or disk is full');
      }
      return { articles: articles.map((a) => ({ id: a.id, status: 'stored' as const, eventIds: [] })), created: 0, joined: 0, folded: 0 };
    },
    openWriteGroup(): WriteGroup {
      open = true;
      return {
        commit() {
          if (failAt.commit) {
            open = false;
            throw new Error('disk I/O error');
          }
          open = false;
          fake.committed += 1;
        },
        rollback() {
          open = false;
        },
        openFile() {
          return { release() {}, rollback() {} };
        },
        get open() {
          return open;
        },
      };
    },
  };
  return fake as unknown as EventStore & { committed: number };
}

test('when the database undoes the whole group, the files already in it are reported as not stored', () => {
  const reported: Reported[] = [];
  const store = failingStore({ call: 3 });
  const storer = new GroupedFileStorer(store, (outcome, index) => reported.push({ outcome, index }));
  storer.storeFile('a.txt', [arihaMonitor], [], 0);
  storer.storeFile('b.txt', [atarib], [], 1);
  storer.storeFile('c.txt', [baghouzBattle], [], 2);
  assert.deepEqual(
    reported.map((r) => [r.index, r.outcome.ok ? 'stored' : r.outcome.error]),
    [
      [0, 'could not be stored: database or disk is full'],
      [1, 'could not be stored: database or disk is full'],
      [2, 'could not be stored: database or disk is full'],
    ],
  );
  // The next file opens a new group and is stored.
  storer.storeFile('d.txt', [qamishliProtest], [], 3);
  storer.flush();
  assert.equal(reported.at(-1)!.outcome.ok, true);
  assert.equal(store.committed, 1);
});

test('a failed commit reports every file of the group as not stored', () => {
  const reported: Reported[] = [];
  const storer = new GroupedFileStorer(failingStore({ commit: true }), (outcome, index) => reported.push({ outcome, index }));
  storer.storeFile('a.txt', [arihaMonitor], [], 0);
  storer.storeFile('b.txt', [atarib], [], 1);
  storer.flush();
  assert.deepEqual(
    reported.map((r) => (r.outcome.ok ? 'stored' : r.outcome.error)),
    ['could not be stored: disk I/O error', 'could not be stored: disk I/O error'],
  );
});

test('a report that throws during a commit on time is thrown to the next call, not lost in a timer', () =>
  withDb(async (path) => {
    const store = openSqliteStore(path, { now: tickingClock() });
    const storer = new GroupedFileStorer(
      store,
      (outcome) => {
        if (outcome.ok) throw new Error(`caller refused ${outcome.path}`);
      },
      { articles: 100, ms: 20 },
    );
    storer.storeFile('monitor.txt', [arihaMonitor], [], 0);
    await sleep(100);
    assert.equal(committedArticles(path), 1, 'the commit itself happened');
    assert.throws(() => storer.storeFile('atarib.txt', [atarib], [], 1), /caller refused monitor\.txt/);
    storer.flush();
    store.close();
  }));
