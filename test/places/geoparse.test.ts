import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGazetteer } from '../../src/places/gazetteer.js';
import { geoparse, PIPELINE_GEOPARSE, toPlaceSpan } from '../../src/places/geoparse.js';
import { distanceKm } from '../../src/places/resolve.js';
import type { PlaceSpan } from '../../src/model/types.js';

const g = loadGazetteer({ extraFiles: [], noImports: true });
const places = (text: string, extra: { dateline?: string; title?: string } = {}): PlaceSpan[] =>
  geoparse({ text, ...extra }, g, PIPELINE_GEOPARSE).map(toPlaceSpan);
const near = (p: PlaceSpan | undefined, lat: number, lon: number, km = 30) => !!p && distanceKm(p.lat, p.lon, lat, lon) < km;

test('resolves "Al-Hol" to the Syrian camp, not Hol in Norway', () => {
  const [p] = places('Around 4,000 people arrived from the front to the Al-Hol camp on Wednesday.');
  assert.equal(p?.countryCode, 'SY');
  assert.ok(near(p, 36.38, 41.15));
});

test('"the village of X" is a place and gets town precision', () => {
  const [p] = places('Families fled the village of Baghouz after days of shelling by coalition jets.');
  assert.equal(p?.text, 'Baghouz');
  assert.equal(p?.precision, 1);
});

test('"X province" resolves to the region with admin1 precision', () => {
  const out = places('Druze communities in Sweida province reported clashes with government-aligned fighters.');
  const p = out.find((x) => x.text.startsWith('Sweida'));
  assert.ok(p);
  assert.equal(p.countryCode, 'SY');
  assert.equal(p.precision, 3);
});

test('"near X" lowers the precision to 2', () => {
  const [p] = places('Two shepherds were killed by a landmine near Palmyra on Sunday, local sources said.');
  assert.equal(p?.text, 'Palmyra');
  assert.equal(p?.precision, 2);
});

test('"Syrian Observatory for Human Rights" is not a place', () => {
  const out = places('The toll was confirmed by the Syrian Observatory for Human Rights, a Britain-based war monitor.');
  assert.deepEqual(out, []);
});

test('lowercase "on" and "the" never become towns; a sentence-initial "On" neither', () => {
  const out = places('On Tuesday the convoy moved on to the border. The fighting went on for hours.');
  assert.deepEqual(out, []);
});

test('a Homs mentioned near Hama is the Syrian city', () => {
  const out = places('Shelling hit Hama overnight, and residents of Homs said the roads south were closed.');
  const homs = out.find((p) => p.text === 'Homs');
  assert.equal(homs?.countryCode, 'SY');
  assert.ok(near(homs, 34.73, 36.72));
});

test('Kobani and Ain al-Arab in one story resolve to one point', () => {
  const out = places('Government forces encircled Kobani, or Ain al-Arab, a Kurdish-held town at the Turkish border.');
  const kobani = out.find((p) => p.text === 'Kobani');
  const ain = out.find((p) => p.text === 'Ain al-Arab');
  assert.ok(kobani && ain);
  assert.equal(kobani.lat, ain.lat);
  assert.equal(kobani.lon, ain.lon);
});

test('transliteration variants in one story all land in Deir ez-Zor', () => {
  const out = places('Fighting spread from Deir al-Zour to the desert. Officials in Dayr az Zawr denied it, Syrian media said.');
  for (const p of out.filter((x) => /Deir|Dayr/.test(x.text))) assert.ok(near(p, 35.33, 40.14, 40), p.text);
  assert.equal(out.filter((x) => /Deir|Dayr/.test(x.text)).length, 2);
});

test('a dateline (metadata, not text) steers an ambiguous name', () => {
  const [p] = places('Residents patrolled the streets of Qamishli at night.', { dateline: 'QAMISHLI, Syria' });
  assert.equal(p?.countryCode, 'SY');
});

test('a person named like a town is not a place', () => {
  const out = places('Chiquita Raquel Henry, 19, was arrested on Friday. Henry told deputies she lit the fire in Alexandria, La.');
  assert.ok(!out.some((p) => p.text === 'Henry'));
  const alexandria = out.find((p) => p.text === 'Alexandria');
  assert.equal(alexandria?.admin1, 'Louisiana');
});

test('a state abbreviation counts after a town or on its own when dotted, never right after a letter or a period', () => {
  const states = (text: string) => places(text).filter((p) => p.featureCode === 'ADM1').map((p) => `${p.start}:${p.text}`);
  assert.deepEqual(states('Flooding hit Charleston, W.Va., on Monday.'), ['25:W.Va.']);
  assert.deepEqual(states('Officials in D.C. said the march would go ahead.'), ['13:D.C.']);
  // Inside a longer abbreviation or a word: no state.
  assert.deepEqual(states('The X.D.C. unit and the aD.C. code were named.'), []);
  // After punctuation outside ASCII (a curly apostrophe) it may start.
  assert.deepEqual(states('The élan of Mexico’D.C. was a typo.'), ['19:D.C.']);
});
