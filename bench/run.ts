/**
 * `npm run bench [-- --articles N --workers N --ingest-workers N --seed S --json --profile --only PHASES]`
 *
 * Generates (or reuses) a seeded synthetic corpus, then runs each phase in its own process: wink-nlp
 * tokenisation alone, the full pipeline in one process, the pipeline on N workers, parallel ingest
 * into a temporary SQLite file, and the pipeline on real news (the development texts of ../shared,
 * when present: the synthetic corpus is easier). Prints a table, or with --json one JSON object. A phase that fails
 * (a stage being rewritten, the store missing) is reported and the others still run.
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { defaultIngestWorkers } from '../src/workers/index.js';
import { ensureCorpusFiles } from './corpus/cache.js';
import type { PhaseInput, PhaseReport } from './phases/types.js';
import { buildResults, formatTable } from './report.js';

const ALL_PHASES = ['tokenizer', 'single', 'parallel', 'ingest', 'news'];
/** The V8 flag bin/sitrep.js and the npm scripts run with, so a phase measures what a user runs. */
const PHASE_NODE_FLAGS = ['--max-semi-space-size=64'];

function positive(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) {
    process.stderr.write(`bench: --${name} must be a positive integer, got "${value}"\n`);
    process.exit(2);
  }
  return n;
}

const { values } = parseArgs({
  options: {
    articles: { type: 'string' },
    workers: { type: 'string' },
    'ingest-workers': { type: 'string' },
    seed: { type: 'string' },
    json: { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});

const articles = positive('articles', values.articles, 5000);
const workers = positive('workers', values.workers, availableParallelism());
// sitrep ingest's own default (one per core but one: this thread stores); 0 would ingest in one thread.
const ingestWorkers = Math.max(1, positive('ingest-workers', values['ingest-workers'], Math.max(1, defaultIngestWorkers())));
const seed = positive('seed', values.seed, 1);
const phases = values.only ? values.only.split(',') : ALL_PHASES;
const unknown = phases.filter((p) => !ALL_PHASES.includes(p));
if (unknown.length) {
  process.stderr.write(`bench: unknown phase(s) ${unknown.join(', ')}; phases are ${ALL_PHASES.join(', ')}\n`);
  process.exit(2);
}

const log = (line: string) => process.stderr.write(line + '\n');
log(`bench: corpus of ${articles} articles (seed ${seed})`);
const corpus = ensureCorpusFiles({ articles, seed });
const input: PhaseInput = { files: corpus.files, workers, ingestWorkers, profile: values.profile };
const phaseScript = fileURLToPath(new URL('./phase.ts', import.meta.url));

const reports: PhaseReport[] = [];
const errors: Record<string, string> = {};
for (const phase of phases) {
  log(`bench: phase ${phase}...`);
  const child = spawnSync(process.execPath, [...PHASE_NODE_FLAGS, '--import', 'tsx', phaseScript, phase, JSON.stringify(input)], {
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    encoding: 'utf8',
  });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  if (child.status === 0 && line.startsWith('{')) {
    reports.push(JSON.parse(line) as PhaseReport);
  } else {
    const message = (child.stderr || `exit code ${child.status}`).trim().split('\n').slice(0, 6).join(' | ');
    errors[phase] = message;
    log(`bench: phase ${phase} failed: ${message}`);
  }
}

const results = buildResults({ articles, seed, workers, ingestWorkers, reports, errors });
if (values.json) process.stdout.write(JSON.stringify(results) + '\n');
else process.stdout.write(formatTable(results, reports));
