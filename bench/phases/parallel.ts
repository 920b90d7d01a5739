/**
 * The full pipeline on a worker pool, as `sitrep extract --workers N --format jsonl` runs it: workers
 * read the files, process them and send each article back as its JSONL line (a string: one copy across
 * the thread boundary instead of a structured clone of every layer); this thread takes the lines in
 * input order, a group at a time, and drops them instead of writing them. `bytes` is the articles' text (input processed,
 * as in the other phases); the size of the JSONL is in extra.jsonlChars.
 */
import { createSerializingPool } from '../../src/workers/index.js';
import { peakRssMb, type PhaseInput, type PhaseReport } from './types.js';

export async function runParallelPhase(input: PhaseInput): Promise<PhaseReport> {
  const pool = createSerializingPool({ workers: input.workers }, 'jsonl');
  const loadStarted = performance.now();
  await pool.ready();
  const startupMs = performance.now() - loadStarted;
  let articles = 0;
  let bytes = 0;
  let jsonlChars = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  const started = performance.now();
  try {
    await pool.run(
      input.files,
      (result) => {
        if (!result.ok) throw new Error(`${result.path}: ${result.error}`);
        failed += result.failed.length;
        if (result.failed.length) firstFailure ??= `${result.path}: ${result.problems.at(-1)}`;
      },
      // As extract takes them: each group's lines as they come.
      (lines) => {
        for (const article of lines) {
          bytes += article.textBytes;
          // The line and its newline, in characters (counting UTF-8 bytes would cost this thread a pass over it).
          jsonlChars += article.json.length + 1;
        }
        articles += lines.length;
      },
    );
  } finally {
    await pool.close();
  }
  const ms = performance.now() - started;
  return {
    phase: 'parallel',
    articles,
    bytes,
    ms,
    peakRssMb: peakRssMb(),
    stageMs: { ...pool.timings },
    failed,
    firstFailure,
    startupMs,
    extra: { output: 'jsonl lines of sitrep extract --workers', jsonlChars },
  };
}
