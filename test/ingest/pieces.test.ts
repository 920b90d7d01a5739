/**
 * Large JSONL files read in pieces of whole lines (src/ingest/pieces.ts). The pieces are set to a
 * few hundred bytes here so that a file of a dozen records is cut several times, across multi-byte
 * characters, a malformed line and a byte-order mark.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { expandInputs, readInput } from '../../src/ingest/read.js';
import { inputLabel, type InputPiece } from '../../src/ingest/pieces.js';
import { describeTotals, ingestPaths } from '../../src/cli/commands/ingest.js';
import { tempDir } from '../store/temp-db.js';

/** Wire briefs in our own words, with names in Arabic script, accents and an emoji (two UTF-16 units). */
const BRIEFS = [
  { title: 'Shelling hits Maarat al-Numan', text: 'MAARAT AL-NUMAN, Syria - Artillery shells hit a market in Maarat al-Numan (معرة النعمان) on Monday, killing four civilians, a local monitor said.' },
  { title: 'Café owner detained in Kidal', text: 'KIDAL, Mali - Soldiers detained the owner of a café near the Kidal market on Tuesday, residents said. His family said he was taken to Gao.' },
  { title: 'Protest in Sweida', text: 'SWEIDA, Syria - Hundreds of people protested in Sweida (السويداء) on Friday against rising fuel prices, chanting 🔥 slogans against the government, activists said.' },
  { title: 'Clashes near Goma', text: 'GOMA, Congo - M23 rebels and government troops clashed near Sake, west of Goma, on Wednesday, a United Nations official said. At least 12 fighters were killed.' },
  { title: 'Drone strike in Khartoum', text: 'KHARTOUM, Sudan - A drone strike hit a fuel depot in Omdurman on Thursday, the Rapid Support Forces said, blaming the army. No casualties were reported.' },
  { title: 'Ceasefire talks in Jeddah', text: 'JEDDAH, Saudi Arabia - Envoys of the Sudanese army and the RSF met in Jeddah on Saturday for a third round of ceasefire talks, mediators said.' },
];

/** Runs `fn` with a fresh folder, removed afterwards. */
function inDir<T>(prefix: string, fn: (dir: string) => T): T {
  const { dir, cleanup } = tempDir(prefix);
  let result: T;
  try {
    result = fn(dir);
  } catch (error) {
    cleanup();
    throw error;
  }
  if (result instanceof Promise) return result.finally(cleanup) as T;
  cleanup();
  return result;
}

/** A JSONL page as a scraper writes it: a byte-order mark, a malformed line, an empty text, no final newline. */
function writeFeed(path: string): string {
  const lines = BRIEFS.map((b, i) => JSON.stringify({ ...b, published: `2024-03-${String(10 + i).padStart(2, '0')}` }));
  lines.splice(3, 0, '{"title": "cut off by the scraper", "text": "KHARTOUM');
  lines.splice(6, 0, JSON.stringify({ title: 'Video: the market after the strike', text: '' }));
  // The same briefs again under an outlet's own headlines, later in the file: their events merge
  // with those of the first pieces.
  const text = '\ufeff' + [...lines, ...lines.map((l) => l.replace('{"title":"', '{"title":"Update: '))].join('\n');
  writeFileSync(path, text);
  return text.slice(1);
}

