/** The full pipeline on a worker pool: articles come back to this thread and are dropped. */
import { createPipelinePool } from '../../src/workers/index.js';
import { peakRssMb, type PhaseInput, type PhaseReport } from './types.js';

export async function runParallelPhase(input: PhaseInput): Promise<PhaseReport> {
  const pool = createPipelinePool({ workers: input.workers });
  const loadStarted = performance.now();
  await pool.ready();
  const startupMs = performance.now() - loadStarted;
  let articles = 0;
  let bytes = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  try {
    await pool.run(input.files, (result) => {
      if (!result.ok) throw new Error(`${result.path}: ${result.error}`);
      for (const article of result.articles) bytes += Buffer.byteLength(article.text);
      articles += result.articles.length;
      failed += result.failed.length;
      if (result.failed.length) firstFailure ??= `${result.path}: ${result.problems.at(-1)}`;
    });
  } finally {
    await pool.close();
  }
  const ms = performance.now() - started;
  return { phase: 'parallel', articles, bytes, ms, peakRssMb: peakRssMb(), stageMs: { ...pool.timings }, failed, firstFailure, startupMs };
}
