import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

const fixtures = 'test/fixtures/places';
const home = mkdtempSync(join(tmpdir(), 'sitrep-home-'));
const sitrep = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], { encoding: 'utf8', env: { ...process.env, SITREP_HOME: home } });

test('`gazetteer import` reads a GeoNames dump, alternate names and admin1 codes into SITREP_HOME', () => {
  const r = sitrep('gazetteer', 'import', `${fixtures}/geonames-mini.txt`, `${fixtures}/alternateNames-mini.txt`, `${fixtures}/admin1Codes-mini.txt`);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /3 places/);
  assert.match(r.stdout, /3 admin1 regions/);
  const places = readFileSync(join(home, 'gazetteer', 'places.tsv'), 'utf8');
  // The English alternate name is attached; the Arabic-script one and the link are not kept.
  assert.match(places, /Tel Benat/);
  assert.doesNotMatch(places, /example\.org/);
});

test('imported places are found by lookup, with their admin1 name', () => {
  const r = sitrep('gazetteer', 'lookup', 'Tel Benat');
  assert.equal(r.status, 0, r.stderr);
  const first = r.stdout.split('\n')[0]!.split('\t');
  assert.equal(first[0], 'Tall Banat');
  assert.equal(first[1], 'SY');
  assert.equal(first[2], 'Aleppo');
});

test('a file that is not a GeoNames dump is refused with its name and exit code 2', () => {
  const r = sitrep('gazetteer', 'import', `${fixtures}/not-geonames.txt`);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /not-geonames\.txt: not a GeoNames dump/);
  assert.doesNotMatch(r.stderr, /at .*\.ts:\d+/);
});

test('a missing file is reported, not thrown', () => {
  const r = sitrep('gazetteer', 'import', `${fixtures}/absent.txt`);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /absent\.txt: no such file/);
  assert.ok(existsSync(join(home, 'gazetteer', 'places.tsv')));
});
