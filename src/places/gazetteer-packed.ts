/**
 * The gazetteer packed into one binary buffer: what the cache file holds and what a process keeps in
 * memory after loading it. A quarter of a million entries and half a million names as JavaScript
 * objects, strings and Maps cost well over 100 MB of heap per thread and a second to parse; as typed
 * columns and sorted name tables viewed straight from the file's bytes they cost the file's size
 * (about 20 MB, outside the heap) and load in a few milliseconds. Names are looked up by binary
 * search (GazetteerIndex memoises the results), entries are turned into objects only when looked up.
 *
 * Layout: "SITREPGZ", a little-endian u32 header length, the header (JSON: entry count, the value
 * list of every coded column, where each section starts), then the sections, each 8-byte aligned.
 */
import type { PlaceSource } from './place-record.js';

const MAGIC = 'SITREPGZ';
/** Bumped whenever the layout changes: an older file is then rebuilt, never misread. */
const FORMAT_VERSION = 1;

/** Build-side name table: fold key -> postings (entryIndex * 4 + flags), one or several. */
export type NameTable = Map<string, number | number[]>;

/** Build-side columns: index i of every array describes entry i. */
export interface EntryColumns {
  geonameId: Array<number | null>;
  name: string[];
  lat: number[];
  lon: number[];
  countryCode: string[];
  admin1: Array<string | null>;
  /** GeoNames admin2 codes; null for every entry that did not come from an imported dump. */
  admin2: Array<string | null>;
  featureClass: string[];
  featureCode: Array<string | null>;
  population: number[];
  source: PlaceSource[];
}

export interface IndexTables {
  columns: EntryColumns;
  strict: NameTable;
  article: NameTable;
  skeleton: NameTable;
}

/** Columns whose values repeat (country codes, feature codes): stored as numbers into a value list. */
const CODED = ['countryCode', 'admin1', 'admin2', 'featureClass', 'featureCode', 'source'] as const;
type CodedColumn = (typeof CODED)[number];
const TABLES = ['strict', 'article', 'skeleton'] as const;
export type TableName = (typeof TABLES)[number];

/** A coded column: the value of entry i is values[codes[i]] (null is a value like any other). */
export interface CodedValues {
  codes: Uint8Array | Uint16Array | Uint32Array;
  values: Array<string | null>;
}

/**
 * A name table as sorted "key<TAB>postings" lines (ASCII: fold keys are [a-z0-9 ], postings base-36
 * numbers joined by commas) with the offset of each line.
 */
export interface SortedTable {
  bytes: Uint8Array;
  lineStart: Uint32Array;
}

export interface PackedIndex {
  count: number;
  /** GeoNames id, or -1 for entries without one. */
  geonameId: Int32Array;
  lat: Float64Array;
  lon: Float64Array;
  population: Float64Array;
  /** UTF-8 names; entry i's is names[nameStart[i], nameStart[i + 1]). */
  names: Buffer;
  nameStart: Uint32Array;
  coded: Record<CodedColumn, CodedValues>;
  tables: Record<TableName, SortedTable>;
  /** The whole packed buffer (what the cache file holds). */
  bytes: Buffer;
}

interface SectionInfo {
  type: 'i32' | 'f64' | 'u8' | 'u16' | 'u32';
  offset: number;
  length: number;
}

interface Header {
  version: number;
  count: number;
  values: Record<CodedColumn, Array<string | null>>;
  sections: Record<string, SectionInfo>;
  totalBytes: number;
}

const ARRAYS = {
  i32: Int32Array,
  f64: Float64Array,
  u8: Uint8Array,
  u16: Uint16Array,
  u32: Uint32Array,
};

function codeArray(size: number, count: number): Uint8Array | Uint16Array | Uint32Array {
  return size <= 0x100 ? new Uint8Array(count) : size <= 0x10000 ? new Uint16Array(count) : new Uint32Array(count);
}

function typeOf(a: ArrayBufferView): SectionInfo['type'] {
  if (a instanceof Int32Array) return 'i32';
  if (a instanceof Float64Array) return 'f64';
  if (a instanceof Uint16Array) return 'u16';
  if (a instanceof Uint32Array) return 'u32';
  return 'u8';
}

function encodePostings(postings: number | number[]): string {
  return typeof postings === 'number' ? postings.toString(36) : postings.map((p) => p.toString(36)).join(',');
}

function sortTable(table: NameTable): SortedTable {
  // Keys are ASCII, so the default (UTF-16 code unit) order is the byte order the search relies on.
  const keys = [...table.keys()].sort();
  const text = keys.map((k) => `${k}\t${encodePostings(table.get(k)!)}`).join('\n');
  const bytes = Buffer.from(text, 'latin1');
  const lineStart = new Uint32Array(keys.length);
  let at = 0;
  keys.forEach((k, i) => {
    lineStart[i] = at;
    at = bytes.indexOf(10, at) + 1;
  });
  return { bytes, lineStart };
}

