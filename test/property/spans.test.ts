/**
 * Property: whatever the input (random strings, news articles mangled by scraper-like damage, through
 * the segmenter or through files in each format), every span of every layer lies inside the article
 * text and text.slice(start, end) equals the span's text. On failure fast-check prints the seed and the
 * shrunk input that breaks the contract.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { generateCorpus } from '../../bench/corpus/generate.js';
import { readInput } from '../../src/ingest/read.js';
import { segmentPage } from '../../src/ingest/segment.js';
import { createDoc, type ArticleDraft } from '../../src/model/doc.js';
import { createPipeline } from '../../src/pipeline.js';
import { assertSpansInside } from './span-checks.js';

const pipeline = createPipeline();
const RUNS = 40;
const articles = generateCorpus({ articles: 24, seed: 11 }).map((a) => a.text);
const dir = mkdtempSync(join(tmpdir(), 'sitrep-property-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

/** Damage scrapers and encoders do: invisible characters, odd line breaks, combining marks, astral chars. */
const NASTY = [
  '\u200b', '\u00a0', '\ufeff', '\u00ad', '\u202e', '\r\n', '\r', '\n\n', '\t', '   ', 'e\u0301', '😀', '🇸🇾',
  '\ud800', '“', '”', '—', '…', '...', 'U.S.', 'al-', 'Al-', '1,000', '3 March', 'Tuesday', '(AFP) - ', 'KOBANI, Syria: ',
  '- ', 'Daesh', 'Deir ez-Zor', '2,5', '10-12', '\u0007', '<p>', '&amp;',
];

type Edit = { at: number; kind: 'insert'; piece: string } | { at: number; kind: 'delete' | 'duplicate' | 'upper'; length: number };

const editArb: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ at: fc.nat(), kind: fc.constant('insert' as const), piece: fc.oneof(fc.constantFrom(...NASTY), fc.string({ unit: 'binary', maxLength: 8 })) }),
  fc.record({ at: fc.nat(), kind: fc.constantFrom('delete' as const, 'duplicate' as const, 'upper' as const), length: fc.integer({ min: 1, max: 400 }) }),
);

function applyEdits(text: string, edits: Edit[]): string {
  let out = text;
  for (const edit of edits) {
    const at = out.length ? edit.at % out.length : 0;
    if (edit.kind === 'insert') out = out.slice(0, at) + edit.piece + out.slice(at);
    else if (edit.kind === 'delete') out = out.slice(0, at) + out.slice(at + edit.length);
    else if (edit.kind === 'duplicate') out = out.slice(0, at + edit.length) + out.slice(at, at + edit.length) + out.slice(at + edit.length);
    else out = out.slice(0, at) + out.slice(at, at + edit.length).toUpperCase() + out.slice(at + edit.length);
  }
  return out;
}

const mangledArticle = fc
  .tuple(fc.nat({ max: articles.length - 1 }), fc.array(editArb, { maxLength: 12 }))
  .map(([index, edits]) => applyEdits(articles[index], edits));

const randomText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 3000 }),
  fc.string({ unit: 'grapheme', maxLength: 1500 }),
  fc.string({ unit: 'binary-ascii', maxLength: 3000 }),
  // Word-like soup: capitals, numbers and punctuation in random order.
  fc.array(fc.constantFrom('Aleppo', 'al-Assad', 'killed', '12', '1,500', 'on', 'Monday', '.', ',', '"', '\n', 'IS', 'SDF', 'March'), { maxLength: 400 }).map((w) => w.join(' ')),
);

/** Spans checked per layer over a whole property run: proof the property saw real layers, not empty ones. */
const seen: Record<string, number> = {};
function tally(checked: Record<string, number>): void {
  for (const [layer, n] of Object.entries(checked)) seen[layer] = (seen[layer] ?? 0) + n;
}

function processAll(drafts: ArticleDraft[], pageLength: number): void {
  for (const draft of drafts) {
    assert.ok(draft.source.start >= 0 && draft.source.start <= draft.source.end && draft.source.end <= pageLength, 'source offsets inside the input');
    tally(assertSpansInside(pipeline.process(draft)));
  }
}

test('random strings through segmentPage and every stage keep spans inside the text', () => {
  fc.assert(
    fc.property(randomText, (page) => processAll(segmentPage(page, { path: 'random.txt', published: '2024-05-02' }), page.length)),
    { numRuns: RUNS },
  );
});

test('mangled news articles through segmentPage and every stage keep spans on their words', () => {
  fc.assert(
    fc.property(mangledArticle, (page) => processAll(segmentPage(page, { path: 'mangled.txt', published: '2019-03-07' }), page.length)),
    { numRuns: RUNS },
  );
  for (const layer of ['sentences', 'entities', 'places', 'dates', 'quantities']) {
    assert.ok((seen[layer] ?? 0) > RUNS, `the mangled articles produced ${seen[layer] ?? 0} ${layer} spans to check`);
  }
});

test('the token layer (not in the output) keeps its offsets too, on mangled articles', () => {
  fc.assert(
    fc.property(mangledArticle, (page) => {
      for (const draft of segmentPage(page, { path: 'tokens.txt', published: '2022-11-20' })) {
        const doc = createDoc(draft);
        for (const stage of pipeline.stages) stage.run(doc, pipeline.ctx);
        assertSpansInside(doc);
      }
    }),
    { numRuns: Math.ceil(RUNS / 2) },
  );
});

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

test('mangled articles written as text, JSONL and HTML files are read or refused with a message, never thrown', () => {
  let n = 0;
  fc.assert(
    fc.property(mangledArticle, fc.constantFrom('txt', 'jsonl', 'html'), (text, format) => {
      const path = join(dir, `input-${n++}.${format}`);
      const content =
        format === 'jsonl'
          ? JSON.stringify({ title: 'Mangled', published: '2021-06-01', text }) + '\n'
          : format === 'html'
            ? `<html><head><title>Mangled</title></head><body><article>${text.split('\n').map((p) => `<p>${escapeHtml(p)}</p>`).join('')}</article></body></html>`
            : text;
      writeFileSync(path, content);
      const result = readInput(path);
      if (!result.ok) {
        assert.match(result.error, /\S/);
        return;
      }
      for (const draft of result.drafts) assertSpansInside(pipeline.process(draft));
    }),
    { numRuns: RUNS },
  );
});
