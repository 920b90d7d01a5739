// The shared sample page (two wire stories about Syria), read by path; skipped where /work/shared is absent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { createPipeline } from '../../src/pipeline.js';

const SAMPLE = '/work/shared/samples/000_ee1e92c17443d293.txt';
const skip = !existsSync(SAMPLE) && 'shared sample not available';

test('shared sample: all nine people are PERSON and the organisations resolve to canonical actors', { skip }, () => {
  const text = readFileSync(SAMPLE, 'utf8');
  const article = createPipeline().process({
    title: null,
    highlights: [],
    dateline: null,
    published: '2019-03-07',
    url: null,
    text,
    subheads: [],
    source: { path: SAMPLE, start: 0, end: text.length },
  });
  const people = article.entities.filter((e) => e.type === 'PERSON');
  for (const name of ['Baghdadi', 'Misty Buswell', 'Yazan Ghanem', 'Radwan Eissa', 'Sharaa', 'Mazloum Abdi', 'Giwana Hussein', 'Ivan Hassib', 'Donald Trump']) {
    assert.ok(people.some((p) => p.text.includes(name)), `${name} as PERSON`);
  }
  const canonical = new Set(article.entities.filter((e) => e.type === 'ORGANISATION').map((e) => e.canonical));
  for (const actor of [
    'Syrian Democratic Forces',
    'Islamic State',
    'International Rescue Committee',
    'Syrian Observatory for Human Rights',
    'Human Rights Watch',
    'Democratic Union Party',
    'Agence France-Presse',
  ]) {
    assert.ok(canonical.has(actor), `${actor} resolved`);
  }
  for (const e of article.entities) assert.equal(text.slice(e.start, e.end), e.text);
});
