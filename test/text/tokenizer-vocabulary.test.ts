/**
 * wink keeps every new spelling it meets; the tokens stage drops a wink instance that has learned too
 * many and starts a fresh one. The tokens and tags must not change across that rebuild.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { setMaxLearnedWords, tokenize, tokenizerBuilds } from '../../src/text/tokens.js';

// Written for this test: transliterated names wink's lexicon does not know.
const report =
  'DEIR EZZOR, Syria: Fighters loyal to Abu Khawla al-Dulaimi clashed with Hayat Tahrir al-Sham near Hajin and Susah on Tuesday, killing 14, the Deir Ezzor 24 network said.';
const newNames = Array.from({ length: 40 }, (_, i) => `Qaraqosh${i}ani`).join(', ');

test('a wink instance that learned too many words is replaced, and tokens stay the same', () => {
  const before = tokenize(report);
  const previous = setMaxLearnedWords(20);
  try {
    const builds = tokenizerBuilds();
    tokenize(`Witnesses named ${newNames} among the dead.`);
    tokenize(report); // the first text after the bound gets a fresh instance
    assert.equal(tokenizerBuilds(), builds + 1);
    assert.deepEqual(tokenize(report), before);
  } finally {
    setMaxLearnedWords(previous);
  }
  const names = before.filter((t) => t.pos === 'PROPN').map((t) => t.text);
  assert.ok(names.includes('Dulaimi') || names.includes('al-Dulaimi'), `proper nouns: ${names.join(' ')}`);
});
