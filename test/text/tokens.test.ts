import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../../src/text/tokens.js';

test('every token points at its own text, across contractions, curly quotes and hyphens', () => {
  const text = 'President Ahmed al-Sharaa’s forces won’t enter Kobani, “not now,” he said.\nU.S. officials can\'t confirm $5 million.';
  const tokens = tokenize(text);
  assert.ok(tokens.length > 20);
  for (const t of tokens) assert.equal(text.slice(t.start, t.end), t.text);
  const words = tokens.map((t) => t.text);
  assert.ok(words.includes('Sharaa'));
  assert.ok(words.includes('U.S.'));
});

test('tags proper nouns and gives lemmas', () => {
  const tokens = tokenize('Misty Buswell of the IRC said the fighters were killed.', { lemmas: true });
  const byText = new Map(tokens.map((t) => [t.text, t]));
  assert.equal(byText.get('Buswell')?.pos, 'PROPN');
  assert.equal(byText.get('said')?.lemma, 'say');
  assert.equal(byText.get('.')?.kind, 'punctuation');
});

test('no token crosses a line break and offsets stay ordered', () => {
  const text = 'QAMISHLI, Syria\nKurdish forces\n\nheld the town';
  const tokens = tokenize(text);
  for (let i = 1; i < tokens.length; i++) assert.ok(tokens[i].start >= tokens[i - 1].end);
  for (const t of tokens) assert.ok(!t.text.includes('\n'));
});

test('tokens read from wink’s packed document match its public API, odd spaces included', () => {
  const text =
    'Gen.\u00a0Joseph Votel said:\tthe U.S.-led coalition can\'t\u2009stay.  "We won\'t," he added\r\n' +
    '  — 1,200 troops ($3.5bn) left Raqqa 12km away…\n\n\u00a0\u00a0Mosul’s #ISIS @user e-mail ok.';
  const fast = tokenize(text);
  const viaApi = tokenize(text, { lemmas: true }).map(({ lemma: _lemma, ...token }) => token);
  assert.deepEqual(fast, viaApi);
  for (const t of fast) assert.equal(text.slice(t.start, t.end), t.text);
});

test('lexeme numbers: one per token, the same number for the same spelling, none for other lists', async () => {
  const { tokenLexemes } = await import('../../src/text/tokens.js');
  const tokens = tokenize('Rebels shelled Idlib. Rebels said Idlib fell, and rebels fled.');
  const lexemes = tokenLexemes(tokens);
  assert.ok(lexemes);
  assert.equal(lexemes.ids.length, tokens.length);
  const idOf = new Map<string, number>();
  tokens.forEach((t, i) => {
    const known = idOf.get(t.text);
    if (known !== undefined) assert.equal(lexemes.ids[i], known, t.text);
    idOf.set(t.text, lexemes.ids[i]);
  });
  assert.notEqual(idOf.get('Rebels'), idOf.get('rebels'), 'spellings differ by case');
  assert.equal(tokenLexemes([...tokens]), undefined);
  const again = tokenLexemes(tokenize('Rebels fled Idlib.'));
  if (again?.generation === lexemes.generation) assert.equal(again.ids[0], idOf.get('Rebels'));
});
