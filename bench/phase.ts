/**
 * Runs one benchmark phase and prints its report as one JSON line. bench/run.ts starts each phase in
 * a fresh process so each one's peak memory is its own and no phase warms the next one's caches.
 */
import { runIngestPhase } from './phases/ingest.js';
import { runNewsPhase } from './phases/news.js';
import { runParallelPhase } from './phases/parallel.js';
import { runSinglePhase } from './phases/single.js';
import { runTokenizerPhase } from './phases/tokenizer.js';
import type { PhaseInput, PhaseReport } from './phases/types.js';

const PHASES: Record<string, (input: PhaseInput) => Promise<PhaseReport>> = {
  tokenizer: runTokenizerPhase,
  single: runSinglePhase,
  parallel: runParallelPhase,
  ingest: runIngestPhase,
  news: runNewsPhase,
};

const [name, inputJson] = process.argv.slice(2);
const phase = PHASES[name];
if (!phase) {
  process.stderr.write(`bench: unknown phase "${name}"\n`);
  process.exit(2);
}
try {
  const report = await phase(JSON.parse(inputJson) as PhaseInput);
  process.stdout.write(JSON.stringify(report) + '\n');
} catch (error) {
  process.stderr.write(`bench: phase ${name} failed: ${(error as Error).stack ?? error}\n`);
  process.exit(1);
}
