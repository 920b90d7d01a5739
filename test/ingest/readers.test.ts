import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, symlinkSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expandInputs, readInput } from '../../src/ingest/read.js';

const fixture = (name: string) => new URL(`../fixtures/ingest/${name}`, import.meta.url).pathname;

function readOk(path: string, options = {}) {
  const result = readInput(path, options);
  assert.ok(result.ok, `expected ${path} to be readable: ${!result.ok ? result.error : ''}`);
  return result;
}

test('HTML: readability finds the article; list items do not run together; scripts and menus are gone', () => {
  const { drafts } = readOk(fixture('market-attack.html'));
  assert.equal(drafts.length, 1);
  const [article] = drafts;
  assert.equal(article.title, 'Car bomb hits Mogadishu market');
  assert.equal(article.dateline, 'MOGADISHU, Somalia');
  assert.equal(article.published, '2023-11-04');
  assert.equal(article.url, 'https://news.example/africa/mogadishu-market');
  assert.ok(article.text.includes('Medina hospital received 12 wounded\n\nErdogan hospital received nine wounded'));
  assert.ok(!article.text.includes('injected'));
  assert.ok(!article.text.includes('Sport'));
  assert.ok(!article.text.includes('Share this story'));
  const subheads = article.subheads.map((s) => article.text.slice(s.start, s.end));
  assert.deepEqual(subheads, ['Witnesses describe chaos']);
});

test('HTML metadata date wins over --published; --published fills in when the page has none', () => {
  assert.equal(readOk(fixture('market-attack.html'), { published: '2020-01-01' }).drafts[0].published, '2023-11-04');
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-html-'));
  const page = join(dir, 'p.html');
  writeFileSync(page, '<html><body><p>Soldiers clashed with gunmen in the town of Gao on Tuesday, residents said, and at least three people were killed in the fighting near the market.</p></body></html>');
  assert.equal(readOk(page, { published: '2020-01-01' }).drafts[0].published, '2020-01-01');
});

test('JSONL: good lines are read, each bad line is reported with its number', () => {
  const result = readOk(fixture('briefs.jsonl'), { published: '2024-01-01' });
  assert.deepEqual(result.drafts.map((d) => d.title), ['Gunmen abduct students in Nigeria', null]);
  assert.equal(result.drafts[0].published, '2024-03-12');
  assert.equal(result.drafts[0].url, 'https://news.example/ng/kaduna');
  assert.equal(result.drafts[1].published, '2024-01-01', 'an unreadable date falls back to --published');
  assert.equal(result.problems.length, 3);
  assert.match(result.problems[0], /^line 2: malformed JSON/);
  assert.match(result.problems[1], /^line 3: text: /);
  assert.match(result.problems[2], /^line 4: published "not a date" is not a date/);
});

test('RSS: each item is a story with its title, link and date', () => {
  const { drafts } = readOk(fixture('feed.rss'));
  assert.equal(drafts.length, 1);
  assert.equal(drafts[0].title, 'Clashes in Tripoli suburb');
  assert.equal(drafts[0].published, '2023-08-14');
  assert.equal(drafts[0].dateline, 'TRIPOLI, Libya');
  assert.equal(drafts[0].url, 'https://news.example/libya/tripoli');
});

test('bad inputs are values naming the problem', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-bad-'));
  const write = (name: string, bytes: Uint8Array | string) => {
    writeFileSync(join(dir, name), bytes);
    return join(dir, name);
  };
  const cases: Array<[string, RegExp]> = [
    [write('empty.txt', ''), /^empty file$/],
    [write('blank.txt', '\n \n\t\n'), /^empty file/],
    [write('image.png', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])), /binary file \(PNG image\)/],
    [write('nul.txt', new Uint8Array([0x41, 0x00, 0x42])), /binary file/],
    [write('latin1.txt', new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b])), /invalid UTF-8 at byte 3/],
    [join(dir, 'missing.txt'), /no such file/],
  ];
  for (const [path, expected] of cases) {
    const result = readInput(path);
    assert.equal(result.ok, false, path);
    if (!result.ok) assert.match(result.error, expected, path);
  }
  const big = write('big.txt', 'x'.repeat(2048));
  const refused = readInput(big, { maxBytes: 1024 });
  assert.ok(!refused.ok && /above the 0\.0 MB limit|limit/.test(refused.error));
});

test('UTF-16 with a byte-order mark is decoded', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-utf16-'));
  const path = join(dir, 'u16.txt');
  const text = 'Shelling hit the town of Bakhmut on Monday, officials said.';
  writeFileSync(path, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
  assert.equal(readOk(path).drafts[0].text, text);
});

test('folders expand recursively in a stable order; a dangling link is an error, not a crash', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-dir-'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'b.txt'), 'b');
  writeFileSync(join(dir, 'sub', 'a.txt'), 'a');
  writeFileSync(join(dir, '.hidden'), 'h');
  symlinkSync(join(dir, 'nowhere.txt'), join(dir, 'broken.txt'));
  const { files, errors } = expandInputs([dir]);
  assert.deepEqual(files, [join(dir, 'b.txt'), join(dir, 'sub', 'a.txt')]);
  assert.equal(errors.length, 1);
  assert.ok(!errors[0].ok && errors[0].path.endsWith('broken.txt') && /no such file/.test(errors[0].error));
});

test('a plain-text file named by date takes it as publication date unless --published says otherwise', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-named-'));
  const path = join(dir, '2024-02-22-idlib.txt');
  writeFileSync(path, 'Shelling hit the town of Saraqib on Monday night, rescuers said.\n');
  assert.equal(readOk(path).drafts[0].published, '2024-02-22');
  assert.equal(readOk(path, { published: '2024-03-01' }).drafts[0].published, '2024-03-01');
  const notADate = join(dir, '2024-02-31-idlib.txt');
  writeFileSync(notADate, 'Shelling hit the town of Saraqib on Monday night, rescuers said.\n');
  assert.equal(readOk(notADate).drafts[0].published, null);
});

test('--published as a list dates a glued page story by story; the last date serves the rest', () => {
  const dates = (published: string) => readOk(fixture('glued-page.txt'), { published }).drafts.map((d) => d.published);
  assert.deepEqual(dates('2023-07-13,2023-07-11,2023-07-09'), ['2023-07-13', '2023-07-11', '2023-07-09']);
  assert.deepEqual(dates('2023-07-13,2023-07-11'), ['2023-07-13', '2023-07-11', '2023-07-11']);
  assert.deepEqual(dates('2023-07-13'), ['2023-07-13', '2023-07-13', '2023-07-13']);
});

test('JSONL records keep their own date; records without one take --published by position', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sitrep-list-'));
  const path = join(dir, 'briefs.jsonl');
  writeFileSync(
    path,
    [
      JSON.stringify({ text: 'Gunmen abducted two aid workers near Gao on Sunday, officials said.', published: '2024-05-06' }),
      JSON.stringify({ text: 'A roadside bomb killed three soldiers near Menaka on Friday, the army said.' }),
    ].join('\n'),
  );
  assert.deepEqual(readOk(path, { published: '2024-05-01,2024-05-04' }).drafts.map((d) => d.published), ['2024-05-06', '2024-05-04']);
});
