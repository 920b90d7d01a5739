/**
 * A large JSONL file read as pieces of whole lines. A day of a news feed is one JSONL file of hundreds
 * of megabytes: read whole, it would be refused by --max-bytes, or hold the file, its text and every
 * draft in memory at once, and run on one worker. Cut into pieces of a few megabytes, each piece is an
 * input of its own: read, processed and stored (all or nothing) like a small file, several at a time
 * on the workers, and an interrupted run resumes piece by piece (stored articles are skipped by id).
 *
 * The cut is made once, before any piece is read, by one pass over the bytes that also counts lines
 * (for the line numbers of problems) and UTF-16 code units (so every article's source offsets are
 * offsets into the whole file's text, as when it is read whole).
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface InputPiece {
  /** The file the piece belongs to. */
  path: string;
  /** Byte range of the piece in the file: whole lines, `end` just after a newline (or the file's end). */
  start: number;
  end: number;
  /** 1-based numbers of the piece's first and last lines in the file. */
  firstLine: number;
  lastLine: number;
  /** Characters (UTF-16 code units) of the file's text before the piece, a byte-order mark left out. */
  charStart: number;
}

/** A file, `-` for stdin, or a piece of a large JSONL file. */
export type InputRef = string | InputPiece;

/** About this many bytes a piece: a few hundred to a thousand news articles. */
export const JSONL_PIECE_BYTES = 4 * 1024 * 1024;

/** How a user reads the input in messages: the path, and for a piece its lines. */
export function inputLabel(input: InputRef): string {
  if (typeof input === 'string') return input;
  return `${input.path} (lines ${input.firstLine}-${input.lastLine})`;
}

export function inputPath(input: InputRef): string {
  return typeof input === 'string' ? input : input.path;
}

const CHUNK_BYTES = 8 * 1024 * 1024;
const NEWLINE = 10;

/**
 * The pieces of a file of `size` bytes, each of about `pieceBytes` and ending at the first newline at
 * or after its target size (a line is never cut); the last piece is at least a quarter of that. One
 * piece when the file is no larger than that.
 */
export function cutIntoPieces(path: string, size: number, pieceBytes = JSONL_PIECE_BYTES): InputPiece[] {
  const pieces: InputPiece[] = [];
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let position = 0;
    let pieceStart = 0;
    let pieceFirstLine = 1;
    let pieceCharStart = 0;
    let lines = 0; // newlines read so far
    let chars = 0; // UTF-16 code units read so far
    let bom = false;
    while (position < size) {
      const length = readSync(fd, chunk, 0, Math.min(CHUNK_BYTES, size - position), position);
      if (length === 0) break;
      if (position === 0) bom = length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      for (let i = 0; i < length; i++) {
        const byte = chunk[i]!;
        // Every byte but a continuation byte starts a character; four-byte ones are two code units.
        if ((byte & 0xc0) !== 0x80) chars += byte >= 0xf0 ? 2 : 1;
        if (byte !== NEWLINE) continue;
        lines += 1;
        const end = position + i + 1;
        // No cut that would leave a last piece of less than a quarter of one (or of blank lines only).
        if (end - pieceStart >= pieceBytes && size - end >= pieceBytes / 4) {
          pieces.push({ path, start: pieceStart, end, firstLine: pieceFirstLine, lastLine: lines, charStart: pieceCharStart });
          pieceStart = end;
          pieceFirstLine = lines + 1;
          pieceCharStart = chars - (bom ? 1 : 0);
        }
      }
      position += length;
    }
    // The last piece: a file that does not end with a newline has one more line.
    const lastLine = size > 0 && lastByte(fd, size) === NEWLINE ? lines : lines + 1;
    pieces.push({ path, start: pieceStart, end: size, firstLine: pieceFirstLine, lastLine: Math.max(lastLine, pieceFirstLine), charStart: pieceCharStart });
  } finally {
    closeSync(fd);
  }
  return pieces;
}

function lastByte(fd: number, size: number): number {
  const one = Buffer.alloc(1);
  readSync(fd, one, 0, 1, size - 1);
  return one[0]!;
}

/** The bytes of a piece. */
export function readPieceBytes(piece: InputPiece): Buffer {
  const bytes = Buffer.allocUnsafe(piece.end - piece.start);
  const fd = openSync(piece.path, 'r');
  try {
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, bytes, read, bytes.length - read, piece.start + read);
      if (n === 0) throw new Error(`the file is shorter than when it was cut into pieces (${read} of ${bytes.length} bytes at byte ${piece.start})`);
      read += n;
    }
  } finally {
    closeSync(fd);
  }
  return bytes;
}
