import { test } from 'node:test';
import assert from 'node:assert/strict';
import { placeForSpan, mainPlace } from '../../src/places/event-location.js';
import type { PlaceSpan } from '../../src/model/types.js';

const text = 'Clashes erupted in Deir ez-Zor province. An air strike hit a market in Hajin, killing four. Aid groups met on Monday.';
const place = (t: string, precision: 1 | 2 | 3, name = t): PlaceSpan => {
  const start = text.indexOf(t);
  return { start, end: start + t.length, text: t, name, geonameId: null, lat: 35, lon: 40, countryCode: 'SY', admin1: 'Deir ez-Zor', featureCode: precision === 3 ? 'ADM1' : 'PPL', precision };
};
const places = [place('Deir ez-Zor province', 3, 'Deir ez-Zor'), place('Hajin', 1)];
const sentences = [
  { start: 0, end: 40 },
  { start: 41, end: 91 },
  { start: 92, end: text.length },
];
const doc = { places, sentences };

test('an event takes the town named in its own sentence, with precision 1', () => {
  const loc = placeForSpan(doc, { start: text.indexOf('air strike'), end: text.indexOf('air strike') + 10 });
  assert.equal(loc?.name, 'Hajin');
  assert.equal(loc?.precision, 1);
});

test('a sentence without a place falls back to the story\'s main place, at precision 2 or coarser', () => {
  const loc = placeForSpan(doc, { start: text.indexOf('Aid groups'), end: text.indexOf('Aid groups') + 10 });
  assert.equal(loc?.name, 'Hajin');
  assert.ok((loc?.precision ?? 0) >= 2);
  assert.equal(mainPlace(doc)?.name, 'Hajin');
});

test('no places at all gives no location', () => {
  assert.equal(placeForSpan({ places: [], sentences }, { start: 0, end: 5 }), null);
});
