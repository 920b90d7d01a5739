/**
 * Geo evaluation corpora in their own XML formats, read into one shape: documents with text and gold
 * toponyms (character offsets, coordinates when annotated). Toponyms without coordinates, or of a type
 * the corpus does not count (GeoWebNews demonyms, modifiers...), are kept as `neutral`: a prediction
 * on one counts neither for nor against.
 */
import { readFileSync } from 'node:fs';
import { XMLParser } from 'fast-xml-parser';

export interface GoldToponym {
  start: number;
  end: number;
  text: string;
  lat: number;
  lon: number;
}

export interface GeoDocument {
  id: string;
  title: string | null;
  text: string;
  gold: GoldToponym[];
  neutral: Array<{ start: number; end: number }>;
}

export type GeoFormat = 'lgl' | 'geovirus' | 'gwn';

/** A dataset file that does not have the expected shape: names the file and what is wrong. */
export class CorpusError extends Error {}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  trimValues: false,
  parseTagValue: false,
  processEntities: true,
  htmlEntities: true,
  isArray: (name) => ['article', 'toponym', 'location'].includes(name),
});

type Node = Record<string, unknown>;

function str(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'object') return str((v as Node)['#text']);
  return String(v);
}

function num(v: unknown): number | null {
  const s = str(v).trim();
  if (!s) return null;
  const n = Number(s);
  return Number.isFinite(n) ? n : null;
}

function list(v: unknown): Node[] {
  return Array.isArray(v) ? (v as Node[]) : v ? [v as Node] : [];
}

/**
 * GeoVirus offsets are sometimes shifted by a character or a few: when the annotated name is not at
 * its offsets, the nearest occurrence of the name within 30 characters is taken instead.
 */
function align(text: string, name: string, start: number, end: number): [number, number] {
  if (!name || text.slice(start, end) === name) return [start, end];
  let best = -1;
  for (let at = text.indexOf(name, Math.max(0, start - 30)); at >= 0 && at <= start + 30; at = text.indexOf(name, at + 1)) {
    if (best < 0 || Math.abs(at - start) < Math.abs(best - start)) best = at;
  }
  return best >= 0 ? [best, best + name.length] : [start, end];
}

function toponym(
  doc: GeoDocument,
  start: number | null,
  end: number | null,
  lat: number | null,
  lon: number | null,
  counted: boolean,
  name = '',
): void {
  if (start === null || end === null || end <= start || end > doc.text.length) return;
  [start, end] = align(doc.text, name.trim(), start, end);
  if (counted && lat !== null && lon !== null) doc.gold.push({ start, end, text: doc.text.slice(start, end), lat, lon });
  else doc.neutral.push({ start, end });
}

/** Types GeoWebNews counts as toponyms (the others are demonyms, modifiers, non-toponyms...). */
const GWN_COUNTED = new Set(['literal', 'metonymic', 'mixed', 'coercion', 'homonym']);

export function parseGeoCorpus(xml: string, format: GeoFormat, file: string): GeoDocument[] {
  let root: Node;
  try {
    root = parser.parse(xml) as Node;
  } catch (error) {
    throw new CorpusError(`${file}: not well-formed XML (${(error as Error).message.split('\n')[0]})`);
  }
  const articles = list((root.articles as Node | undefined)?.article);
  if (!articles.length) throw new CorpusError(`${file}: no <articles><article> elements: is this a ${format} file?`);
  return articles.map((a, i) => {
    const text = str(a.text);
    const doc: GeoDocument = {
      id: str(a['@docid']) || str(a['@file']) || str(a.source) || String(i),
      title: str(a.title) || null,
      text,
      gold: [],
      neutral: [],
    };
    if (format === 'lgl') {
      for (const t of list((a.toponyms as Node | undefined)?.toponym)) {
        const tag = t.gaztag as Node | undefined;
        toponym(doc, num(t.start), num(t.end), num(tag?.lat), num(tag?.lon), true, str(t.phrase));
      }
    } else if (format === 'geovirus') {
      for (const l of list((a.locations as Node | undefined)?.location)) {
        toponym(doc, num(l.start), num(l.end), num(l.lat), num(l.lon), true, str(l.name));
      }
    } else {
      for (const t of list((a.toponyms as Node | undefined)?.toponym)) {
        const type = str(t.type).trim().toLowerCase();
        toponym(doc, num(t.start), num(t.end), num(t.latitude), num(t.longitude), GWN_COUNTED.has(type), str(t.extractedName));
      }
    }
    return doc;
  });
}

export function readGeoCorpus(path: string, format: GeoFormat): GeoDocument[] {
  return parseGeoCorpus(readFileSync(path, 'utf8'), format, path);
}
