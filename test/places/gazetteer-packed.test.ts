/**
 * The packed gazetteer (what the cache file holds and a process keeps in memory): every column and
 * every name table comes back exactly as built, lookups by bisection find each key and nothing
 * else, and a cut-short or foreign buffer is refused rather than misread.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FLAG_DEMONYM, FLAG_PRIMARY, GazetteerIndex } from '../../src/places/gazetteer-index.js';
import { packIndex, tablePostings, unpackIndex, type IndexTables } from '../../src/places/gazetteer-packed.js';

function smallTables(): IndexTables {
  return {
    columns: {
      geonameId: [170063, null, 163843],
      name: ['Aleppo', 'Al-Hol camp', 'Al Ḩasakah'],
      lat: [36.20124, 36.377, 36.50237],
      lon: [37.16117, 41.152, 40.74772],
      countryCode: ['SY', 'SY', 'SY'],
      admin1: ['Aleppo', 'Al-Hasakah', null],
      admin2: [null, null, 'SY0200'],
      featureClass: ['P', 'S', 'P'],
      featureCode: ['PPLA', null, 'PPLA'],
      population: [1602264, 0, 188160],
      source: ['geonames', 'supplement', 'geonames'],
    },
    strict: new Map<string, number | number[]>([
      ['aleppo', 0 * 4 + FLAG_PRIMARY],
      ['halab', 0 * 4],
      ['al hol camp', 1 * 4 + FLAG_PRIMARY],
      ['al hasakah', [2 * 4 + FLAG_PRIMARY, 1 * 4]],
      ['aleppan', 0 * 4 + FLAG_DEMONYM],
    ]),
    article: new Map<string, number | number[]>([['hol camp', 1 * 4 + FLAG_PRIMARY], ['hasakah', 2 * 4 + FLAG_PRIMARY]]),
    skeleton: new Map<string, number | number[]>([['hskh', 2 * 4]]),
  };
}

test('columns come back exactly as built, names in any script included', () => {
  const g = new GazetteerIndex(unpackIndex(packIndex(smallTables()))!);
  assert.equal(g.size, 3);
  assert.deepEqual(
    { ...g.entry(2) },
    {
      index: 2, geonameId: 163843, name: 'Al Ḩasakah', lat: 36.50237, lon: 40.74772, countryCode: 'SY', admin1: null,
      admin2: 'SY0200', featureClass: 'P', featureCode: 'PPLA', population: 188160, source: 'geonames',
    },
  );
  assert.equal(g.entry(1).geonameId, null);
  assert.equal(g.entry(1).featureCode, null);
  assert.equal(g.entry(0).admin1, 'Aleppo');
});

test('every key is found with its postings in order, and nothing else is', () => {
  const packed = unpackIndex(packIndex(smallTables()))!;
  assert.deepEqual(tablePostings(packed.tables.strict, 'al hasakah'), [2 * 4 + FLAG_PRIMARY, 1 * 4]);
  assert.deepEqual(tablePostings(packed.tables.strict, 'aleppo'), [FLAG_PRIMARY]);
  assert.deepEqual(tablePostings(packed.tables.strict, 'halab'), [0]);
  // A prefix of a key, a key plus more, and keys sorting before the first and after the last.
  for (const missing of ['alep', 'aleppos', 'al', 'a', 'zzz', '0', '']) assert.deepEqual(tablePostings(packed.tables.strict, missing), [], missing);
  assert.deepEqual(tablePostings(packed.tables.skeleton, 'hskh'), [8]);
});

test('the index matches through the packed tables: levels, flags and one entry per place', () => {
  const g = new GazetteerIndex(unpackIndex(packIndex(smallTables()))!);
  const hasakah = g.match('Al-Hasakah');
  assert.deepEqual(hasakah.map((m) => [m.entry.index, m.level, m.primary]), [[2, 'strict', true], [1, 'strict', false]]);
  assert.deepEqual(g.match('Aleppan').map((m) => [m.entry.name, m.demonym]), [['Aleppo', true]]);
  assert.equal(g.has('Hol camp'), true);
  assert.equal(g.has('Homs'), false);
});

test('a cut-short, altered or foreign buffer is refused', () => {
  const bytes = packIndex(smallTables());
  assert.equal(unpackIndex(bytes.subarray(0, bytes.length - 8)), undefined);
  assert.equal(unpackIndex(Buffer.from('{"columns": []}\n\u0000\n')), undefined);
  const bumped = Buffer.from(bytes);
  bumped.write('X', 0, 'latin1');
  assert.equal(unpackIndex(bumped), undefined);
  // A copy at an odd offset (views need aligned memory) still reads.
  const odd = Buffer.alloc(bytes.length + 1);
  bytes.copy(odd, 1);
  assert.equal(unpackIndex(odd.subarray(1))?.count, 3);
});
