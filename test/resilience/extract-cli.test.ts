/**
 * Hostile inputs through the real `sitrep extract`, as a user would hit them: one line per bad input
 * on stderr naming the file and the problem, exit code 2, no stack trace, and the good inputs of the
 * same batch still extracted. Every run is bounded by a timeout.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Article } from '../../src/model/types.js';
import {
  hostileDir,
  longUnpunctuatedLine,
  pathologicalText,
  writeDeepHtml,
  writeEmpty,
  writeJsonlWithMalformedLine,
  writeLargeText,
  writeLatin1,
  writeNoiseBinary,
  writePngNamedTxt,
} from '../fixtures/resilience/hostile-inputs.js';
import { assertSpansInside } from '../property/span-checks.js';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const dir = hostileDir();
test.after(() => rmSync(dir, { recursive: true, force: true }));

function extract(args: string[], timeoutMs: number) {
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'extract', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 512 * 1024 * 1024,
  });
  assert.equal(result.signal, null, `extract did not finish within ${timeoutMs} ms`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, ms: performance.now() - started };
}

const GOOD_STORY =
  'KIDAL, Mali (AFP) - Armed men attacked a convoy on the road north of Kidal on Saturday, killing four ' +
  'soldiers, the army said in a statement.\n\nThe convoy was carrying fuel to a base near Tessalit, a local official said.\n';

test('a folder of hostile files: each bad file is one clear line, the good ones are extracted, exit code 2', () => {
  const folder = join(dir, 'batch');
  mkdirSync(folder);
  writeEmpty(folder);
  writePngNamedTxt(folder);
  writeNoiseBinary(folder);
  writeLatin1(folder);
  writeLargeText(folder, 50);
  writeDeepHtml(folder, 100_000);
  writeJsonlWithMalformedLine(folder);
  writeFileSync(join(folder, 'good.txt'), GOOD_STORY);

  const { status, stdout, stderr } = extract([folder, '--published', '2024-02-13'], 180_000);
  assert.equal(status, 2, stderr);
  assert.doesNotMatch(stderr, /^\s+at /m, 'no stack trace');
  assert.doesNotMatch(stderr, /internal error/);
  const lines = stderr.trim().split('\n');
  const expectLine = (file: string, problem: RegExp) =>
    assert.ok(lines.some((l) => l.startsWith(`sitrep: ${join(folder, file)}: `) && problem.test(l)), `${file}: ${problem} in\n${stderr}`);
  expectLine('empty.txt', /empty file/);
  expectLine('photo.txt', /binary file \(PNG image\)/);
  expectLine('dump.txt', /binary file/);
  expectLine('latin1.txt', /invalid UTF-8 at byte 38/);
  expectLine('huge.txt', /50\.0 MB, above the 20\.0 MB limit/);
  expectLine('batch.jsonl', /line 2: malformed JSON/);
  assert.equal(lines.length, 6, stderr);

  const { articles } = JSON.parse(stdout) as { articles: Article[] };
  const titles = articles.map((a) => a.title);
  assert.ok(titles.includes('Clashes in Taiz') && titles.includes('Market reopens'), titles.join(' | '));
  assert.ok(titles.includes('Shelling near Goma'), 'the deeply nested page is read');
  assert.ok(articles.some((a) => a.dateline === 'KIDAL, Mali'), 'the good text file is read');
  for (const article of articles) assertSpansInside(article);
});

test('a 1 MB line with no punctuation through extract finishes in bounded time', () => {
  const path = join(dir, 'one-line.txt');
  writeFileSync(path, longUnpunctuatedLine(1024 * 1024));
  const { status, stdout, stderr } = extract([path, '--published', '2024-02-13', '--format', 'jsonl'], 180_000);
  assert.equal(status, 0, stderr);
  const articles = stdout.trim().split('\n').map((line) => JSON.parse(line) as Article);
  assert.equal(articles.length, 1);
  assertSpansInside(articles[0]);
});

test('pathological regex input through extract finishes in bounded time with valid spans', () => {
  const path = join(dir, 'pathological.txt');
  writeFileSync(path, pathologicalText(96 * 1024));
  const { status, stdout, stderr } = extract([path, '--published', '2024-02-13'], 120_000);
  assert.equal(status, 0, stderr);
  const { articles } = JSON.parse(stdout) as { articles: Article[] };
  assert.ok(articles.length >= 1);
  for (const article of articles) assertSpansInside(article);
});