test('a large JSONL file is cut into pieces of whole lines that read as the whole file does', () => {
  inDir('sitrep-pieces-', (dir) => {
  const path = join(dir, 'feed.jsonl');
  const text = writeFeed(path);
  const bytes = readFileSync(path);
  const { files, errors } = expandInputs([path], { pieceBytes: 600 });
  assert.deepEqual(errors, []);
  const pieces = files as InputPiece[];
  assert.ok(pieces.length >= 4, `${pieces.length} pieces`);
  // Contiguous, whole lines, and the lines numbered as in the file.
  assert.equal(pieces[0]!.start, 0);
  assert.equal(pieces.at(-1)!.end, bytes.length);
  for (const [i, piece] of pieces.entries()) {
    if (i > 0) assert.equal(piece.start, pieces[i - 1]!.end);
    if (i > 0) assert.equal(piece.firstLine, pieces[i - 1]!.lastLine + 1);
    if (i < pieces.length - 1) assert.equal(bytes[piece.end - 1], 10, 'a piece ends after a newline');
    const lines = bytes.subarray(piece.start, piece.end).toString('utf8').replace(/\n$/, '').split('\n').length;
    assert.equal(piece.lastLine - piece.firstLine + 1, lines);
    assert.equal(inputLabel(piece), piece.firstLine === piece.lastLine ? `${path} (line ${piece.firstLine})` : `${path} (lines ${piece.firstLine}-${piece.lastLine})`);
  }
  assert.equal(pieces.at(-1)!.lastLine, text.split('\n').length);

  const whole = readInput(path);
  assert.ok(whole.ok);
  const parts = pieces.map((piece) => readInput(piece));
  assert.ok(parts.every((part) => part.ok));
  const drafts = parts.flatMap((part) => (part.ok ? part.drafts : []));
  const problems = parts.flatMap((part) => (part.ok ? part.problems : []));
  assert.deepEqual(drafts, whole.drafts);
  assert.deepEqual(problems, whole.problems);
  assert.deepEqual(problems.map((p) => p.split(':')[0]), ['line 4', 'line 7', 'line 12', 'line 15']);
  // Source offsets are the file's, across Arabic script and an emoji in earlier pieces.
  assert.equal(drafts.length, 12);
  for (const draft of drafts) assert.equal(JSON.parse(text.slice(draft.source.start, draft.source.end)).title, draft.title);
  assert.equal(parts.at(-1)!.path, inputLabel(pieces.at(-1)!));
  });
});

test('blank lines never make a piece of their own: at the start, in the middle or at the end of a file', () => {
  inDir('sitrep-pieces-blank-', (dir) => {
  const path = join(dir, 'feed.jsonl');
  const records = BRIEFS.map((b) => JSON.stringify(b));
  const blanks = '\n'.repeat(700);
  writeFileSync(path, `${blanks}${records.slice(0, 3).join('\n')}\n${blanks}${records.slice(3).join('\n')}\n${' \n'.repeat(400)}`);
  const pieces = expandInputs([path], { pieceBytes: 500 }).files as InputPiece[];
  assert.ok(pieces.length >= 3, `${pieces.length} pieces`);
  const bytes = readFileSync(path);
  for (const piece of pieces) assert.ok(bytes.subarray(piece.start, piece.end).toString().trim(), `${inputLabel(piece)} holds a record`);
  assert.equal(pieces.at(-1)!.end, bytes.length);
  const whole = readInput(path);
  const drafts = pieces.flatMap((piece) => {
    const part = readInput(piece);
    assert.ok(part.ok, part.ok ? '' : part.error);
    return part.drafts;
  });
  assert.deepEqual(drafts, whole.ok ? whole.drafts : null);
  });
});

