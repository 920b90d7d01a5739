// Acceptance on the shared sample page (read by path; skipped where ../shared is absent): the events a
// user should find in its two stories, published 2019-03-07 and 2026-01-27.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { readInput } from '../../src/ingest/read.js';
import { createPipeline } from '../../src/pipeline.js';
import type { Article, EventSpan } from '../../src/model/types.js';

const SAMPLE = new URL('../../../shared/samples/000_ee1e92c17443d293.txt', import.meta.url).pathname;
const skip = existsSync(SAMPLE) ? false : 'the shared sample is absent';

function stories(): Article[] {
  const input = readInput(SAMPLE);
  assert.ok(input.ok, 'the sample reads');
  const published = ['2019-03-07', '2026-01-27'];
  const pipeline = createPipeline();
  return input.drafts.map((d, i) => pipeline.process({ ...d, published: published[i] ?? null }));
}

function find(events: EventSpan[], subType: string, evidence: RegExp): EventSpan {
  const e = events.find((x) => x.subType === subType && evidence.test(x.evidence.text));
  assert.ok(e, `no ${subType} event on ${evidence}; got ${events.map((x) => `${x.subType}: ${x.evidence.text.slice(0, 50)}`).join(' | ')}`);
  return e;
}

test('shared sample: the events of both stories', { skip }, () => {
  const [baghouz, qamishli] = stories();
  assert.ok(baghouz && qamishli, 'two stories');

  const captured = find(baghouz.events, 'Arrests', /400 militants were captured/);
  assert.equal(captured.counts.find((c) => c.kind === 'captured')?.value, 400);
  assert.equal(captured.date, '2019-03-05');
  assert.match(captured.actor1 ?? '', /SDF|Syrian Democratic Forces/);
  assert.match(captured.attribution ?? '', /senior SDF officer/);
  assert.equal(captured.location?.name, 'Baghouz');

  const exodus = find(baghouz.events, 'Displacement', /7,000 people have exited/);
  const displaced = exodus.counts.find((c) => c.kind === 'displaced');
  assert.equal(displaced?.value, 7000);
  assert.equal(displaced?.qualifier, 'more than');
  assert.equal(exodus.datePrecision, 2);

  const arrival = find(baghouz.events, 'Arrival', /4,000 people arrived/);
  assert.equal(arrival.counts.find((c) => c.kind === 'arrived')?.value, 4000);
  assert.equal(arrival.date, '2019-03-06');
  assert.match(arrival.location?.name ?? '', /Hol/);
  assert.match(arrival.attribution ?? '', /International Rescue Committee/);

  const war = baghouz.context.find((c) => /360,000/.test(c.evidence.text));
  assert.equal(war?.fatalities, 360000);
  assert.ok(!baghouz.events.some((e) => /360,000/.test(e.evidence.text)), 'the war toll is context, not an event');

  const ceasefire = find(qamishli.events, 'Agreement', /extended on Saturday/);
  assert.equal(ceasefire.date, '2026-01-24');

  const advance = find(qamishli.events, 'Government regains territory', /outskirts of SDF-held Hasakah/);
  assert.match(advance.actor1 ?? '', /Government forces/i);
  assert.match(advance.location?.name ?? '', /Hasakah|Ḩasakah|Hassakeh/);
  const kobani = qamishli.events.find((e) => /encircled Kobani/.test(e.evidence.text));
  assert.ok(kobani, 'the encirclement of Kobani is an event');
  assert.match(kobani.actor1 ?? '', /Government forces/i);
});
