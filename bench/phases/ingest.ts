/**
 * Parallel ingest into a fresh SQLite file, with as many workers as `sitrep ingest` starts by default
 * (one per core but one, see defaultIngestWorkers): workers run the pipeline and pack the articles, this thread
 * stores the files through the EventStore interface, several files a commit (as `sitrep ingest`). A CPU profile of this thread
 * splits the storing time between merging (src/merge) and the store itself (src/store, SQLite).
 * Besides wall time (which on a busy 2-core machine mostly measures the other threads), `extra` has
 * the CPU time this thread spent storing and in all, per article.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../../src/model/types.js';
import { openSqliteStore, type PackedArticle } from '../../src/store/index.js';
import { createStoringPool, ingestFilesInParallel } from '../../src/workers/index.js';
import { startProfile } from '../profile.js';
import { peakRssMb, threadCpuMs, type PhaseInput, type PhaseReport } from './types.js';

export async function runIngestPhase(input: PhaseInput): Promise<PhaseReport> {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bench-'));
  const store = openSqliteStore(join(dir, 'bench.db'));
  // The path `sitrep ingest --workers N` takes, with the store's own call timed (and its bytes counted).
  const storeArticles = store.storeArticles.bind(store);
  let storeMs = 0;
  let storeCpuMs = 0;
  let bytes = 0;
  const timed = <T>(work: () => T): T => {
    const storeStarted = performance.now();
    const cpuStarted = threadCpuMs() ?? 0;
    try {
      return work();
    } finally {
      storeMs += performance.now() - storeStarted;
      storeCpuMs += (threadCpuMs() ?? 0) - cpuStarted;
    }
  };
  store.storeArticles = (articles: (Article | PackedArticle)[]) => {
    for (const article of articles) bytes += Buffer.byteLength(article.text);
    return timed(() => storeArticles(articles));
  };
  // The commits of the write groups are storing time too.
  const openWriteGroup = store.openWriteGroup.bind(store);
  store.openWriteGroup = () => {
    const group = timed(openWriteGroup);
    const commit = group.commit.bind(group);
    return Object.defineProperty({ ...group, commit: () => timed(commit) }, 'open', { get: () => group.open });
  };
  const pool = createStoringPool({ workers: input.ingestWorkers });
  await pool.ready();
  let articles = 0;
  // The profile only splits storing between merge and store: a sample every 10 ms is enough for that
  // and costs nothing measurable. At 1 ms (--profile, for the functions) the profiler itself took 4-8%
  // of the ingest rate (three alternated runs each way), which `sitrep ingest` does not pay.
  const stopProfile = await startProfile(input.profile ? 1000 : 10_000);
  const started = performance.now();
  const mainCpuStarted = threadCpuMs();
  try {
    await ingestFilesInParallel(store, input.files, {
      pool,
      onOutcome: (outcome) => {
        if (!outcome.ok) throw new Error(`${outcome.path}: ${outcome.error}`);
        articles += outcome.stored + outcome.unchanged;
      },
    });
  } finally {
    await pool.close();
  }
  const ms = performance.now() - started;
  // Wall time in the workers (pipeline steps and packing for the store), summed over them: on few cores
  // the workers and this thread share the CPUs, so ingest is bound by both, not by storing alone.
  const workerMs = Object.values(pool.timings).reduce((sum, value) => sum + value, 0);
  const packMs = pool.timings.pack ?? 0;
  const mainCpuEnded = threadCpuMs();
  // CPU of this thread over the run: storing plus receiving the workers' messages (structured clone).
  const mainCpuMs = mainCpuStarted === null || mainCpuEnded === null ? null : mainCpuEnded - mainCpuStarted;
  const profile = await stopProfile();
  const stats = store.stats();
  store.close();
  rmSync(dir, { recursive: true, force: true });
  // Storing time split by where the store thread's samples were: merge code or everything else it ran.
  const merge = profile.byFolder['src/merge'] ?? 0;
  const storeSide = Object.entries(profile.byFolder)
    .filter(([folder]) => folder === 'src/store' || folder === 'better-sqlite3')
    .reduce((sum, [, value]) => sum + value, 0);
  const mergeShare = merge + storeSide > 0 ? merge / (merge + storeSide) : 0;
  return {
    phase: 'ingest',
    articles,
    bytes,
    ms,
    peakRssMb: peakRssMb(),
    stageMs: { merge: storeMs * mergeShare, store: storeMs * (1 - mergeShare) },
    extra: {
      storeMs,
      storeCpuMsPerArticle: articles ? storeCpuMs / articles : null,
      mainThreadCpuMsPerArticle: mainCpuMs === null || !articles ? null : mainCpuMs / articles,
      workerMsPerArticle: articles ? workerMs / articles : null,
      packMsPerArticle: articles ? packMs / articles : null,
      events: stats.events,
      storedArticles: stats.articles,
    },
    profile: input.profile ? profile : undefined,
  };
}
