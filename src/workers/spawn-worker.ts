/**
 * Starts one pipeline worker thread. sitrep runs its TypeScript sources through tsx, but Node 20 does
 * not carry tsx's loader into worker threads (neither from `--import tsx` nor from bin/sitrep.js's
 * register()), so a small bootstrap registers tsx inside the worker before importing the worker module.
 * Compiled to JavaScript, the same bootstrap imports the .js module and skips tsx.
 */
import { Worker } from 'node:worker_threads';
import type { WorkerInit } from './types.js';

const WORKER_MODULE = new URL(import.meta.url.endsWith('.ts') ? './pipeline-worker.ts' : './pipeline-worker.js', import.meta.url);

// CommonJS (eval workers are scripts); dynamic import() loads the ES modules.
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
(async () => {
  if (workerData.tsxApi) (await import(workerData.tsxApi)).register();
  await import(workerData.entry);
})().catch((error) => {
  require('node:worker_threads').parentPort.postMessage({ type: 'fatal', message: String(error && error.message || error) });
});
`;

/**
 * The pipeline allocates many short-lived objects per article (tokens, candidate spans), and a batch
 * (one input file) keeps its articles' working layers alive from the first stage to the last; with
 * V8's default young generation they are scavenged too often and much of a batch is promoted to the
 * old generation before it dies. 192 MB (semi-spaces of 64 MB, as `--max-semi-space-size=64` on the
 * main process) measured, on the bench's 2-worker phase, 4.6-4.9 -> 4.3-4.7 ms of CPU an article
 * against 96 MB (which was itself about a tenth below the default), for about 35 MB more peak memory
 * with two workers; 384 MB passed 1 GB with two workers for no further gain.
 */
const YOUNG_GENERATION_MB = 192;

export function spawnPipelineWorker(init: WorkerInit, heapMb: number): Worker {
  const tsxApi = WORKER_MODULE.pathname.endsWith('.ts') ? import.meta.resolve('tsx/esm/api') : null;
  return new Worker(BOOTSTRAP, {
    eval: true,
    // The parent's flags (--import tsx, --test) are not for the worker; tsx is registered above.
    execArgv: [],
    workerData: { entry: WORKER_MODULE.href, tsxApi, init },
    resourceLimits: { maxOldGenerationSizeMb: heapMb, maxYoungGenerationSizeMb: YOUNG_GENERATION_MB },
    stdout: false,
    stderr: false,
  });
}