/** Packs build output into the buffer a GazetteerIndex reads (and the cache file stores). */
export function packIndex(tables: IndexTables): Buffer {
  const c = tables.columns;
  const count = c.name.length;
  const sections: Record<string, ArrayBufferView> = {};
  sections.geonameId = Int32Array.from(c.geonameId, (id) => id ?? -1);
  sections.lat = Float64Array.from(c.lat);
  sections.lon = Float64Array.from(c.lon);
  sections.population = Float64Array.from(c.population);
  const values = {} as Header['values'];
  for (const column of CODED) {
    const list: Array<string | null> = [];
    const seen = new Map<string | null, number>();
    const raw = c[column] as Array<string | null>;
    for (const v of raw) {
      if (seen.has(v)) continue;
      seen.set(v, list.length);
      list.push(v);
    }
    const codes = codeArray(list.length, count);
    raw.forEach((v, i) => (codes[i] = seen.get(v)!));
    values[column] = list;
    sections[column] = codes;
  }
  const nameBytes = c.name.map((n) => Buffer.from(n, 'utf8'));
  const nameStart = new Uint32Array(count + 1);
  nameBytes.forEach((b, i) => (nameStart[i + 1] = nameStart[i]! + b.length));
  sections.nameStart = nameStart;
  sections.names = Buffer.concat(nameBytes);
  for (const name of TABLES) {
    const sorted = sortTable(tables[name]);
    sections[`${name}.lines`] = sorted.lineStart;
    sections[`${name}.bytes`] = sorted.bytes;
  }

  // Two passes: the header's length decides where the sections start, and the header lists them.
  const layout = (headerBytes: number) => {
    let at = align(MAGIC.length + 4 + headerBytes);
    const info: Record<string, SectionInfo> = {};
    for (const [name, array] of Object.entries(sections)) {
      info[name] = { type: typeOf(array), offset: at, length: array.byteLength / (array as Uint8Array).BYTES_PER_ELEMENT };
      at = align(at + array.byteLength);
    }
    return { info, total: at };
  };
  let headerText = '';
  let guess = 0;
  for (;;) {
    const { info, total } = layout(guess);
    const header: Header = { version: FORMAT_VERSION, count, values, sections: info, totalBytes: total };
    headerText = JSON.stringify(header);
    const size = Buffer.byteLength(headerText);
    if (size <= guess) break;
    guess = size + 64;
  }
  const header = JSON.parse(headerText) as Header;
  const out = Buffer.alloc(header.totalBytes);
  out.write(MAGIC, 0, 'latin1');
  out.writeUInt32LE(guess, MAGIC.length);
  // Spaces after the header text fill its reserved length (JSON.parse ignores them).
  out.fill(0x20, MAGIC.length + 4, MAGIC.length + 4 + guess);
  out.write(headerText, MAGIC.length + 4, 'utf8');
  for (const [name, array] of Object.entries(sections)) {
    const bytes = new Uint8Array(array.buffer, array.byteOffset, array.byteLength);
    out.set(bytes, header.sections[name]!.offset);
  }
  return out;
}

function align(n: number): number {
  return (n + 7) & ~7;
}

/**
 * Reads a packed buffer without copying it: every column is a view of `bytes`. Returns undefined
 * for anything that is not a whole buffer of this format version (a cut-short or older file).
 */
export function unpackIndex(input: Buffer): PackedIndex | undefined {
  if (input.length < MAGIC.length + 4 || input.toString('latin1', 0, MAGIC.length) !== MAGIC) return undefined;
  // Typed views need their element alignment; a Buffer from a file starts at offset 0, but be sure.
  const bytes = input.byteOffset % 8 === 0 ? input : Buffer.from(input);
  const headerLength = bytes.readUInt32LE(MAGIC.length);
  let header: Header;
  try {
    header = JSON.parse(bytes.toString('utf8', MAGIC.length + 4, MAGIC.length + 4 + headerLength)) as Header;
  } catch {
    return undefined;
  }
  if (header.version !== FORMAT_VERSION || header.totalBytes !== bytes.length) return undefined;
  const view = (name: string) => {
    const s = header.sections[name]!;
    return new ARRAYS[s.type](bytes.buffer as ArrayBuffer, bytes.byteOffset + s.offset, s.length);
  };
  const coded = {} as PackedIndex['coded'];
  for (const column of CODED) coded[column] = { codes: view(column) as CodedValues['codes'], values: header.values[column] };
  const tables = {} as PackedIndex['tables'];
  for (const name of TABLES) tables[name] = { bytes: view(`${name}.bytes`) as Uint8Array, lineStart: view(`${name}.lines`) as Uint32Array };
  const names = view('names') as Uint8Array;
  return {
    count: header.count,
    geonameId: view('geonameId') as Int32Array,
    lat: view('lat') as Float64Array,
    lon: view('lon') as Float64Array,
    population: view('population') as Float64Array,
    names: Buffer.from(names.buffer, names.byteOffset, names.byteLength),
    nameStart: view('nameStart') as Uint32Array,
    coded,
    tables,
    bytes,
  };
}

/** Compares the key of the line at `at` with `key`: negative when the line's key sorts first. */
function compareKey(bytes: Uint8Array, at: number, key: string): number {
  for (let i = 0; ; i++) {
    const b = bytes[at + i]!;
    const lineEnded = b === 9;
    if (i === key.length) return lineEnded ? 0 : 1;
    if (lineEnded) return -1;
    const d = b - key.charCodeAt(i);
    if (d !== 0) return d;
  }
}

/** The line index holding `key`, or -1. */
function findLine(table: SortedTable, key: string): number {
  let lo = 0;
  let hi = table.lineStart.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const c = compareKey(table.bytes, table.lineStart[mid]!, key);
    if (c === 0) return mid;
    if (c < 0) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

export function tableHas(table: SortedTable, key: string): boolean {
  return findLine(table, key) >= 0;
}

/** The postings filed under `key` (entryIndex * 4 + flags), empty when none. */
export function tablePostings(table: SortedTable, key: string): number[] {
  const line = findLine(table, key);
  if (line < 0) return [];
  const { bytes } = table;
  const out: number[] = [];
  let n = 0;
  for (let i = table.lineStart[line]! + key.length + 1; ; i++) {
    const b = bytes[i];
    if (b === undefined || b === 10 || b === 44) {
      out.push(n);
      n = 0;
      if (b !== 44) break;
    } else n = n * 36 + (b <= 57 ? b - 48 : b - 87);
  }
  return out;
}
