import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ExtractOutputSchema } from '../../src/model/article-schema.js';
import type { Article } from '../../src/model/types.js';
import { runCli } from './run-cli.js';

const fixture = (name: string) => new URL(`../fixtures/ingest/${name}`, import.meta.url).pathname;
const SAMPLE = new URL('../../../shared/samples/000_ee1e92c17443d293.txt', import.meta.url).pathname;

function assertSpansMatchText(article: Article) {
  const layers = { sentences: article.sentences, subheads: article.subheads, entities: article.entities, places: article.places, dates: article.dates, quantities: article.quantities };
  for (const [name, spans] of Object.entries(layers)) {
    for (const span of spans as Array<{ start: number; end: number; text?: string }>) {
      assert.ok(span.start >= 0 && span.start <= span.end && span.end <= article.text.length, `${name} span inside the text`);
      if (span.text !== undefined) assert.equal(article.text.slice(span.start, span.end), span.text, `${name} text matches offsets`);
    }
  }
  for (const event of [...article.events, ...article.context]) {
    assert.equal(article.text.slice(event.evidence.start, event.evidence.end), event.evidence.text);
  }
}

test('extract: text, HTML and JSONL in, one document out that satisfies the JSON contract', () => {
  const { status, stdout, stderr } = runCli(['extract', fixture('glued-page.txt'), fixture('market-attack.html'), '--published', '2023-07-13']);
  assert.equal(status, 0, stderr);
  const output = ExtractOutputSchema.parse(JSON.parse(stdout));
  assert.equal(output.articles.length, 4);
  for (const article of output.articles as Article[]) assertSpansMatchText(article);
  const [mosul] = output.articles;
  assert.equal(mosul.published, '2023-07-13');
  const tuesday = mosul.dates.find((d) => d.text.includes('Tuesday'));
  assert.equal(tuesday?.value, '2023-07-11');
  assert.ok(mosul.quantities.some((q) => q.value === 12 && q.text.startsWith('12')));
  assert.ok(mosul.sentences.length >= 4);
});

test('extract --format jsonl reads stdin with -', () => {
  const text = readFileSync(fixture('glued-page.txt'), 'utf8');
  const { status, stdout } = runCli(['extract', '-', '--format', 'jsonl'], text);
  assert.equal(status, 0);
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 3);
  const first = JSON.parse(lines[0]);
  assert.equal(first.source.path, 'stdin');
  assert.equal(first.published, null);
  assert.equal(first.dates.find((d: { text: string }) => d.text.includes('Tuesday')).value, null, 'no publication date: no silent today');
});

test('bad inputs: one line each naming the file, exit code 2, the good file still extracted', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-bad-'));
  writeFileSync(join(dir, 'a-empty.txt'), '');
  writeFileSync(join(dir, 'b-binary.bin'), new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 1, 2]));
  writeFileSync(join(dir, 'c-latin1.txt'), new Uint8Array([0x47, 0x61, 0x7a, 0x61, 0xa0, 0x0a]));
  symlinkSync(join(dir, 'gone.txt'), join(dir, 'd-unreadable.txt'));
  copyFileSync(fixture('glued-page.txt'), join(dir, 'e-good.txt'));
  const { status, stdout, stderr } = runCli(['extract', dir, '--format', 'jsonl']);
  assert.equal(status, 2);
  const errors = stderr.trim().split('\n');
  assert.equal(errors.length, 4, stderr);
  assert.match(errors.find((l) => l.includes('a-empty.txt'))!, /^sitrep: .*a-empty\.txt: empty file$/);
  assert.match(errors.find((l) => l.includes('b-binary.bin'))!, /binary file \(ZIP/);
  assert.match(errors.find((l) => l.includes('c-latin1.txt'))!, /invalid UTF-8 at byte 4/);
  assert.match(errors.find((l) => l.includes('d-unreadable.txt'))!, /no such file/);
  assert.ok(!stderr.includes('    at '), 'no stack trace');
  assert.equal(stdout.trim().split('\n').length, 3, 'the good page still gives its three articles');
});

