/**
 * Hostile text through every stage (createPipeline().process): inputs built to make backtracking
 * patterns and quadratic scans explode must finish in bounded time, and every span they produce must
 * still point at its own words. Bounds are far above normal cost (an ordinary 4 KB article takes a few
 * milliseconds) so that only a blow-up fails them, even on a loaded machine.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { segmentPage } from '../../src/ingest/segment.js';
import type { Article } from '../../src/model/types.js';
import { createPipeline } from '../../src/pipeline.js';
import { longUnpunctuatedLine, pathologicalText } from '../fixtures/resilience/hostile-inputs.js';
import { assertSpansInside } from '../property/span-checks.js';

const pipeline = createPipeline();

function processTimed(text: string): { articles: Article[]; ms: number; slowest: string } {
  const before = { ...pipeline.timings };
  const started = performance.now();
  const articles = segmentPage(text, { path: 'hostile.txt', published: '2024-03-01' }).map((d) => pipeline.process(d));
  const ms = performance.now() - started;
  const [slowest] = Object.entries(pipeline.timings)
    .map(([name, total]) => [name, total - (before[name] ?? 0)] as const)
    .sort((a, b) => b[1] - a[1]);
  return { articles, ms, slowest: `${slowest[0]} ${Math.round(slowest[1])} ms` };
}

const KB = 1024;

/** One kind of hostile run, repeated to about `size` characters after a dateline. */
function repeated(size: number, piece: (i: number) => string): string {
  let text = 'BEIRUT, Lebanon - ';
  for (let i = 0; text.length < size; i++) text += piece(i) + ' ';
  return text;
}

const HOSTILE_RUNS: Record<string, (i: number) => string> = {
  'capitalised words with no verb': (i) => ['Abu', 'Al', 'Bin', 'Abdel', 'Sheikh', 'Kafr', 'Tal', 'Ain', 'Deir'][i % 9],
  'digits and commas': (i) => `${String((i * 37) % 1000).padStart(3, '0')},`,
  'place names and commas': (i) => `${['Idlib', 'Hama', 'Homs', 'Aleppo', 'Raqqa'][i % 5]},`,
  'a hyphenated Al- chain': () => 'Al-',
  'dotted initials': () => 'U.N.',
  'number ranges': (i) => `${i},000 to ${i + 1},000 and`,
};

for (const [name, piece] of Object.entries(HOSTILE_RUNS)) {
  test(`64 KB of ${name} goes through every stage in bounded time`, () => {
    const { articles, ms, slowest } = processTimed(repeated(64 * KB, piece));
    assert.ok(ms < 20_000, `took ${Math.round(ms)} ms (slowest stage: ${slowest})`);
    assert.ok(articles.length >= 1);
    for (const article of articles) assertSpansInside(article);
  });
}

test('a mixed pathological article of 64 KB goes through every stage in bounded time', () => {
  const { articles, ms, slowest } = processTimed(pathologicalText(64 * KB));
  assert.ok(ms < 20_000, `took ${Math.round(ms)} ms (slowest stage: ${slowest})`);
  for (const article of articles) assertSpansInside(article);
});

test('a 1 MB line with no punctuation is one article, processed in bounded time', () => {
  const { articles, ms, slowest } = processTimed(longUnpunctuatedLine(1024 * KB));
  assert.equal(articles.length, 1);
  assert.ok(articles[0].text.length >= 1024 * KB);
  assert.ok(ms < 90_000, `took ${Math.round(ms)} ms (slowest stage: ${slowest})`);
  assertSpansInside(articles[0]);
});
