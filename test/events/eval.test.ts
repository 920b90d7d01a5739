import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { eventsTask } from '../../src/eval/events/task.js';
import { scoreClassification } from '../../src/eval/events/metrics.js';

const MINI = fileURLToPath(new URL('../fixtures/events/case2021-mini.tsv', import.meta.url));

test('metrics: accuracy, macro and weighted F1 on a hand-counted example', () => {
  const s = scoreClassification(
    [
      { gold: 'A', predicted: 'A' },
      { gold: 'A', predicted: 'B' },
      { gold: 'B', predicted: 'B' },
      { gold: 'C', predicted: 'B' },
    ],
    ['A', 'B', 'C'],
  );
  assert.equal(s.accuracy, 0.5);
  // A: P 1 R .5 F .6667; B: P .3333 R 1 F .5; C: 0
  assert.equal(s.byLabel.A.f1, 0.6667);
  assert.equal(s.byLabel.B.f1, 0.5);
  assert.equal(s.macroF1, 0.3889);
  // (2/3 * 2 + 1/2 * 1 + 0 * 1) / 4
  assert.equal(s.weightedF1, 0.4583);
  assert.deepEqual(s.confusion.A, { A: 1, B: 1 });
});

test('eval events --format case2021 classifies snippets with the pipeline coder and reports bad rows', async () => {
  const r = (await eventsTask.run({ format: 'case2021', path: MINI, flags: {} })) as Record<string, unknown> & { byLabel: Record<string, unknown> };
  assert.equal(r.task, 'events');
  assert.equal(r.n, 6);
  assert.equal(r.accuracy, 1);
  assert.deepEqual((r.problems as string[]).length, 1);
});

test('a file that is not CASE 2021 is a clear error', async () => {
  await assert.rejects(eventsTask.run({ format: 'case2021', path: fileURLToPath(import.meta.url), flags: {} }), /not a CASE 2021 task 2 file/);
});
