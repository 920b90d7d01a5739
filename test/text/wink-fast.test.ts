/**
 * The tokens stage runs wink's tokeniser and tagger without readDoc (src/text/wink-fast.ts). Its packed
 * tokens (lexeme numbers, spaces, tags) must be exactly readDoc's, text after text, since wink's lexicon
 * (and with it its tokens) changes as it reads.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { createFastTagger } from '../../src/text/wink-fast.js';
import { rawDocument, type RawDocument } from '../../src/text/wink-raw.js';
import { setMaxLearnedWords, tokenize, tokenizerBuilds } from '../../src/text/tokens.js';

// Written for these tests: news-like lines with the chunks wink treats specially.
const texts = [
  'IDLIB, Syria (AP) — Rebels shelled the town on Tuesday, killing 12 people, the Syrian Observatory said.',
  'Rebels shelled the town again on Wednesday; “We won’t leave,” a resident said. Rebels can\'t hold it.',
  'Details: https://example.org/news/2024/idlib?id=7 and www.example.com, or write to desk@example.org.',
  'The U.S.-led coalition’s F-16s struck al-Qaeda-linked fighters near Jisr al-Shughur at 5:30pm.',
  'Gen.\u00a0Qarzan Miro said 1,200 troops ($3.5bn) left Raqqa 12km away…\n\n\u00a0\u00a0Mosul’s #ISIS @desk ok.',
  'Thin\u2009spaces, figure\u2007spaces\u2002and\u205fmore\u202fkinds ‘quoted’ (bracketed) [boxed] {braced}.',
  'عشرات القتلى في حلب، قالت وكالة سانا. Aleppo (حلب) was shelled — 😢🔥 people fled 🇸🇾.',
  'Mr. Qarzwaz, 45, a father-of-three, said the self-styled anti-ISIS group’s 20th-century fort fell.',
  'Mosul’s mayor spoke. (Mosul’s council disagreed.) Mosul’s streets were empty; “Mosul’s,” he said.',
  'E.g. the 1990s war, the ’90s, and mid-2020 clashes; ca. 3,000–4,000 fled.  Two  spaces\there.\r\nEnd',
  'ALL CAPS HEADLINE: REBELS SEIZE TOWN\nSecond line...and a run-on,word;joined!text?yes:no',
  'Form\ffeed\vvertical\x00nul\u2028line\u2029para\u0085next\u3000ideo\u200bzero\ufeffbom \t \r\n\t end',
];

function packed(raw: RawDocument): number[][] {
  const out: number[][] = [];
  for (let i = 0; i < raw.count; i++) out.push([raw.lexeme(i), raw.spacesBefore(i), raw.posIndex(i)]);
  return out;
}

test('packed tokens equal readDoc’s, text after text, repeated and in new orders', () => {
  const nlp = winkNLP(model, ['pos']);
  const fast = createFastTagger();
  assert.ok(fast, 'wink internals as expected');
  const long = texts.join(' ').repeat(20);
  const sequence = [...texts, ...texts.slice().reverse(), long, ...texts];
  for (const text of sequence) {
    const expected = rawDocument(nlp.readDoc(text));
    assert.ok(expected);
    const got = fast.read(text);
    assert.deepEqual(packed(got), packed(expected), text.slice(0, 60));
    assert.equal(got.learnedWords, expected.learnedWords);
  }
});

test('a word wink learns changes later tokens the same way on both paths', () => {
  // wink splits "Mosul’s" in two until it has kept "Mosul’s" whole from another chunk ("Mosul’s,"
  // here); from then on it finds "Mosul’s" in its lexicon and keeps it whole. Tokens depend on what
  // was read before, which is why the fast path must share wink's own growing lexicon.
  const nlp = winkNLP(model, ['pos']);
  const fast = createFastTagger();
  assert.ok(fast);
  const counts: number[] = [];
  for (const text of ['Mosul’s', 'Mosul’s', 'in Mosul’s,', 'Mosul’s', 'in Mosul’s old city']) {
    const expected = rawDocument(nlp.readDoc(text));
    assert.ok(expected);
    const got = fast.read(text);
    assert.deepEqual(packed(got), packed(expected), text);
    counts.push(got.count);
  }
  assert.deepEqual(counts.slice(0, 2), [2, 2]);
  assert.equal(counts[3], 1, 'kept whole once learned');
});

test('tokens from the stage equal wink’s public API on odd text', () => {
  // Both paths see the same texts in the same order, so their lexicons grow alike.
  for (const text of texts) {
    const tokens = tokenize(text);
    const viaApi = tokenize(text, { lemmas: true }).map(({ lemma: _lemma, ...token }) => token);
    assert.deepEqual(tokens, viaApi, text.slice(0, 60));
    for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  }
});

test('the tagger can be rebuilt many times (wink instances cannot: each re-encodes a model part)', () => {
  const before = tokenize(texts[0]);
  const previous = setMaxLearnedWords(1);
  try {
    const builds = tokenizerBuilds();
    for (let i = 0; i < 22; i++) tokenize(`Witnesses named Qarzaw${i}ani among the dead.`);
    assert.ok(tokenizerBuilds() >= builds + 21);
    assert.deepEqual(tokenize(texts[0]), before);
  } finally {
    setMaxLearnedWords(previous);
  }
});

test('every POS machine of the model runs on our runner, not on the fallback', async () => {
  // A model our runner could not read would fall back to wink's automata silently: same tags, slower.
  const { createRequire } = await import('node:module');
  const { PosMachine } = await import('../../src/text/wink-pos-machine.js');
  const require = createRequire(import.meta.url);
  const machines = (require('wink-eng-lite-web-model') as { pos(): { machines: string[] } }).pos().machines;
  assert.ok(machines.length >= 2);
  for (const json of machines) assert.ok(PosMachine.fromJson(json, 0), 'machine read');
  // A machine with a custom property (which wink would hand to a callback) is refused.
  const withProperty = JSON.parse(machines[0]) as unknown[];
  withProperty[5] = { 3: 'x' };
  assert.equal(PosMachine.fromJson(JSON.stringify(withProperty), 0), null);
});