test('a bad option is a one-line error with exit code 2', () => {
  const { status, stderr } = runCli(['extract', fixture('glued-page.txt'), '--published', '2019-02-30']);
  assert.equal(status, 2);
  assert.match(stderr, /must be a date as YYYY-MM-DD.*"2019-02-30" is not/);
  assert.ok(stderr.trim().split('\n').length <= 2);
});

test('-o writes the document atomically to a file', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-out-'));
  const out = join(dir, 'out.json');
  const { status } = runCli(['extract', fixture('feed.rss'), '-o', out]);
  assert.equal(status, 0);
  assert.equal(ExtractOutputSchema.parse(JSON.parse(readFileSync(out, 'utf8'))).articles.length, 1);
});

test('the shared sample page: two articles, their titles and datelines, no repeated lines', { skip: !existsSync(SAMPLE) && 'shared sample not present' }, () => {
  const { status, stdout } = runCli(['extract', SAMPLE, '--published', '2019-03-07']);
  assert.equal(status, 0);
  const { articles } = ExtractOutputSchema.parse(JSON.parse(stdout));
  assert.equal(articles.length, 2);
  assert.deepEqual(articles.map((a) => a.title), ['Syria force braces for new outflux from last Daesh village', 'Syrian Kurdish enclave on alert amid shaky ceasefire']);
  assert.deepEqual(articles.map((a) => a.dateline), ['NEAR BAGHOUZ, Syria', 'QAMISHLI, Syria']);
  assert.equal(articles[0].highlights.length, 2);
  assert.equal(articles[1].highlights.length, 2);
  assert.equal(articles[1].subheads.length, 2);
  for (const article of articles as Article[]) {
    const paragraphs = article.text.split('\n').filter(Boolean);
    assert.equal(new Set(paragraphs).size, paragraphs.length);
    assert.ok(!article.text.includes(article.title!));
    assertSpansMatchText(article);
  }
});

test('-o into a folder that does not exist: said before any input is read, nothing written', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-out-'));
  const out = join(dir, 'missing', 'out.json');
  const { status, stderr } = runCli(['extract', fixture('feed.rss'), '-o', out]);
  assert.equal(status, 2);
  assert.match(stderr, /^sitrep: .*missing\/out\.json: cannot write the output there \(ENOENT/);
  assert.ok(!stderr.includes('    at '), 'no stack trace');
  assert.ok(!existsSync(join(dir, 'missing')));
});

test('a JSONL input longer than one stage group: every article written, in input order, in both formats', () => {
  // Written for this test: 45 short reports (more than two groups of 20), each with its own town and count.
  const towns = ['Kupiansk', 'Konduga', 'Atarib', 'Bakhmut', 'Gao', 'Mopti', 'Beni', 'Kidal', 'Dori'];
  const lines = Array.from({ length: 45 }, (_, i) => {
    const town = towns[i % towns.length]!;
    const text = `${town}: Gunmen killed ${i + 2} villagers near ${town} on Monday, a local official said. Report number ${i + 1}.`;
    return JSON.stringify({ title: `Report ${i + 1} from ${town}`, text, published: '2024-05-08' });
  });
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-cli-long-'));
  const input = join(dir, 'reports.jsonl');
  writeFileSync(input, lines.join('\n') + '\n');
  const json = runCli(['extract', input, '-o', join(dir, 'out.json')]);
  assert.equal(json.status, 0, json.stderr);
  const document = JSON.parse(readFileSync(join(dir, 'out.json'), 'utf8'));
  ExtractOutputSchema.parse(document);
  const articles = document.articles as Article[];
  assert.deepEqual(articles.map((a) => a.title), lines.map((line) => JSON.parse(line).title));
  const jsonl = runCli(['extract', input, '--format', 'jsonl']);
  assert.equal(jsonl.status, 0, jsonl.stderr);
  const rows = jsonl.stdout.trim().split('\n').map((line) => JSON.parse(line) as Article);
  assert.deepEqual(rows, articles, 'the same articles in JSON lines');
  // Not vacuous: the 45th report is coded with its own count.
  assert.ok(rows[44]!.quantities.some((q) => q.value === 46));
});
