/**
 * Inputs to article drafts: files, folders (recursively, in a stable order) and `-` for stdin.
 * Every failure is a value naming the input and the problem, so one bad file never stops a batch.
 */
import { readdirSync, readFileSync, statSync, openSync, readSync, closeSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { binaryKind, DEFAULT_MAX_BYTES, decodeInput, isUtf16 } from './decode.js';
import { readFeed } from './readers/feed.js';
import { readHtml } from './readers/html.js';
import { readJsonl } from './readers/jsonl.js';
import { cutIntoPieces, inputLabel, JSONL_PIECE_BYTES, readPieceBytes, type InputPiece, type InputRef } from './pieces.js';
import { isRealDate, publishedForArticle } from './published.js';
import { segmentPage } from './segment.js';
import type { InputFormat, InputResult, ReadOptions } from './types.js';

export const STDIN = '-';

const EXTENSIONS: Record<string, InputFormat> = {
  '.html': 'html',
  '.htm': 'html',
  '.xhtml': 'html',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.rss': 'feed',
  '.atom': 'feed',
  '.txt': 'text',
  '.text': 'text',
  '.md': 'text',
};

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder';
  return (error as Error).message;
}

export interface ExpandOptions {
  /** The format the inputs are read as (--input-format), when not detected. */
  format?: InputFormat;
  /** --published: a list of dates by position in the file keeps a JSONL file whole. */
  published?: string | null;
  /** --max-bytes: pieces are cut at most half this size, so that only a record above it is refused. */
  maxBytes?: number;
  /** Size of the pieces a large JSONL file is read in (tests set it low). */
  pieceBytes?: number;
}

/**
 * Expands folders (recursively, sorted) into files; `-` stays as stdin. Unreadable paths become errors.
 * A JSONL file of more than two pieces' size is given as its pieces (see pieces.ts).
 */
export function expandInputs(paths: string[], options: ExpandOptions = {}): { files: InputRef[]; errors: InputResult[] } {
  const files: InputRef[] = [];
  const pieceBytes = Math.min(options.pieceBytes ?? JSONL_PIECE_BYTES, Math.floor((options.maxBytes ?? DEFAULT_MAX_BYTES) / 2));
  const byPosition = Boolean(options.published?.includes(','));
  const errors: InputResult[] = [];
  const visit = (path: string) => {
    if (path === STDIN) {
      files.push(path);
      return;
    }
    try {
      const stat = statSync(path);
      if (stat.isDirectory()) {
        const entries = readdirSync(path).filter((name) => !name.startsWith('.')).sort();
        for (const name of entries) visit(join(path, name));
      } else if (stat.isFile()) {
        if (stat.size > 2 * pieceBytes && !byPosition && isJsonlFile(path, options.format)) files.push(...cutIntoPieces(path, stat.size, pieceBytes));
        else files.push(path);
      } else {
        errors.push({ path, ok: false, error: 'not a regular file' });
      }
    } catch (error) {
      errors.push({ path, ok: false, error: describe(error) });
    }
  };
  for (const path of paths) visit(path);
  return { files, errors };
}

/** Whether a file is read as JSONL (forced, by its extension, or by its first line), is UTF-8 and does not start as binary. */
function isJsonlFile(path: string, format: InputFormat | undefined): boolean {
  const head = Buffer.alloc(64 * 1024);
  const fd = openSync(path, 'r');
  let length: number;
  try {
    length = readSync(fd, head, 0, head.length, 0);
  } finally {
    closeSync(fd);
  }
  const bytes = head.subarray(0, length);
  // UTF-16 (a byte-order mark) is decoded whole: its bytes cannot be cut at newline bytes. A binary
  // file named .jsonl is refused once, as a whole file, not once a piece.
  if (isUtf16(bytes) || binaryKind(bytes) !== null) return false;
  return (format ?? detectFormat(path, bytes.toString('utf8'))) === 'jsonl';
}

