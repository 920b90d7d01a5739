/**
 * Parallel ingest: workers read files, run the pipeline and pack the articles for the store; this
 * thread stores each file's articles, in input order, a group at a time as they arrive (the workers go on with
 * the next files meanwhile, so storing overlaps processing), several files a commit (grouped-files.ts).
 * Outcomes have the same shape as the serial ingestInputs', so the ingest command reports them the
 * same way whichever path produced them.
 */
import { availableParallelism } from 'node:os';
import { inputLabel, type InputRef } from '../ingest/pieces.js';
import { GroupedFileStorer, type GroupLimits } from '../store/grouped-files.js';
import type { InputOutcome } from '../store/store-outcome.js';
import type { EventStore } from '../store/types.js';
import { createStoringPool, type PipelinePool, type PoolArticle } from './pool.js';
import type { FileResult, PoolOptions, RunSummary } from './types.js';

export interface ParallelIngestOptions extends PoolOptions {
  /** Called after each file is stored and committed (or refused), in input order. */
  onOutcome?: (outcome: InputOutcome, index: number) => void;
  /** When the storing thread commits (default DEFAULT_GROUP_LIMITS). */
  groupLimits?: GroupLimits;
  /**
   * An existing pool (the caller owns it and closes it), preferably a storing pool (createStoringPool);
   * otherwise a storing pool is made and closed here.
   */
  pool?: PipelinePool<PoolArticle>;
  /** Called with the pool once it exists, before any file is read (to install a SIGINT handler). */
  onPool?: (pool: PipelinePool<PoolArticle>) => void;
}

/**
 * Pipeline workers for a parallel ingest on this machine: one per core but one, which this thread
 * needs for storing (about as much CPU an article as the pipeline). On 2 cores, one worker stored as
 * fast as two (bench, 5,000 articles: 236 vs 231 articles/s, mean of four alternated runs) for 11%
 * less CPU and one pipeline's memory less: two workers and the storing thread took turns on two cores,
 * and each worker paid the warm-up. One core: 0, everything in this process.
 */
export function defaultIngestWorkers(cores = availableParallelism()): number {
  return Math.max(0, cores - 1);
}

export async function ingestFilesInParallel(
  store: EventStore,
  files: InputRef[],
  options: ParallelIngestOptions = {},
): Promise<RunSummary> {
  const pool = options.pool ?? createStoringPool(options);
  options.onPool?.(pool);
  const storer = new GroupedFileStorer(store, (outcome, index) => options.onOutcome?.(outcome, index), options.groupLimits);
  try {
    return await pool.run(
      files,
      (result: FileResult<PoolArticle>, index) => {
        if (result.ok) storer.endFile(result.path, result.problems, index);
        else storer.refuseFile({ path: result.path, ok: false, error: result.error }, index);
      },
      // Each group of a file's articles is stored as it comes, in the file's savepoint: a long file is
      // never held whole in this thread, and storing it overlaps the rest of its processing.
      (articles, index) => storer.storePart(inputLabel(files[index]!), articles, index),
    );
  } finally {
    // Whatever ended the run (done, Ctrl-C, a pool that could not start), what was delivered is kept.
    storer.flush();
    if (!options.pool) await pool.close();
  }
}
