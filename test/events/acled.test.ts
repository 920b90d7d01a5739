import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toAcledCategories } from '../../src/events/acled.js';

test('ACLED types pass through; Displacement and Arrival become Strategic developments / Other', () => {
  assert.deepEqual(toAcledCategories({ type: 'Battles', subType: 'Armed clash' }), { event_type: 'Battles', sub_event_type: 'Armed clash' });
  assert.deepEqual(toAcledCategories({ type: 'Explosions/Remote violence', subType: 'Air/drone strike' }), {
    event_type: 'Explosions/Remote violence',
    sub_event_type: 'Air/drone strike',
  });
  assert.deepEqual(toAcledCategories({ type: 'Displacement', subType: 'Displacement' }), { event_type: 'Strategic developments', sub_event_type: 'Other' });
  assert.deepEqual(toAcledCategories({ type: 'Arrival', subType: 'Arrival' }), { event_type: 'Strategic developments', sub_event_type: 'Other' });
});

test('context records, non-ACLED labels and mismatched pairs have no ACLED category', () => {
  assert.equal(toAcledCategories({ type: 'Context', subType: 'Cumulative statistics' }), null);
  assert.equal(toAcledCategories({ type: 'Battles', subType: 'Natural disaster' }), null);
  assert.equal(toAcledCategories({ type: 'Riots', subType: 'Armed clash' }), null);
});
