/**
 * Bytes to text, refusing what is not text with a message a user can act on. Invalid UTF-8 is refused
 * rather than guessed: silently mis-decoded names would end up in the event database.
 */
export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const MAGIC: Array<[string, number[]]> = [
  ['PDF document', [0x25, 0x50, 0x44, 0x46]],
  ['ZIP archive (or .docx/.xlsx)', [0x50, 0x4b, 0x03, 0x04]],
  ['gzip archive', [0x1f, 0x8b]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
];

export type Decoded = { ok: true; text: string } | { ok: false; error: string };

function startsWith(bytes: Uint8Array, magic: number[]): boolean {
  return magic.every((b, i) => bytes[i] === b);
}

/** Why the bytes, by their start, are no text (a known file signature, NUL bytes, control characters), or null. UTF-16 is text. */
export function binaryKind(bytes: Uint8Array): string | null {
  for (const [name, magic] of MAGIC) {
    if (startsWith(bytes, magic)) return `binary file (${name}), not text, HTML or JSONL`;
  }
  if (isUtf16(bytes)) return null;
  const head = bytes.subarray(0, 8192);
  let control = 0;
  for (const b of head) {
    if (b === 0) return 'binary file (contains NUL bytes), not text, HTML or JSONL';
    if (b < 9 || (b > 13 && b < 32)) control++;
  }
  if (control > head.length * 0.05) return 'binary file (control characters), not text, HTML or JSONL';
  return null;
}

/** Starts with a UTF-16 byte-order mark. */
export function isUtf16(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]);
}

/** `byteOffset`: where the bytes start in their file (a piece of a large JSONL file), for the messages. */
export function decodeInput(bytes: Uint8Array, byteOffset = 0): Decoded {
  if (bytes.length === 0) return { ok: false, error: 'empty file' };
  const binary = binaryKind(bytes);
  if (binary) return { ok: false, error: binary };
  if (isUtf16(bytes)) {
    const littleEndian = bytes[0] === 0xff;
    const text = new TextDecoder(littleEndian ? 'utf-16le' : 'utf-16be').decode(bytes.subarray(2));
    return finish(text);
  }
  try {
    return finish(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    return { ok: false, error: `invalid UTF-8 at byte ${byteOffset + firstInvalidUtf8(bytes)} (convert the file to UTF-8)` };
  }
}

function finish(text: string): Decoded {
  if (!text.trim()) return { ok: false, error: 'empty file (only whitespace)' };
  return { ok: true, text };
}

/** Offset of the first byte that breaks UTF-8, for the error message. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i];
    const need = b < 0x80 ? 0 : b >= 0xc2 && b < 0xe0 ? 1 : b >= 0xe0 && b < 0xf0 ? 2 : b >= 0xf0 && b < 0xf5 ? 3 : -1;
    if (need < 0) return i;
    for (let k = 1; k <= need; k++) {
      if (i + k >= bytes.length || (bytes[i + k] & 0xc0) !== 0x80) return i;
    }
    i += need + 1;
  }
  return i;
}
