/**
 * A large JSONL file read as pieces of whole lines. A day of a news feed is one JSONL file of hundreds
 * of megabytes: read whole, it would be refused by --max-bytes, or hold the file, its text and every
 * draft in memory at once, and run on one worker. Cut into pieces of a megabyte, each piece is an
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

/**
 * At most this many bytes a piece (but for a longer line): about 230 news articles. Pieces of 4 MB
 * gave the last piece to one worker while the other idled, and peaked 300 MB higher in ingest.
 */
export const JSONL_PIECE_BYTES = 1024 * 1024;

/** How a user reads the input in messages: the path, and for a piece its lines. */
export function inputLabel(input: InputRef): string {
  if (typeof input === 'string') return input;
  const lines = input.firstLine === input.lastLine ? `line ${input.firstLine}` : `lines ${input.firstLine}-${input.lastLine}`;
  return `${input.path} (${lines})`;
}

export function inputPath(input: InputRef): string {
  return typeof input === 'string' ? input : input.path;
}

const CHUNK_BYTES = 8 * 1024 * 1024;
const NEWLINE = 10;

/**
 * The pieces of a file of `size` bytes: runs of whole lines of at most `pieceBytes` each, but for a
 * line longer than that, which is a piece on its own (so a record above --max-bytes is refused alone,
 * not with its neighbours). A piece of blank lines only is joined to the one before it.
 */
export function cutIntoPieces(path: string, size: number, pieceBytes = JSONL_PIECE_BYTES): InputPiece[] {
  const cutter = new PieceCutter(path);
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    let position = 0;
    while (position < size) {
      const length = readSync(fd, chunk, 0, Math.min(CHUNK_BYTES, size - position), position);
      if (length === 0) break;
      if (position === 0) cutter.bom = length >= 3 && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf;
      cutter.scan(chunk, length, position, pieceBytes);
      position += length;
    }
    // A file that does not end with a newline has one more line.
    return cutter.finish(size, size > 0 && lastByte(fd, size) !== NEWLINE);
  } finally {
    closeSync(fd);
  }
}

/** Where a line ends: its byte offset, and the lines and characters read up to there. */
interface LineEnd {
  end: number;
  lines: number;
  chars: number;
}

class PieceCutter {
  readonly pieces: InputPiece[] = [];
  bom = false;
  private lines = 0;
  private chars = 0;
  /** The piece being read, from its first byte up to the last line end. */
  private start: LineEnd = { end: 0, lines: 0, chars: 0 };
  private last: LineEnd = { end: 0, lines: 0, chars: 0 };
  /** Whether the piece's complete lines, and the line being read, hold more than blanks. */
  private pieceFilled = false;
  private lineFilled = false;

  constructor(private readonly path: string) {}

  scan(chunk: Buffer, length: number, position: number, pieceBytes: number): void {
    // Counters in locals: this loop runs over every byte of the file.
    let chars = this.chars;
    let lineFilled = this.lineFilled;
    for (let i = 0; i < length; i++) {
      const byte = chunk[i]!;
      // Every byte but a continuation byte starts a character; four-byte ones are two code units.
      if ((byte & 0xc0) !== 0x80) chars += byte >= 0xf0 ? 2 : 1;
      if (byte !== NEWLINE) {
        if (byte !== 32 && byte !== 9 && byte !== 13) lineFilled = true;
        continue;
      }
      this.lines += 1;
      const here: LineEnd = { end: position + i + 1, lines: this.lines, chars };
      // This line would make the piece too long: the lines before it are a piece, and the line alone
      // too when it is longer than a piece.
      if (here.end - this.start.end > pieceBytes && this.last.end > this.start.end) this.cut(this.last, this.pieceFilled, lineFilled);
      this.pieceFilled ||= lineFilled;
      lineFilled = false;
      if (here.end - this.start.end > pieceBytes) this.cut(here, this.pieceFilled, false);
      this.last = here;
    }
    this.chars = chars;
    this.lineFilled = lineFilled;
  }

  finish(size: number, unterminatedLine: boolean): InputPiece[] {
    const end: LineEnd = { end: size, lines: this.lines + (unterminatedLine ? 1 : 0), chars: this.chars };
    if (end.end > this.start.end || !this.pieces.length) this.cut(end, this.pieceFilled || this.lineFilled, false, true);
    return this.pieces;
  }

  /**
   * Ends the piece at `at`. `filled`: it holds more than blank lines; `nextFilled`: so does what has
   * been read of the next one. Blank lines join the piece before them, or at the file's start the
   * piece after them.
   */
  private cut(at: LineEnd, filled: boolean, nextFilled: boolean, final = false): void {
    const previous = this.pieces.at(-1);
    if (!filled && previous) {
      previous.end = at.end;
      previous.lastLine = Math.max(at.lines, previous.firstLine);
    } else if (!filled && !final) {
      return;
    } else {
      this.pieces.push({
        path: this.path,
        start: this.start.end,
        end: at.end,
        firstLine: this.start.lines + 1,
        lastLine: Math.max(at.lines, this.start.lines + 1),
        charStart: this.start.chars - (this.bom && this.start.end > 0 ? 1 : 0),
      });
    }
    this.start = at;
    this.pieceFilled = nextFilled;
  }
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
