/**
 * `npm run eval`: every evaluation task on the development data in ../shared/datasets, one table, and a
 * non-zero exit when a score falls below its floor in eval/floors.json (a ratchet, see that file).
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadEvalTask } from '../src/eval/registry.js';

interface Floor {
  /** Dot path of the metric in the task output, e.g. "relaxed.byType.Person.f1". */
  metric: string;
  min?: number;
  /** For error measures where lower is better (mean km, AUC). */
  max?: number;
}

interface Run {
  name: string;
  task: string;
  format: string;
  /** Path relative to the shared folder. */
  path: string;
  flags?: Record<string, unknown>;
  floors: Floor[];
}

const root = resolve(import.meta.dirname, '..');
const shared = resolve(process.env.SITREP_SHARED ?? resolve(root, '..', 'shared'));
const { runs } = JSON.parse(readFileSync(resolve(root, 'eval/floors.json'), 'utf8')) as { runs: Run[] };

function metricAt(result: unknown, path: string): number | undefined {
  let value: unknown = result;
  for (const key of path.split('.')) value = (value as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'number' ? value : undefined;
}

if (!existsSync(resolve(shared, 'datasets'))) {
  console.log(`no datasets at ${shared}/datasets: nothing to evaluate`);
  process.exit(0);
}

const rows: string[][] = [];
let failures = 0;
for (const run of runs) {
  const task = await loadEvalTask(run.task);
  if (!task) throw new Error(`eval/floors.json names unknown task ${run.task}`);
  const started = performance.now();
  const result = await task.run({ format: run.format, path: resolve(shared, run.path), flags: run.flags ?? {} });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  for (const floor of run.floors) {
    const value = metricAt(result, floor.metric);
    const ok = value !== undefined && (floor.min === undefined || value >= floor.min) && (floor.max === undefined || value <= floor.max);
    if (!ok) failures++;
    const bound = floor.min !== undefined ? `>= ${floor.min}` : `<= ${floor.max}`;
    rows.push([run.name, floor.metric, value === undefined ? 'missing' : value.toFixed(3), bound, ok ? 'ok' : 'BELOW FLOOR', `${seconds}s`]);
  }
}

const header = ['run', 'metric', 'score', 'floor', 'status', 'time'];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));
if (failures) {
  console.error(`\n${failures} score(s) below their floor`);
  process.exit(1);
}
