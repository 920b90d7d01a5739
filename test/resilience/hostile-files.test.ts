/**
 * Hostile files through the readers: each is refused or read in bounded time with a message that
 * names the problem, never an exception.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { readInput } from '../../src/ingest/read.js';
import {
  hostileDir,
  writeDeepHtml,
  writeEmpty,
  writeJsonlWithMalformedLine,
  writeLargeText,
  writeLatin1,
  writeNoiseBinary,
  writePngNamedTxt,
} from '../fixtures/resilience/hostile-inputs.js';

const dir = hostileDir();
test.after(() => rmSync(dir, { recursive: true, force: true }));

function refused(path: string): string {
  const result = readInput(path);
  assert.equal(result.ok, false, `${path} should be refused`);
  return result.ok ? '' : result.error;
}

test('an empty file is refused as empty', () => {
  assert.match(refused(writeEmpty(dir)), /^empty file/);
});

test('an image saved with a .txt name is refused as a PNG, whatever its extension', () => {
  assert.match(refused(writePngNamedTxt(dir)), /binary file \(PNG image\)/);
});

test('binary noise without a known signature is refused as binary', () => {
  assert.match(refused(writeNoiseBinary(dir)), /^binary file/);
});

test('a Latin-1 page is refused as invalid UTF-8 with the offset of the first bad byte', () => {
  // "Des manifestants ont " + é: the é of "été" is byte 38.
  assert.match(refused(writeLatin1(dir)), /invalid UTF-8 at byte 38 \(convert the file to UTF-8\)/);
});

test('a 50 MB text file is refused by size before it is read, naming the limit and how to raise it', () => {
  const path = writeLargeText(dir, 50);
  const before = process.memoryUsage().rss;
  const started = performance.now();
  const error = refused(path);
  assert.match(error, /file is 50\.0 MB, above the 20\.0 MB limit \(split it, or raise --max-bytes\)/);
  assert.ok(performance.now() - started < 1000, 'refused from its size, not after reading it');
  assert.ok(process.memoryUsage().rss - before < 40 * 1024 * 1024, 'the file was not loaded into memory');
  rmSync(path);
});

test('a lower --max-bytes refuses a small file too', () => {
  const result = readInput(writeJsonlWithMalformedLine(dir), { maxBytes: 100 });
  assert.equal(result.ok, false);
  assert.match(result.ok ? '' : result.error, /file is \d+ bytes, above the 100 bytes limit/);
});

test('HTML with 100,000 nested elements is read flat in bounded time, keeping the article paragraph', () => {
  const path = writeDeepHtml(dir, 100_000);
  const started = performance.now();
  const result = readInput(path);
  const ms = performance.now() - started;
  assert.ok(ms < 60_000, `read in ${Math.round(ms)} ms`);
  assert.equal(result.ok, true, result.ok ? '' : result.error);
  if (!result.ok) return;
  assert.equal(result.drafts.length, 1);
  assert.match(result.drafts[0].text, /Rebels shelled the outskirts of Goma on Monday/);
  assert.equal(result.drafts[0].title, 'Shelling near Goma');
});

test('JSONL with a truncated record keeps the good records and reports the bad line by number', () => {
  const result = readInput(writeJsonlWithMalformedLine(dir));
  assert.equal(result.ok, true);
  if (!result.ok) return;
  assert.deepEqual(
    result.drafts.map((d) => d.title),
    ['Clashes in Taiz', 'Market reopens'],
  );
  assert.equal(result.problems.length, 1);
  assert.match(result.problems[0], /^line 2: malformed JSON/);
});
