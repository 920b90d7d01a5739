import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflections } from '../../src/events/inflect.js';
import { eventLexicons } from '../../src/events/lexicons.js';
import { compilePattern, PatternIndex } from '../../src/events/patterns.js';
import { tokenizeWords } from '../../src/events/words.js';

const lex = eventLexicons();
const inflect = (b: string) => inflections(b, new Map([['seize', []], ['shoot', ['shot']]]));

function matches(pattern: string, sentence: string): string[] {
  const index = new PatternIndex([compilePattern(pattern, 'x', lex.classes, inflect, 'test')], lex.numbers);
  const words = tokenizeWords(sentence);
  return index.matchAll(words).map((m) => words.slice(m.from, m.to).map((w) => w.text).join(' '));
}

test('word+ inflects verbs and nouns: seize/seized/seizing, strike/strikes, drop/dropped', () => {
  assert.deepEqual(new Set(inflect('seize')), new Set(['seize', 'seizes', 'seized', 'seizing']));
  assert.ok(inflect('drop').includes('dropped'));
  assert.ok(inflect('raid').includes('raided') && inflect('raid').includes('raids'));
  assert.ok(inflect('clash').includes('clashes'));
  assert.ok(inflect('shoot').includes('shot'));
});

test('a gap allows a few words between tokens, and no more', () => {
  assert.deepEqual(matches('seize+ ~3 weapons', 'Police seized dozens of illegal weapons on Friday'), ['seized dozens of illegal weapons']);
  assert.deepEqual(matches('seize+ ~1 weapons', 'Police seized dozens of illegal weapons on Friday'), []);
});

test('hyphenated words read like spaced ones: "cease-fire" matches "cease fire"', () => {
  assert.deepEqual(matches('cease fire+', 'A cease-fire took hold.'), ['cease fire']);
});

test('!word refuses the next word: "riot" but not "riot police"', () => {
  assert.deepEqual(matches('riot+ !police', 'Riot police fired tear gas.'), []);
  assert.deepEqual(matches('riot+ !police', 'The riots spread to the port.'), ['riots']);
});

test('@NUM reads figures, words and vague counts', () => {
  assert.deepEqual(matches('@NUM ~2 killed', 'At least 14 people were killed'), ['At least 14 people were killed', '14 people were killed']);
  assert.deepEqual(matches('@NUM killed', 'Dozens killed in raid'), ['Dozens killed']);
});

test('=Word matches only that case: "IS" the group, not the verb', () => {
  assert.deepEqual(matches('=IS fighters', 'IS fighters attacked'), ['IS fighters']);
  assert.deepEqual(matches('=IS fighters', 'is fighters'), []);
});

test('a malformed pattern names its file and line', () => {
  assert.throws(() => compilePattern('~2 killed', 'x', lex.classes, inflect, 'data/events/x.tsv:7'), /x\.tsv:7/);
  assert.throws(() => compilePattern('@NOSUCH killed', 'x', lex.classes, inflect, 'data/events/x.tsv:8'), /unknown word class/);
});

test('words: offsets, lower case, one id per spelling, "didn\'t" split, possessives read as the noun', () => {
  const sentence = 'Turkey’s army didn\'t stop; the ARMY, the army and Shi’ite fighters near Aleppo’s 7,000-strong garrison.';
  const words = tokenizeWords(sentence, 10);
  for (const w of words) assert.ok(sentence.slice(w.start - 10, w.end - 10).startsWith(w.text), w.text);
  assert.deepEqual(
    words.map((w) => w.text),
    ['Turkey', 'army', 'did', "n't", 'stop', 'the', 'ARMY', 'the', 'army', 'and', 'Shi’ite', 'fighters', 'near', 'Aleppo', '7,000', 'strong', 'garrison'],
  );
  const armies = words.filter((w) => w.lower === 'army');
  assert.equal(armies.length, 3);
  assert.equal(armies[0].id, armies[2].id, 'the same spelling is the same word');
  assert.notEqual(armies[0].id, armies[1].id, 'another spelling is another word');
  assert.equal(words.find((w) => w.text === 'Shi’ite')?.lower, 'shi’ite');
});

test('words with letters beyond ASCII read whole: "Dayr az-Zawr", "Rāqqa", "Kyïv"', () => {
  assert.deepEqual(tokenizeWords('Rāqqa and Kyïv, Dayr az-Zawr').map((w) => w.text), ['Rāqqa', 'and', 'Kyïv', 'Dayr', 'az', 'Zawr']);
});

test('a pattern is tried only where the sentence holds its later words, wherever they stand', () => {
  // the needed word before the start word is no match; after it, within the gap, it is
  assert.deepEqual(matches('@NUM ~3 killed', 'Those killed numbered 12 in all'), []);
  assert.deepEqual(matches('@NUM ~3 killed', 'Those killed numbered 12 and 3 more were killed'), ['3 more were killed']);
  // exact-case, prefix and inflected later tokens count as held
  assert.deepEqual(matches('the =Army', 'the army and the Army'), ['the Army']);
  assert.deepEqual(matches('mass evacuat*', 'a mass evacuation began'), ['mass evacuation']);
  assert.deepEqual(matches('troops seize+ ~2 town', 'troops seizing the town'), ['troops seizing the town']);
  // an index of several patterns keeps the ones whose words are there, in order of position
  const index = new PatternIndex(
    ['drone strike+', 'drone ~2 hit+', 'air raid+'].map((p) => compilePattern(p, p, lex.classes, inflect, 'test')),
    lex.numbers,
  );
  const words = tokenizeWords('A drone hit a depot after an air raid');
  assert.deepEqual(index.matchAll(words).map((m) => m.pattern.payload), ['drone ~2 hit+', 'air raid+']);
});

test('words read in place from a range equal the words of the range cut out, borders included', async () => {
  const { tokenizeWordsIn } = await import('../../src/events/words.js');
  // borders that cut a number ("7,000"), an apostrophe word, a surrogate pair and a run of letters
  const text = 'Rebels didn’t take 7,000 homes; Turkey’s army 𝐀b fled Kyïv, 12.5 km away.';
  for (let from = 0; from <= text.length; from++) {
    for (let to = from; to <= text.length; to++) {
      const inPlace = tokenizeWordsIn(text, from, to);
      const cut = tokenizeWords(text.slice(from, to), from);
      assert.deepEqual(
        inPlace.map((w) => [w.text, w.lower, w.start, w.end]),
        cut.map((w) => [w.text, w.lower, w.start, w.end]),
        `[${from}, ${to})`,
      );
    }
  }
});
