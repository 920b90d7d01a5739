import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { segmentPage } from '../../src/ingest/segment.js';

const page = readFileSync(new URL('../fixtures/ingest/glued-page.txt', import.meta.url), 'utf8');
const articles = segmentPage(page, { path: 'glued-page.txt', published: '2023-07-13' });

test('splits a glued page into its three stories', () => {
  assert.equal(articles.length, 3);
  assert.deepEqual(
    articles.map((a) => a.title),
    [
      'Iraqi forces detain 12 IS suspects near Mosul',
      'Kirkuk protesters block highway over power cuts',
      'Drought pushes herders off their land in Anbar',
    ],
  );
});

test('gives a headline that follows its body back to that body, with its bullets', () => {
  const [mosul] = articles;
  assert.ok(mosul.text.startsWith('Iraqi security forces arrested 12'));
  assert.deepEqual(mosul.highlights, ['Dawn raid targets farmhouses near Badush', 'Suspects wanted for checkpoint attacks']);
});

test('reads datelines with a colon or a dash and removes them from the body', () => {
  assert.equal(articles[0].dateline, 'MOSUL, Iraq');
  assert.equal(articles[1].dateline, 'KIRKUK, Iraq');
  assert.equal(articles[2].dateline, null);
  assert.ok(articles[1].text.startsWith('Hundreds of residents blocked'));
});

test('drops duplicated bullets and repeated headlines', () => {
  const kirkuk = articles[1];
  assert.deepEqual(kirkuk.highlights, ['Hundreds block the Kirkuk-Baghdad road', 'Police fire tear gas']);
  for (const article of articles) {
    const lines = article.text.split('\n').filter(Boolean);
    assert.equal(new Set(lines).size, lines.length, 'no paragraph appears twice');
    assert.ok(!article.text.includes(article.title!), 'the headline is not part of the body');
  }
});

test('keeps an all-caps subhead in the text as a subhead span, not as body', () => {
  const kirkuk = articles[1];
  assert.equal(kirkuk.subheads.length, 1);
  const { start, end } = kirkuk.subheads[0];
  assert.equal(kirkuk.text.slice(start, end), '‘NO MORE PROMISES’');
});

test('drops page furniture and keeps curly quotes as they are', () => {
  assert.ok(!articles[0].text.includes('Advertisement'));
  assert.ok(articles[1].text.includes('“We have waited three summers'));
});

test('points each article back to its lines in the input', () => {
  const [mosul, kirkuk, anbar] = articles;
  assert.equal(mosul.source.start, 0);
  assert.ok(page.slice(mosul.source.start, mosul.source.end).endsWith('Suspects wanted for checkpoint attacks'));
  assert.ok(page.slice(kirkuk.source.start, kirkuk.source.end).startsWith('Kirkuk protesters block highway'));
  assert.ok(page.slice(anbar.source.start, anbar.source.end).trimEnd().endsWith('the Norwegian Refugee Council said.'));
  assert.equal(anbar.source.end, page.trimEnd().length, 'trailing blank lines are not part of the article');
});

test('a single story with a headline above it is one article', () => {
  const single = segmentPage('Floods hit northern Yemen camps\n\nHeavy rain flooded tents in Marib on Sunday, the UN said.\nAid groups said 200 families lost shelter.\n', { path: 's.txt' });
  assert.equal(single.length, 1);
  assert.equal(single[0].title, 'Floods hit northern Yemen camps');
  assert.equal(single[0].text, 'Heavy rain flooded tents in Marib on Sunday, the UN said.\n\nAid groups said 200 families lost shelter.');
});

test('a bullet list inside a story stays in the story', () => {
  const text = 'Officials listed the damage after the storm in Aden on Monday.\n- 40 houses destroyed\n- two bridges closed\nRepairs will take months, they said.\n';
  const result = segmentPage(text, { path: 'list.txt' });
  assert.equal(result.length, 1);
  assert.ok(result[0].text.includes('40 houses destroyed'));
  assert.ok(result[0].text.endsWith('Repairs will take months, they said.'));
});

test('a page with no body text gives no article', () => {
  assert.deepEqual(segmentPage('\n\nAdvertisement\n\n', { path: 'empty.txt' }), []);
});

test('a JSONL-style single record of one unpunctuated line is still an article', () => {
  const [draft] = segmentPage('Gunmen kill five herders near Gao', { path: 'r.jsonl', single: true, title: 'Mali attack' });
  assert.equal(draft.text, 'Gunmen kill five herders near Gao');
  assert.equal(draft.title, 'Mali attack');
});