test('small JSONL files, other formats, UTF-16, binary files and a --published list by position are read whole', () => {
  inDir('sitrep-pieces-whole-', (dir) => {
  const path = join(dir, 'feed.jsonl');
  writeFeed(path);
  const page = join(dir, 'page.txt');
  writeFileSync(page, `${BRIEFS.map((b) => `${b.title}\n\n${b.text}`).join('\n\n')}\n`.repeat(3));
  assert.deepEqual(expandInputs([path]).files, [path], 'below two pieces of the default size');
  assert.deepEqual(expandInputs([page], { pieceBytes: 300 }).files, [page], 'a text page');
  assert.deepEqual(expandInputs([path], { pieceBytes: 600, published: '2024-03-10,2024-03-11' }).files, [path], 'dates by position');
  assert.ok(expandInputs([path], { pieceBytes: 600, published: '2024-03-10' }).files.length > 1, 'one date for all');
  // UTF-16 cannot be cut at newline bytes; a binary file named .jsonl is refused once, not once a piece.
  const utf16 = join(dir, 'utf16.jsonl');
  writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(path, 'utf8'), 'utf16le')]));
  assert.deepEqual(expandInputs([utf16], { pieceBytes: 600 }).files, [utf16]);
  const archive = join(dir, 'archive.jsonl');
  writeFileSync(archive, Buffer.concat([Buffer.from([0x1f, 0x8b, 0x08, 0x00]), Buffer.alloc(4000, 0x0a)]));
  assert.deepEqual(expandInputs([archive], { pieceBytes: 600 }).files, [archive]);
  const refused = readInput(archive);
  assert.match(refused.ok ? '' : refused.error, /binary file \(gzip archive\)/);
  });
});

test('a record above --max-bytes refuses its piece, naming its lines and the limit; the other pieces are read', () => {
  inDir('sitrep-pieces-limit-', (dir) => {
  const path = join(dir, 'feed.jsonl');
  const huge = { title: 'Transcript', text: `GENEVA - ${'The envoy said the talks would resume. '.repeat(200)}` };
  const lines = [...BRIEFS.slice(0, 3), huge, ...BRIEFS.slice(3)].map((r) => JSON.stringify(r));
  writeFileSync(path, lines.join('\n') + '\n');
  // Pieces are cut at half the limit at most: every other record fits.
  const { files } = expandInputs([path], { maxBytes: 4000 });
  assert.ok(files.length >= 3);
  const results = files.map((piece) => readInput(piece, { maxBytes: 4000 }));
  const refused = results.filter((r) => !r.ok);
  assert.equal(refused.length, 1);
  assert.match(refused[0]!.path, /feed\.jsonl \(line 4\)$/);
  assert.match(refused[0]!.ok ? '' : refused[0]!.error, /^these lines are 7\.\d KB, above the 3\.9 KB limit \(--max-bytes\)$/);
  assert.equal(results.flatMap((r) => (r.ok ? r.drafts : [])).length, BRIEFS.length);
  });
});

/** What a database holds, comparable across runs: events (without timestamps) and articles. */
function contents(path: string) {
  const db = new Database(path, { readonly: true });
  try {
    return {
      articles: db.prepare('SELECT id, source_path FROM articles ORDER BY id').all(),
      events: db.prepare('SELECT id, type, date, location_name, source_count, article_ids FROM events ORDER BY id').all(),
    };
  } finally {
    db.close();
  }
}

test('ingest stores a JSONL file read in pieces as it stores it whole, in this process and on a worker', async () => {
  await inDir('sitrep-pieces-ingest-', async (dir) => {
  const path = join(dir, 'feed.jsonl');
  writeFeed(path);
  const whole = await ingestPaths([path], { db: join(dir, 'whole.db'), quiet: true, workers: 0 });
  assert.equal(whole.stored, 12);
  assert.ok(whole.joined >= 5, `${whole.joined} reports joined events of earlier pieces`);
  for (const workers of [0, 1]) {
    const db = join(dir, `pieces-${workers}.db`);
    const totals = await ingestPaths([path], { db, quiet: true, workers, pieceBytes: 600 });
    assert.equal(totals.files, 1, 'one file, however many pieces');
    assert.ok(totals.pieces);
    assert.equal(describeTotals(totals, 'x.db'), describeTotals(whole, 'x.db'), `--workers ${workers}`);
    assert.deepEqual(contents(db), contents(join(dir, 'whole.db')), `--workers ${workers}`);
    const again = await ingestPaths([path], { db, quiet: true, workers, pieceBytes: 600 });
    assert.deepEqual([again.stored, again.unchanged, again.created], [0, 12, 0], 're-ingesting stores nothing twice');
  }
  });
});
