import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseGeoCorpus, readGeoCorpus } from '../../src/eval/geo/corpus.js';
import { resolutionScores, taggingScores } from '../../src/eval/geo/metrics.js';
import { geoTask } from '../../src/eval/geo/task.js';

const GWN = 'test/fixtures/places/gwn-mini.xml';

test('the GeoWebNews reader keeps counted types as gold and the rest as neutral', () => {
  const docs = readGeoCorpus(GWN, 'gwn');
  assert.equal(docs.length, 2);
  assert.deepEqual(docs[0]!.gold.map((g) => g.text), ['Homs']);
  assert.equal(docs[0]!.neutral.length, 2);
  assert.deepEqual(docs[1]!.gold.map((g) => g.text), ['Columbus', 'Ohio', 'Kentucky']);
});

test('eval geo on the GeoWebNews fixture finds and places every toponym, and Britain-based scores neither way', async () => {
  const result = (await geoTask.run({ format: 'gwn', path: GWN, flags: {} })) as {
    tagging: { precision: number; recall: number };
    resolution: { n: number; acc161: number };
  };
  assert.equal(result.tagging.recall, 1);
  assert.equal(result.tagging.precision, 1);
  assert.equal(result.resolution.n, 4);
  assert.equal(result.resolution.acc161, 1);
});

test('--gold-spans resolves the given spans', async () => {
  const result = (await geoTask.run({ format: 'gwn', path: GWN, flags: { goldSpans: true } })) as { resolution: { n: number; acc161: number } };
  assert.equal(result.resolution.n, 4);
  assert.equal(result.resolution.acc161, 1);
});

test('a file of the wrong shape is a clear error naming it', () => {
  assert.throws(() => parseGeoCorpus('<root><x/></root>', 'lgl', 'bad.xml'), /bad\.xml: no <articles><article> elements/);
  assert.ok(readFileSync(GWN, 'utf8').length > 0);
});

test('metrics: acc161, median and AUC as Gritta et al. define them', () => {
  const r = resolutionScores([0, 100, 200, 20039]);
  assert.equal(r.acc161, 0.5);
  assert.equal(r.medianKm, 150);
  assert.ok(r.auc > 0 && r.auc < 1);
  assert.equal(resolutionScores([0, 0]).auc, 0);
  assert.deepEqual(taggingScores(3, 4, 6), { precision: 0.75, recall: 0.5, f1: 0.6 });
});
