/**
 * admin2 (GeoNames district codes): filled from an imported GeoNames main table, carried onto place
 * spans and event locations; the bundled gazetteer has none. The fixture is a two-line GeoNames-format
 * file written for this test (fictional villages in one Syrian district).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { loadGazetteer } from '../../src/places/gazetteer.js';
import { geoparse, PIPELINE_GEOPARSE, toPlaceSpan } from '../../src/places/geoparse.js';
import { parseGeonamesLine } from '../../src/places/sources/geonames-format.js';

const home = mkdtempSync(join(tmpdir(), 'sitrep-admin2-'));
const env = { ...process.env, SITREP_HOME: home };
const run = (args: string[]) => spawnSync(process.execPath, ['--import', 'tsx', ...args], { encoding: 'utf8', env });

test('the GeoNames reader keeps the admin2 column of imports only', () => {
  const line = '7700101\tTall Qarmaz\tTall Qarmaz\t\t36.31\t37.91\tP\tPPL\tSY\t\t09\tSY0203\t\t\t900\t\t400\tAsia/Damascus\t2024-01-01';
  const imported = parseGeonamesLine(line, 'import');
  const bundled = parseGeonamesLine(line, 'geonames');
  assert.ok(typeof imported !== 'string' && typeof bundled !== 'string');
  assert.equal(imported.admin2Code, 'SY0203');
  assert.equal(bundled.admin2Code, undefined);
});

test('bundled places carry no admin2', () => {
  const g = loadGazetteer({ extraFiles: [], noImports: true });
  const [p] = geoparse({ text: 'Shelling hit Aleppo on Monday.' }, g, PIPELINE_GEOPARSE).map(toPlaceSpan);
  assert.equal(p?.name, 'Aleppo');
  assert.equal(p?.admin2 ?? null, null);
});

test('an imported place brings its admin2 code onto the place span and the event location', () => {
  const imported = run(['src/cli/main.ts', 'gazetteer', 'import', 'test/fixtures/places/geonames-admin2-mini.txt']);
  assert.equal(imported.status, 0, imported.stderr);
  assert.match(imported.stdout, /2 places/);
  // A fresh process reads the import (and builds its own cache) like any user run would.
  const script = `
    import { loadGazetteer } from './src/places/gazetteer.ts';
    import { geoparse, PIPELINE_GEOPARSE, toPlaceSpan } from './src/places/geoparse.ts';
    import { placeForSpan } from './src/places/event-location.ts';
    const text = 'Two shepherds were killed in Tall Qarmaz on Sunday. Shelling also hit Khirbet Zaytal.';
    const places = geoparse({ text }, loadGazetteer({ extraFiles: [] }), PIPELINE_GEOPARSE).map(toPlaceSpan);
    const doc = { places, sentences: [{ start: 0, end: 51 }, { start: 52, end: text.length }] };
    const location = placeForSpan(doc, { start: 20, end: 26 });
    console.log(JSON.stringify({ places, location }));`;
  const r = run(['--input-type=module', '-e', script]);
  assert.equal(r.status, 0, r.stderr);
  const out = JSON.parse(r.stdout) as { places: Array<{ name: string; admin2?: string }>; location: { name: string; admin2?: string } };
  assert.deepEqual(out.places.map((p) => [p.name, p.admin2]), [['Tall Qarmaz', 'SY0203'], ['Khirbat Zaytal', 'SY0203']]);
  assert.equal(out.location.name, 'Tall Qarmaz');
  assert.equal(out.location.admin2, 'SY0203');
});
