/**
 * Geoparser rules about what is not a place (peoples, given names) and which place a name stands for
 * (capital as government, country before a city of the same name), and admin1 names of big towns.
 * Fixtures are news-like sentences written for these tests.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadGazetteer } from '../../src/places/gazetteer.js';
import { geoparse, PIPELINE_GEOPARSE, toPlaceSpan } from '../../src/places/geoparse.js';
import type { PlaceSpan } from '../../src/model/types.js';

const g = loadGazetteer({ extraFiles: [], noImports: true });
const places = (text: string): PlaceSpan[] => geoparse({ text }, g, PIPELINE_GEOPARSE).map(toPlaceSpan);
const LGL_LIKE = { ...PIPELINE_GEOPARSE, demonyms: true, embedded: true };

test('"Kurdish" and "Arab" are peoples, never a town that resembles them', () => {
  const out = places('Kurdish forces and Arab tribal fighters pushed east of the river on Tuesday.');
  assert.deepEqual(out.map((p) => p.text), []);
});

test('a country adjective after a title is still the country ("deputy Russian foreign minister")', () => {
  const out = geoparse({ text: 'The deputy Russian foreign minister arrived on Monday.' }, g, LGL_LIKE).map(toPlaceSpan);
  assert.equal(out[0]?.countryCode, 'RU');
});

test('"Washington" alone is the capital (the US government), not Washington state', () => {
  const out = places('Washington said it would send more air defence systems, and Moscow warned against it.');
  const w = out.find((p) => p.text === 'Washington');
  assert.equal(w?.featureCode, 'PPLC');
  assert.equal(w?.admin1, 'District of Columbia');
});

test('"Seattle, Washington" and "Washington state" are the state', () => {
  const a = places('The fire started near Seattle, Washington, on Friday.').find((p) => p.text === 'Washington');
  assert.equal(a?.featureCode, 'ADM1');
  const b = places('Washington state officials met in Olympia.').find((p) => p.text.startsWith('Washington'));
  assert.equal(b?.featureCode, 'ADM1');
});

test('"Mexico" is the country, not Mexico City', () => {
  const [p] = places('Flights to Mexico resumed after the storm.');
  assert.equal(p?.featureCode, 'PCLI');
});

test('a given name followed by a surname is a person, not a town named like the given name', () => {
  const out = places('Police said Tyler Brandt and Charlotte Wexley were released from hospital in Aleppo.');
  assert.deepEqual(out.map((p) => p.text), ['Aleppo']);
});

test('a town before a person in one run stays a place ("Dublin City Manager Jane Brautigam")', () => {
  const text = 'Dublin City Manager Jane Brautigam left in 2008. Dublin then hired a new manager.';
  const out = geoparse({ text }, g, LGL_LIKE).map(toPlaceSpan);
  assert.ok(out.some((p) => p.text === 'Dublin' && p.start > 40));
});

test('admin1 of Ukrainian, Iraqi and Australian towns is their own region', () => {
  const admin1 = (name: string) => g.match(name).find((m) => /^PPL/.test(m.entry.featureCode ?? ''))?.entry.admin1;
  assert.equal(admin1('Kharkiv'), 'Kharkivska');
  assert.equal(admin1('Mosul'), 'Nineveh');
  assert.equal(admin1('Sydney'), 'New South Wales');
});

test('long inputs stay linear: repeated "Al-" and long lists of capitalised names', () => {
  const cities = ['Aleppo', 'Homs', 'Hama', 'Idlib', 'Raqqa', 'Kyiv', 'Kharkiv', 'Odesa', 'Boston', 'Denver'];
  const time = (text: string) => {
    const start = performance.now();
    places(text);
    return performance.now() - start;
  };
  const list = (n: number) => Array.from({ length: n }, (_, i) => cities[i % cities.length]).join(', ') + '.';
  const caps = (n: number) => Array.from({ length: n }, (_, i) => `Xq${i}`).join(' ');
  time(list(500));
  for (const make of [list, caps, (n: number) => 'Al-'.repeat(n) + 'Hol']) {
    const small = time(make(2000));
    const big = time(make(16000));
    // Eight times the input: well under 64 times the time (quadratic); generous for a shared machine.
    assert.ok(big < Math.max(small, 5) * 24, `${small.toFixed(0)} ms -> ${big.toFixed(0)} ms`);
  }
});

test('armed groups and contractions are not towns ("Hamas", "Wagner", "I\'ll")', () => {
  const out = places("Hamas and Wagner fighters were seen, a witness said. \"I'll leave Gaza tomorrow,\" she added.");
  assert.deepEqual(out.map((p) => p.text), ['Gaza']);
});
