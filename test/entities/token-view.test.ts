import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/text/tokens.js';
import { splitSentences } from '../../src/text/sentences.js';
import { tokenKey } from '../../src/entities/phrase-matcher.js';
import { acronymKey } from '../../src/entities/name-key.js';
import { buildTokenView, tokenEndingAt, tokenStartingAt } from '../../src/entities/segments.js';
import type { Doc } from '../../src/model/types.js';

const TEXT =
  'Mazloum Abdi, the SDF commander, met Hassib and all Al-Qaeda defectors in Deir ez-Zor.\n' +
  'AL-BAB ATTACK KILLS 12\nThe U.S.-led coalition said 2000 fighters and Kurdish forces were there.';

function view() {
  const doc = { text: TEXT, tokens: tokenize(TEXT), sentences: splitSentences(TEXT) } as unknown as Doc;
  return buildTokenView(doc);
}

test('token keys computed for plain words equal the memoised tokenKey of every token', () => {
  const v = view();
  v.tokens.forEach((t, i) => assert.equal(v.keys[i], tokenKey(t.text), t.text));
  assert.equal(v.keys[v.lower.indexOf('hassib')], 'hasib');
  assert.equal(v.keys[v.lower.indexOf('all')], '', '"all" folds to the article "al", stepped over');
});

test('capitals, shouting lines and token lookups by offset', () => {
  const v = view();
  const shouting = v.tokens.findIndex((t) => t.text === 'ATTACK');
  assert.ok(v.shouting[shouting]);
  assert.ok(!v.shouting[0]);
  assert.ok(v.cap[0] && !v.cap[v.lower.indexOf('and')]);
  v.tokens.forEach((t, i) => {
    assert.equal(tokenStartingAt(v, t.start), i);
    assert.equal(tokenEndingAt(v, t.end), i);
  });
  assert.equal(tokenStartingAt(v, v.tokens[0].start + 1), -1);
});

test('acronym keys: short capitals only', () => {
  assert.equal(acronymKey('SDF'), 'SDF');
  assert.equal(acronymKey('U.S.'), 'US');
  assert.equal(acronymKey('Syria'), null);
  assert.equal(acronymKey('S'), 'S');
  assert.equal(acronymKey('ISIL-K'), 'ISIL-K');
  assert.equal(acronymKey('ABCDEFG'), null);
});

test('the view is the same whether words are remembered by wink lexeme or by text', () => {
  const tokens = tokenize(TEXT);
  const byLexeme = buildTokenView({ text: TEXT, tokens, sentences: splitSentences(TEXT) } as unknown as Doc);
  // a copy of the list carries no lexeme numbers: every word is looked up by its text
  const byText = buildTokenView({ text: TEXT, tokens: [...tokens], sentences: splitSentences(TEXT) } as unknown as Doc);
  assert.deepEqual({ ...byLexeme, tokens: null }, { ...byText, tokens: null });
  // a second article with the same words reads them from the lexeme memo
  const again = buildTokenView({ text: TEXT, tokens: tokenize(TEXT), sentences: splitSentences(TEXT) } as unknown as Doc);
  assert.deepEqual(again.keys, byText.keys);
  assert.deepEqual(again.lower, byText.lower);
});
