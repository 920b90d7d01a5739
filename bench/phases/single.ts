/**
 * The full pipeline in one process: each corpus file read and segmented (timed as "read"), then each
 * article through every stage (pipeline.timings). An article a stage throws on is counted, not fatal:
 * stages are being written while the benchmark runs.
 */
import { readInput } from '../../src/ingest/read.js';
import { createPipeline } from '../../src/pipeline.js';
import { startProfile } from '../profile.js';
import { peakRssMb, type PhaseInput, type PhaseReport } from './types.js';

export async function runSinglePhase(input: PhaseInput): Promise<PhaseReport> {
  const loadStarted = performance.now();
  const pipeline = createPipeline();
  const startupMs = performance.now() - loadStarted;
  const stopProfile = input.profile ? await startProfile() : null;
  let articles = 0;
  let bytes = 0;
  let failed = 0;
  let firstFailure: string | undefined;
  let readMs = 0;
  const started = performance.now();
  for (const file of input.files) {
    const readStarted = performance.now();
    const result = readInput(file);
    readMs += performance.now() - readStarted;
    if (!result.ok) throw new Error(`${file}: ${result.error}`);
    // A file's articles go through the stages together, as in the workers and `sitrep extract`.
    pipeline.processBatch(result.drafts).forEach((outcome, index) => {
      const draft = result.drafts[index]!;
      if (outcome.ok) {
        articles += 1;
        bytes += Buffer.byteLength(draft.text);
      } else {
        failed += 1;
        firstFailure ??= `${draft.title}: ${outcome.error.message}`;
      }
    });
  }
  const ms = performance.now() - started;
  const profile = stopProfile ? await stopProfile() : undefined;
  return {
    phase: 'single',
    articles,
    bytes,
    ms,
    peakRssMb: peakRssMb(),
    stageMs: { read: readMs, ...pipeline.timings },
    failed,
    firstFailure,
    startupMs,
    profile,
  };
}