function readBytes(path: string, maxBytes: number): Uint8Array | string {
  if (path === STDIN) {
    const chunks: Buffer[] = [];
    let total = 0;
    const chunk = Buffer.alloc(1 << 16);
    for (;;) {
      let n: number;
      try {
        n = readSync(0, chunk, 0, chunk.length, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') continue;
        if ((error as NodeJS.ErrnoException).code === 'EOF') break;
        throw error;
      }
      if (n === 0) break;
      total += n;
      if (total > maxBytes) return `input is larger than the ${formatMb(maxBytes)} limit (--max-bytes)`;
      chunks.push(Buffer.from(chunk.subarray(0, n)));
    }
    return Buffer.concat(chunks);
  }
  const size = statSync(path).size;
  if (size > maxBytes) {
    return `file is ${formatMb(size)}, above the ${formatMb(maxBytes)} limit (split it, or raise --max-bytes)`;
  }
  const fd = openSync(path, 'r');
  try {
    return readFileSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Sizes as a person would say them: a --max-bytes of 100 is "100 bytes", not "0.0 MB". */
function formatMb(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${bytes} bytes`;
}

/**
 * Plain text carries no metadata, but scrapers often name files by date ("2024-03-07-idlib.txt"):
 * such a leading date is the publication date when --published does not give one.
 */
export function publishedFromFileName(path: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})(?!\d)/.exec(basename(path));
  if (!match || !isRealDate(+match[1], +match[2], +match[3])) return null;
  return match[0];
}

/** Extension first; content decides for stdin and unknown extensions. */
export function detectFormat(path: string, text: string): InputFormat {
  const byExtension = EXTENSIONS[extname(path).toLowerCase()];
  if (byExtension) return byExtension;
  const head = text.slice(0, 2048).trimStart();
  if (/^<\?xml[^>]*>\s*<(rss|feed)\b/i.test(head) || /^<(rss|feed)\b/i.test(head)) return 'feed';
  if (/^<(!doctype html|html|head|body|article|div|p)\b/i.test(head)) return 'html';
  if (head.startsWith('{')) {
    const firstLine = head.split('\n')[0];
    try {
      if (typeof JSON.parse(firstLine) === 'object') return 'jsonl';
    } catch {
      // not JSON: plain text that starts with a brace
    }
  }
  return 'text';
}

/**
 * Reads one input (text, HTML, JSONL or a feed, by extension and content, or a piece of a large JSONL
 * file) into article drafts. A piece's result is named by inputLabel (the file and its lines).
 */
export function readInput(input: InputRef, options: ReadOptions = {}): InputResult {
  const result = typeof input === 'string' ? readInputDrafts(input, options) : readPieceDrafts(input, options);
  if (!result.ok) return result;
  // Readers keep dates their input carries (metadata, JSONL field); the others come from --published,
  // by position when it is a list, and for text pages from a date leading the file name.
  const fromName = publishedFromFileName(typeof input === 'string' ? input : input.path);
  result.drafts.forEach((draft, i) => {
    draft.published ??= publishedForArticle(options.published, i) ?? fromName;
  });
  return result;
}

/** A piece of a JSONL file: its lines, numbered and placed as in the whole file. */
function readPieceDrafts(piece: InputPiece, options: ReadOptions): InputResult {
  const path = inputLabel(piece);
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const size = piece.end - piece.start;
  // Pieces are cut at most half the limit (expandInputs): only a record larger than it gets here.
  if (size > maxBytes) return { path, ok: false, error: `these lines are ${formatMb(size)}, above the ${formatMb(maxBytes)} limit (--max-bytes)` };
  let bytes: Buffer;
  try {
    bytes = readPieceBytes(piece);
  } catch (error) {
    return { path, ok: false, error: describe(error) };
  }
  const decoded = decodeInput(bytes, piece.start);
  if (!decoded.ok) return { path, ok: false, error: decoded.error };
  const { drafts, problems } = readJsonl(decoded.text, piece.path, null, { linesBefore: piece.firstLine - 1, charsBefore: piece.charStart });
  if (!drafts.length && problems.length) return { path, ok: false, error: `no readable record (${problems[0]})` };
  return { path, ok: true, drafts, problems };
}

function readInputDrafts(path: string, options: ReadOptions): InputResult {
  const published = null;
  let bytes: Uint8Array | string;
  try {
    bytes = readBytes(path, options.maxBytes ?? DEFAULT_MAX_BYTES);
  } catch (error) {
    return { path, ok: false, error: describe(error) };
  }
  if (typeof bytes === 'string') return { path, ok: false, error: bytes };
  const decoded = decodeInput(bytes);
  if (!decoded.ok) return { path, ok: false, error: decoded.error };
  const text = decoded.text;
  const displayPath = path === STDIN ? 'stdin' : path;
  try {
    const format = options.format ?? detectFormat(path, text);
    if (format === 'jsonl') {
      const { drafts, problems } = readJsonl(text, displayPath, published);
      if (!drafts.length && problems.length) return { path, ok: false, error: `no readable record (${problems[0]})` };
      return { path, ok: true, drafts, problems };
    }
    const drafts =
      format === 'html'
        ? readHtml(text, displayPath, published)
        : format === 'feed'
          ? readFeed(text, displayPath, published)
          : segmentPage(text, { path: displayPath, published });
    if (!drafts.length) return { path, ok: false, error: 'no article text found' };
    return { path, ok: true, drafts, problems: [] };
  } catch (error) {
    return { path, ok: false, error: `could not be read: ${(error as Error).message}` };
  }
}
