/**
 * processBatch runs several articles stage by stage; it must give exactly what process() gives on
 * each, and one article a stage throws on must not take the others with it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { draftFromText } from '../../src/model/doc.js';
import type { Stage } from '../../src/model/stage.js';
import { createPipeline, defaultStages, STAGE_BATCH_ARTICLES } from '../../src/pipeline.js';

// Written for this test: three short wire-style stories with dates, counts, places and actors.
const stories = [
  `ALEPPO, Syria: Government shelling killed at least 12 civilians in the town of Atarib on Tuesday, the Syrian Observatory for Human Rights said. More than 3,000 people fled towards Idlib last week.`,
  `MAIDUGURI, Nigeria: Suspected Boko Haram fighters abducted 17 farmers near Konduga on Sunday, a local militia leader told reporters. The army said troops had arrested four suspects by Wednesday.`,
  `KHARKIV, Ukraine: A drone strike hit an apartment block in Kharkiv overnight, wounding nine people, regional governor Oleh Syniehubov said on Telegram. Russian forces also shelled Kupiansk between March 3 and 5.`,
];
const drafts = stories.map((text, i) =>
  draftFromText(text, { published: '2024-03-07', source: { path: `story-${i}.txt`, start: 0, end: text.length } }),
);

test('processBatch gives what process gives, article by article', () => {
  const pipeline = createPipeline();
  const one = drafts.map((draft) => pipeline.process(draft));
  const batch = pipeline.processBatch(drafts);
  assert.equal(batch.length, drafts.length);
  batch.forEach((outcome, i) => {
    assert.ok(outcome.ok, `article ${i} failed in the batch`);
    assert.deepEqual(outcome.article, one[i]);
  });
  // Not vacuous: the stories carry events and places.
  assert.ok(one.every((article) => article.events.length > 0 && article.places.length > 0));
});

test('a stage that throws on one article leaves it out; the others are finished', () => {
  const brittle: Stage = {
    name: 'brittle',
    run(doc) {
      if (doc.text.includes('Boko Haram')) throw new Error('cannot read this one');
    },
  };
  const stages = [...defaultStages.slice(0, 2), brittle, ...defaultStages.slice(2)];
  const pipeline = createPipeline({ stages });
  const steps: string[] = [];
  const outcomes = pipeline.processBatch(drafts, { beforeStep: (doc, stage) => steps.push(`${doc}:${stage}`) });
  assert.deepEqual(
    outcomes.map((o) => o.ok),
    [true, false, true],
  );
  const failed = outcomes[1]!;
  assert.ok(!failed.ok && failed.stage === 'brittle' && failed.error.message === 'cannot read this one');
  // Stage by stage: every article passes stage 0 before any enters stage 1; the failed one stops at 2.
  assert.deepEqual(steps.slice(0, 4), ['0:0', '1:0', '2:0', '0:1']);
  assert.ok(!steps.some((step) => step.startsWith('1:') && Number(step.split(':')[1]) > 2));
  const kharkiv = outcomes[2]!;
  assert.ok(kharkiv.ok && kharkiv.article.places.some((p) => p.text === 'Kharkiv'));
});

test('a batch longer than one group goes through group by group, indexed in the whole batch', () => {
  // Two and a half groups of the three stories, each copy dated a day later so no two are the same.
  const count = STAGE_BATCH_ARTICLES * 2 + STAGE_BATCH_ARTICLES / 2;
  const long = Array.from({ length: count }, (_, i) => {
    const text = stories[i % stories.length]!;
    const day = String(1 + (i % 28)).padStart(2, '0');
    return draftFromText(text, { published: `2024-04-${day}`, source: { path: `copy-${i}.txt`, start: 0, end: text.length } });
  });
  let stageZeroBefore = -1;
  const brittle: Stage = {
    name: 'brittle',
    run(doc) {
      if (doc.published === '2024-04-05' || doc.published === '2024-04-15') throw new Error('not this day');
    },
  };
  const stages = [defaultStages[0]!, brittle, ...defaultStages.slice(1)];
  const pipeline = createPipeline({ stages });
  const steps: Array<[number, number]> = [];
  const outcomes = pipeline.processBatch(long, {
    beforeStep: (doc, stage) => {
      steps.push([doc, stage]);
      if (stage === 0) stageZeroBefore = doc;
    },
  });
  assert.equal(outcomes.length, count);
  // The articles dated the 5th and the 15th fail, in all three groups, each at its place in the batch.
  const failedAt = outcomes.flatMap((o, i) => (o.ok ? [] : [i]));
  assert.deepEqual(failedAt, [4, 14, 32, 42]);
  // Every other outcome is the article of its own draft, in order.
  outcomes.forEach((o, i) => {
    if (o.ok) assert.equal(o.article.published, long[i]!.published);
  });
  // Group by group: the second group enters stage 0 only after the first has been through every stage.
  const firstOfSecondGroup = steps.findIndex(([doc]) => doc === STAGE_BATCH_ARTICLES);
  const lastStage = stages.length - 1;
  assert.ok(steps.slice(0, firstOfSecondGroup).some(([, stage]) => stage === lastStage));
  assert.ok(steps.slice(0, firstOfSecondGroup).every(([doc]) => doc < STAGE_BATCH_ARTICLES));
  assert.equal(stageZeroBefore, count - 1);
});

test('processInGroups yields each group as it is done, with its offset, the same outcomes as processBatch', () => {
  const count = STAGE_BATCH_ARTICLES + 3;
  const long = Array.from({ length: count }, (_, i) => {
    const text = stories[i % stories.length]!;
    return draftFromText(text, { published: `2024-06-${String(1 + (i % 28)).padStart(2, '0')}`, source: { path: `g-${i}.txt`, start: 0, end: text.length } });
  });
  const pipeline = createPipeline();
  const seenBeforeFirstYield: number[] = [];
  const groups = pipeline.processInGroups(long, { beforeStep: (doc) => seenBeforeFirstYield.push(doc) });
  const first = groups.next();
  // Lazy: the second group has not started when the first is handed over.
  assert.ok(!first.done && first.value.offset === 0 && first.value.outcomes.length === STAGE_BATCH_ARTICLES);
  assert.ok(seenBeforeFirstYield.every((doc) => doc < STAGE_BATCH_ARTICLES));
  const rest = [...groups];
  assert.deepEqual(rest.map((g) => [g.offset, g.outcomes.length]), [[STAGE_BATCH_ARTICLES, 3]]);
  const batch = pipeline.processBatch(long);
  assert.deepEqual([...first.value.outcomes, ...rest[0]!.outcomes], batch);
});
