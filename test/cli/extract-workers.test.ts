/**
 * `sitrep extract --workers N`, run as a user runs it (the CLI in a child process, real worker
 * threads): the output is byte for byte the one-process output, in both formats, with the same story
 * read twice written once; a file that cannot be read, an article whose stage throws and an article
 * that crashes its worker are each reported with the file's path, and everything else is written.
 * Crashes and throws are injected through the pool's test-only hook (SITREP_WORKER_FAULTS, see
 * src/workers/types.ts FaultInjection): a marker in an article's text.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Article } from '../../src/model/types.js';
import { DocumentWriter, serializeArticle, type ExtractFormat } from '../../src/workers/article-json.js';
import { repoRoot } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'sitrep-extract-workers-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));

const CRASH = 'XCRASHMARKERX';
const THROW = 'XTHROWMARKERX';

function extract(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'extract', ...args], {
    cwd: repoRoot,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, SITREP_DEBUG: '', ...env },
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Small wire-style stories of our own; each file has a dateline, a date word and an event. */
const STORIES: Record<string, string> = {
  'a-kherson.txt':
    'KHERSON, Ukraine - Artillery fire hit a bus stop in the centre of Kherson on Tuesday morning, killing three ' +
    'people and wounding seven, the regional administration said.\n\nEmergency crews put out a fire in a nearby shop.\n',
  'b-mogadishu.txt':
    'Car bomb hits checkpoint in Mogadishu\n\nMOGADISHU, Somalia (Reuters) - A car bomb exploded at a police checkpoint near ' +
    'the port of Mogadishu on Sunday, killing at least five people, police said. Al Shabaab claimed the attack.\n',
  'c-darfur.txt':
    'EL FASHER, Sudan - Fighters of the Rapid Support Forces shelled a camp for displaced people outside El Fasher on ' +
    'Thursday, a local aid group said. Two children were among the 11 dead.\n',
  'd-sahel.txt':
    'NIAMEY, Niger - Gunmen on motorbikes killed 12 villagers near Tillaberi on Saturday, the interior ministry said, ' +
    'in the second such attack this month.\n\nSoldiers were sent to the area on Sunday.\n',
  'e-protest.txt':
    'DHAKA, Bangladesh - Thousands of garment workers marched through Dhaka on Monday demanding higher wages; police ' +
    'fired tear gas near the parliament building and arrested 30 people.\n',
};

const record = (title: string, text: string) => JSON.stringify({ title, published: '2024-05-14', text });

const BRIEFS = [
  record('Airstrike near Idlib', 'IDLIB, Syria - An airstrike hit a market near Idlib on Monday, killing four civilians, rescuers said.'),
  record('Clashes in Tripoli', 'TRIPOLI, Libya - Rival militias clashed in southern Tripoli overnight, the health ministry said, and two people died.'),
];

function writeFolder(name: string, extra: Record<string, string> = {}): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  for (const [file, text] of Object.entries({ ...STORIES, ...extra })) writeFileSync(join(folder, file), text);
  return folder;
}

test('extract --workers 2 writes byte for byte what --workers 1 writes, in JSONL and JSON', () => {
  const folder = writeFolder('same', {
    'f-briefs.jsonl': BRIEFS.join('\n') + '\n',
    // The same story as a-kherson.txt: one article in the output, whichever thread read it.
    'g-kherson-again.txt': STORIES['a-kherson.txt'],
  });
  const serial = extract([folder, '--format', 'jsonl', '--published', '2024-05-14', '--workers', '1']);
  assert.equal(serial.status, 0, serial.stderr);
  const lines = serial.stdout.trim().split('\n');
  assert.equal(lines.length, 5 + BRIEFS.length, 'one line per article, the repeated story once');
  assert.ok(lines.every((line) => JSON.parse(line).text.length > 0));

  const parallel = extract([folder, '--format', 'jsonl', '--published', '2024-05-14', '--workers', '2']);
  assert.equal(parallel.status, 0, parallel.stderr);
  assert.equal(parallel.stderr, '');
  assert.equal(parallel.stdout, serial.stdout);

  const out = join(dir, 'same.json');
  const serialJson = extract([folder, '--published', '2024-05-14']);
  const parallelJson = extract([folder, '--published', '2024-05-14', '--workers', '2', '-o', out]);
  assert.equal(parallelJson.status, 0, parallelJson.stderr);
  assert.equal(parallelJson.stdout, '');
  assert.equal(readFileSync(out, 'utf8'), serialJson.stdout);
  assert.deepEqual(
    readdirSync(dir).filter((f) => f.includes('.tmp-')),
    [],
    'no temporary file left behind',
  );
  assert.equal((JSON.parse(serialJson.stdout) as { articles: unknown[] }).articles.length, lines.length);
});

