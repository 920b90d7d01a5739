/**
 * The body of one pool worker: loads the pipeline once (gazetteer, actor dictionary), then reads each
 * file it is given and runs every article through the stages, posting finished articles back.
 * Where it is (task, article, stage) is written to shared memory before each step, so the main thread
 * can name the article and stage even when this thread is stuck or has died.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { readInput } from '../ingest/read.js';
import type { Stage } from '../model/stage.js';
import { createPipeline, defaultStages, type Pipeline } from '../pipeline.js';
import { packArticle } from '../store/packed-article.js';
import { serializeArticle } from './article-json.js';
import {
  STATUS_ARTICLE,
  STATUS_BEAT,
  STATUS_STAGE,
  STATUS_TASK,
  type ArticleFailure,
  type DeliveredArticle,
  type FaultInjection,
  type FileResult,
  type TaskMessage,
  type WorkerInit,
  type WorkerMessage,
} from './types.js';

const init = (workerData as { init: WorkerInit }).init;
const status = new Int32Array(init.status);
const port = parentPort!;

function post(message: WorkerMessage, transfer: ArrayBuffer[] = []): void {
  port.postMessage(message, transfer);
}

/** Test-only faults, triggered by a marker in the article text (see FaultInjection). */
function injectFaults(text: string, faults: FaultInjection): void {
  if (faults.exitOn && text.includes(faults.exitOn)) process.exit(70);
  if (faults.throwOn && text.includes(faults.throwOn)) throw new Error('injected fault (test hook)');
  if (faults.hangOn && text.includes(faults.hangOn)) for (;;);
}

/** Records the running stage in shared memory and beats after it, without changing what it does. */
function instrument(stage: Stage, index: number, faults: FaultInjection): Stage {
  const hasFaults = Boolean(faults.exitOn || faults.throwOn || faults.hangOn);
  return {
    name: stage.name,
    run(doc, ctx) {
      Atomics.store(status, STATUS_STAGE, index);
      if (hasFaults && index === 0) injectFaults(doc.text, faults);
      stage.run(doc, ctx);
      Atomics.add(status, STATUS_BEAT, 1);
    },
  };
}

function runTask(pipeline: Pipeline, message: TaskMessage): void {
  Atomics.store(status, STATUS_TASK, message.task);
  Atomics.store(status, STATUS_ARTICLE, -1);
  Atomics.store(status, STATUS_STAGE, -1);
  const before = { ...pipeline.timings };
  const started = performance.now();
  const read = readInput(message.input, init.read);
  const readMs = performance.now() - started;
  Atomics.add(status, STATUS_BEAT, 1);
  let result: FileResult<DeliveredArticle>;
  let packMs = 0;
  let serializeMs = 0;
  if (!read.ok) {
    result = { path: message.path, ok: false, error: read.error, kind: 'read', failed: [] };
  } else {
    const failed: ArticleFailure[] = [];
    // A retried file comes back without the articles already received and the one that killed the
    // worker before.
    const indexes = read.drafts.map((_, index) => index).filter((index) => !message.skip.includes(index));
    const drafts = indexes.map((index) => read.drafts[index]!);
    // The file's articles go through the stages a group at a time (processInGroups), and each group's
    // articles are sent as a part of their own before the next group runs: this thread never holds more
    // than a group of them, a consumer that streams (extract, ingest) takes them at once, and a worker
    // that takes the file again after a crash goes on from the last part received.
    // Before each step the article and stage are written to shared memory, so a crash or a hang
    // names them.
    const groups = pipeline.processInGroups(drafts, {
      beforeStep: (docIndex) => Atomics.store(status, STATUS_ARTICLE, indexes[docIndex]!),
    });
    for (const { offset, outcomes } of groups) {
      const articles: DeliveredArticle[] = [];
      const articleIndexes: number[] = [];
      // Packed layers are moved to the main thread, not copied.
      const transfer: ArrayBuffer[] = [];
      outcomes.forEach((outcome, inGroup) => {
        const docIndex = offset + inGroup;
        const index = indexes[docIndex]!;
        if (!outcome.ok) {
          failed.push({ index, title: drafts[docIndex]!.title, kind: 'pipeline', stage: outcome.stage, message: outcome.error.message });
          return;
        }
        const { article } = outcome;
        articleIndexes.push(index);
        if (init.form === 'packed') {
          const packStarted = performance.now();
          const packed = packArticle(article);
          packMs += performance.now() - packStarted;
          transfer.push(packed.layers.buffer as ArrayBuffer);
          articles.push(packed);
        } else if (init.form === 'whole') {
          articles.push(article);
        } else {
          const serializeStarted = performance.now();
          const json = serializeArticle(article, init.form);
          serializeMs += performance.now() - serializeStarted;
          articles.push({ id: article.id, json, textBytes: Buffer.byteLength(article.text) });
        }
      });
      if (articles.length) post({ type: 'part', task: message.task, articles, indexes: articleIndexes }, transfer);
    }
    // The articles went in the parts; the result says how the file went.
    result = { path: message.path, ok: true, articles: [], problems: read.problems, failed, ms: performance.now() - started };
  }
  const timings: Record<string, number> = { read: readMs };
  if (init.form === 'packed') timings.pack = packMs;
  if (init.form === 'jsonl' || init.form === 'json') timings.serialize = serializeMs;
  for (const [name, ms] of Object.entries(pipeline.timings)) timings[name] = ms - (before[name] ?? 0);
  post({ type: 'done', task: message.task, result, timings });
}

function start(): void {
  const faults = { ...init.faults };
  let pipeline: Pipeline;
  try {
    pipeline = createPipeline({
      actorFiles: init.actorFiles,
      gazetteerFiles: init.gazetteerFiles,
      stages: defaultStages.map((stage, index) => instrument(stage, index, faults)),
    });
  } catch (error) {
    post({ type: 'fatal', message: (error as Error).message });
    return;
  }
  const stageNames = pipeline.stages.map((stage) => stage.name);
  port.on('message', (message: TaskMessage) => runTask(pipeline, message));
  post({ type: 'ready', stages: stageNames });
}

start();
