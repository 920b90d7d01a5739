import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createPipeline } from '../../src/pipeline.js';
import { distanceKm } from '../../src/places/resolve.js';

// The shared scraped page (two wire stories about Syria), read by path: never copied into the repo.
const SAMPLE = '../shared/samples/000_ee1e92c17443d293.txt';
const present = existsSync(SAMPLE);

// Reference points: the places' published coordinates (GeoNames / Wikipedia), rounded.
const TRUTH: Array<[RegExp, number, number]> = [
  [/^Baghouz$/i, 34.47, 40.95],
  [/^Al-Hol$/i, 36.38, 41.15],
  [/^Qamishli$/i, 37.05, 41.23],
  [/^Hasakah$/i, 36.5, 40.75],
  [/^Kobani$/i, 36.89, 38.35],
  [/^Ain Al-Arab$/i, 36.89, 38.35],
  [/^Sweida$/i, 32.71, 36.57],
];

test('every Syrian place of the shared sample resolves within 30 km', { skip: !present && 'shared sample absent' }, () => {
  const text = readFileSync(SAMPLE, 'utf8');
  const article = createPipeline().process({
    title: null, highlights: [], dateline: null, published: null, url: null, text, subheads: [],
    source: { path: SAMPLE, start: 0, end: text.length },
  });
  for (const [name, lat, lon] of TRUTH) {
    const mentions = article.places.filter((p) => name.test(p.text));
    assert.ok(mentions.length, `${name} not found`);
    for (const p of mentions) assert.ok(distanceKm(p.lat, p.lon, lat, lon) < 30, `${p.text} -> ${p.name} ${p.lat},${p.lon}`);
  }
  const kobani = article.places.find((p) => p.text === 'Kobani')!;
  const ain = article.places.find((p) => /^Ain Al-Arab$/i.test(p.text))!;
  assert.deepEqual([kobani.lat, kobani.lon], [ain.lat, ain.lon]);
  assert.ok(!article.places.some((p) => /Observatory|Kurdish|Britain-based/.test(p.text)));
  assert.ok(article.places.every((p) => p.countryCode !== 'NO'));
});
