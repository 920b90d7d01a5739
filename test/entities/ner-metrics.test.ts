import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SpanScorer } from '../../src/eval/ner/metrics.js';

test('exact needs the same span, relaxed an overlap; both need the same type', () => {
  const scorer = new SpanScorer(['Person', 'Organisation']);
  scorer.add(
    [
      { start: 0, end: 20, type: 'Person' }, // "Foreign Secretary Philip Hammond"
      { start: 30, end: 33, type: 'Organisation' },
    ],
    [
      { start: 9, end: 20, type: 'Person' }, // overlaps only
      { start: 30, end: 33, type: 'Person' }, // right span, wrong type
    ],
  );
  const { exact, relaxed } = scorer.result();
  assert.equal(exact.byType.Person.precision, 0);
  assert.equal(relaxed.byType.Person.precision, 0.5);
  assert.equal(relaxed.byType.Person.recall, 1);
  assert.equal(relaxed.byType.Organisation.recall, 0);
});

test('a gold span with two types counts once, found by either type', () => {
  const scorer = new SpanScorer(['Location', 'Organisation']);
  scorer.add(
    [
      { start: 0, end: 5, type: 'Location' },
      { start: 0, end: 5, type: 'Organisation' },
    ],
    [{ start: 0, end: 5, type: 'Organisation' }],
  );
  const { exact } = scorer.result();
  assert.equal(exact.micro.gold, 1);
  assert.equal(exact.micro.recall, 1);
  assert.equal(exact.micro.precision, 1);
});

test('gold types outside the scored set are ignored', () => {
  const scorer = new SpanScorer(['Person']);
  scorer.add([{ start: 0, end: 4, type: 'Vehicle' }], []);
  assert.equal(scorer.result().exact.micro.gold, 0);
});