test('extract --workers 2: a bad file, a throwing stage and a crashed worker are reported with the path; the rest is written', () => {
  const folder = writeFolder('faults', {
    'f-briefs.jsonl': [BRIEFS[0], record('Raid in Kidal', `KIDAL, Mali - Troops raided a market in Kidal on Friday. ${CRASH}`), BRIEFS[1]].join('\n') + '\n',
    'h-empty.txt': '',
    'i-broken.jsonl': record('Bus hit by roadside bomb', `BAMAKO, Mali - A roadside bomb hit a bus near Bamako on Monday, killing two people. ${THROW}`) + '\n',
  });
  const env = { SITREP_WORKER_FAULTS: JSON.stringify({ exitOn: CRASH, throwOn: THROW }) };
  const parallel = extract([folder, '--format', 'jsonl', '--workers', '2'], env);
  assert.equal(parallel.status, 2, parallel.stderr);
  assert.doesNotMatch(parallel.stderr, /^\s+at /m, 'no stack trace');
  const errors = parallel.stderr.trim().split('\n');
  assert.equal(errors.length, 3, parallel.stderr);
  assert.match(errors[0], new RegExp(`^sitrep: ${join(folder, 'f-briefs.jsonl')}: article 2: the worker crashed in stage sentences`));
  assert.equal(errors[1], `sitrep: ${join(folder, 'h-empty.txt')}: empty file`);
  assert.match(errors[2], new RegExp(`^sitrep: ${join(folder, 'i-broken.jsonl')}: .*the pipeline failed`));

  // Without the faults (they are injected in workers only), the one-process run has the two failed
  // articles too; everything else is the same bytes in the same order.
  const serial = extract([folder, '--format', 'jsonl', '--workers', '1']);
  assert.equal(serial.status, 2, 'the empty file');
  const kept = serial.stdout
    .split('\n')
    .filter((line) => line && !line.includes(CRASH) && !line.includes(THROW))
    .map((line) => line + '\n')
    .join('');
  assert.equal(parallel.stdout, kept);
  assert.equal(parallel.stdout.trim().split('\n').length, 5 + BRIEFS.length);
});

test('articles serialized and written one by one make the whole document, in both formats', () => {
  // Shapes that test the layout: empty arrays and objects, nesting, a newline and non-ASCII in a string.
  const articles = [
    { id: 'a', highlights: [], source: {}, events: [{ location: { lat: 47.85, name: 'Zaporizhzhia' }, counts: [1, 2] }], text: 'line one\nline two' },
    { id: 'b', title: 'Shelling near Kharkiv \u2014 \u00e9t\u00e9', events: [] },
  ] as unknown as Article[];
  const whole: Record<ExtractFormat, (list: Article[]) => string> = {
    jsonl: (list) => list.map((a) => JSON.stringify(a) + '\n').join(''),
    json: (list) => JSON.stringify({ articles: list }, null, 2) + '\n',
  };
  for (const format of ['jsonl', 'json'] as const) {
    for (const list of [articles, articles.slice(0, 1), []]) {
      const pieces: string[] = [];
      const writer = new DocumentWriter(format, (text) => pieces.push(text));
      for (const article of list) writer.item(serializeArticle(article, format));
      writer.end();
      assert.equal(pieces.join(''), whole[format](list), `${format}, ${list.length} article(s)`);
    }
  }
});
