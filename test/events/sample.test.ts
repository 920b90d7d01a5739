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

function find(events: EventSpan[], what: string, match: (e: EventSpan) => boolean): EventSpan {
  const e = events.find(match);
  assert.ok(e, `no event: ${what}; got ${events.map((x) => `${x.subType} ${x.date} ${x.counts.map((c) => c.kind + ':' + c.value).join(',')}`).join(' | ')}`);
  return e;
}

const count = (e: EventSpan, kind: string) => e.counts.find((c) => c.kind === kind);

// Events are found by what they carry (type, counts, dates, places), never by quoting the page.
test('shared sample: the events of both stories', { skip }, () => {
  const [baghouz, qamishli] = stories();
  assert.ok(baghouz && qamishli, 'two stories');

  const captured = find(baghouz.events, '400 captured', (e) => e.subType === 'Arrests' && count(e, 'captured')?.value === 400);
  assert.equal(captured.date, '2019-03-05');
  assert.match(captured.actor1 ?? '', /SDF|Syrian Democratic Forces/);
  assert.match(captured.attribution ?? '', /SDF officer/);
  assert.equal(captured.location?.name, 'Baghouz');

  const exodus = find(baghouz.events, 'more than 7,000 displaced', (e) => e.type === 'Displacement' && count(e, 'displaced')?.value === 7000);
  assert.equal(count(exodus, 'displaced')?.qualifier, 'more than');
  assert.equal(exodus.datePrecision, 2);
  assert.equal(exodus.location?.name, 'Baghouz');

  const arrival = find(baghouz.events, 'around 4,000 arrived', (e) => e.type === 'Arrival' && count(e, 'arrived')?.value === 4000);
  assert.equal(count(arrival, 'arrived')?.qualifier, 'around');
  assert.equal(arrival.date, '2019-03-06');
  assert.match(arrival.location?.name ?? '', /Hol/);
  assert.match(arrival.attribution ?? '', /International Rescue Committee/);

  const war = baghouz.context.find((c) => c.fatalities === 360000);
  assert.ok(war, 'the war toll is a context record');
  assert.ok(!baghouz.events.some((e) => e.evidence.start === war.evidence.start), 'and not an event');

  find(qamishli.events, 'ceasefire extended on 2026-01-24', (e) => e.subType === 'Agreement' && e.date === '2026-01-24' && e.datePrecision === 1);

  const advance = find(qamishli.events, 'government forces advance on Hasakah', (e) => e.subType === 'Government regains territory' && /asakah/.test(e.location?.name ?? ''));
  assert.match(advance.actor1 ?? '', /Government forces/i);
  const kobani = find(qamishli.events, 'encirclement of Kobani', (e) => e.subType === 'Change to group/activity' && /Arab|Kobani/.test(e.location?.name ?? ''));
  assert.match(kobani.actor1 ?? '', /Government forces/i);
});
