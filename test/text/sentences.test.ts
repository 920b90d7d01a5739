import { test } from 'node:test';
import assert from 'node:assert/strict';
import { splitSentences } from '../../src/text/sentences.js';

function sentences(text: string, skip = [] as { start: number; end: number }[]) {
  return splitSentences(text, skip).map((s) => text.slice(s.start, s.end));
}

test('splits after a quote that closes a sentence', () => {
  assert.deepEqual(sentences('“This is our land,” said Karim Aziz, 31. “We will stay.” Others left.'), [
    '“This is our land,” said Karim Aziz, 31.',
    '“We will stay.”',
    'Others left.',
  ]);
});

test('does not split after titles, initials and dotted abbreviations', () => {
  assert.deepEqual(sentences('Gen. Hassan met U.S. envoy John K. Miller on Monday. Talks ended.'), [
    'Gen. Hassan met U.S. envoy John K. Miller on Monday.',
    'Talks ended.',
  ]);
});

test('an ellipsis inside a quotation does not end the sentence', () => {
  assert.deepEqual(sentences('“The solution ... is autonomy,” he said.'), ['“The solution ... is autonomy,” he said.']);
});

test('paragraph breaks end sentences and subheads are skipped', () => {
  const text = 'Shelling resumed at dawn\n\nNO END IN SIGHT\n\nResidents fled south.';
  const subhead = { start: text.indexOf('NO END'), end: text.indexOf('NO END') + 'NO END IN SIGHT'.length };
  assert.deepEqual(sentences(text, [subhead]), ['Shelling resumed at dawn', 'Residents fled south.']);
});

test('a run of text with no sentence punctuation is cut into bounded pieces at spaces', () => {
  const text = Array.from({ length: 600 }, (_, i) => `Word${i}`).join(' ');
  const spans = splitSentences(text);
  assert.ok(spans.length >= 4);
  for (const span of spans) {
    assert.ok(span.end - span.start <= 1000);
    assert.notEqual(text[span.start], ' ');
  }
  assert.equal(spans[0].start, 0);
  assert.equal(spans[spans.length - 1].end, text.length);
});
