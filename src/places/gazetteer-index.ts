/**
 * GazetteerIndex: the loaded gazetteer. Entries are kept column-wise and turned into objects only when
 * looked up, and names sit in three Maps keyed by the fold levels of fold.ts, so a lookup is a few
 * hash probes. The same columns are what the cache file stores (gazetteer-cache.ts).
 */
import type { Gazetteer, GazetteerEntry } from '../model/resources.js';
import type { PlaceSource } from './place-record.js';
import { articleKey, skeletonKey, strictKey } from './fold.js';

export interface IndexedEntry extends GazetteerEntry {
  /** Position in the index: a stable handle within one process. */
  index: number;
  featureClass: string;
  source: PlaceSource;
}

/** How a name reached an entry: the exact folded form, without the Arabic article, or by skeleton. */
export type MatchLevel = 'strict' | 'article' | 'skeleton';

export interface NameMatch {
  entry: IndexedEntry;
  level: MatchLevel;
  /** The name is the entry's own (primary or ASCII) name, not one of its alternates. */
  primary: boolean;
  /** The name is an adjective or plural for the place ("Syrian", "Americans"). */
  demonym: boolean;
}

/** What the geoparser needs from a gazetteer: GazetteerIndex, or any Gazetteer through asPlaceMatcher. */
export interface PlaceMatcher {
  match(name: string): NameMatch[];
  has(name: string): boolean;
}

export const FLAG_PRIMARY = 1;
export const FLAG_DEMONYM = 2;

/** The columns of all entries; index i of every array describes entry i. */
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

/**
 * A name table: key -> postings, each posting entryIndex * 4 + flags. Most names have one place, so a
 * single posting is stored as a bare number: half a million fewer arrays in memory.
 */
export type NameTable = Map<string, Postings>;

/**
 * One posting, several, or (in an index read from the cache) the cache's own text for them: base-36
 * numbers joined by commas, decoded when the name is first looked up. Most of the million names are
 * never looked up, so loading skips decoding them.
 */
export type Postings = number | number[] | string;

export function decodePostings(postings: Postings): number | number[] {
  if (typeof postings !== 'string') return postings;
  if (!postings.includes(',')) return parseInt(postings, 36);
  return postings.split(',').map((p) => parseInt(p, 36));
}

export interface IndexTables {
  columns: EntryColumns;
  strict: NameTable;
  article: NameTable;
  skeleton: NameTable;
}

/** Entries per lookup memo (names, not places): a few MB at most. */
const MEMO_LIMIT = 50_000;

/** Skeletons shorter than this collide too often to be evidence ("rk", "hm", "sd"). */
const MIN_SKELETON = 4;

export class GazetteerIndex implements Gazetteer, PlaceMatcher {
  private readonly objects = new Map<number, IndexedEntry>();
  private readonly countries = new Map<string, number>();
  // News repeats its capitalised words (names, sentence openers) across articles: folding each once
  // per process is most of what recognition costs. Both memos are bounded and simply restart when full.
  private readonly matchMemo = new Map<string, NameMatch[]>();
  private readonly hasMemo = new Map<string, boolean>();

  constructor(readonly tables: IndexTables) {
    const { columns } = tables;
    for (let i = 0; i < columns.name.length; i++) {
      if (columns.featureCode[i] === 'PCLI' && columns.source[i] === 'country') this.countries.set(columns.countryCode[i]!, i);
    }
  }

  get size(): number {
    return this.tables.columns.name.length;
  }

  entry(i: number): IndexedEntry {
    let e = this.objects.get(i);
    if (!e) {
      const c = this.tables.columns;
      e = {
        index: i,
        geonameId: c.geonameId[i] ?? null,
        name: c.name[i]!,
        lat: c.lat[i]!,
        lon: c.lon[i]!,
        countryCode: c.countryCode[i]!,
        admin1: c.admin1[i] ?? null,
        admin2: c.admin2[i] ?? null,
        featureClass: c.featureClass[i]!,
        featureCode: c.featureCode[i] ?? null,
        population: c.population[i]!,
        source: c.source[i]!,
      };
      this.objects.set(i, e);
    }
    return e;
  }

  /**
   * Every entry a name can mean, the closest fold level first; an entry appears once, at the
   * strictest level that reached it.
   */
  match(name: string): NameMatch[] {
    let cached = this.matchMemo.get(name);
    if (!cached) {
      if (this.matchMemo.size >= MEMO_LIMIT) this.matchMemo.clear();
      cached = this.matchUncached(name);
      this.matchMemo.set(name, cached);
    }
    return cached;
  }

  private matchUncached(name: string): NameMatch[] {
    const out: NameMatch[] = [];
    const seen = new Set<number>();
    const add = (raw: Postings | undefined, level: MatchLevel) => {
      if (raw === undefined) return;
      const postings = decodePostings(raw);
      for (const p of typeof postings === 'number' ? [postings] : postings) {
        const i = p >> 2;
        if (seen.has(i)) continue;
        seen.add(i);
        out.push({ entry: this.entry(i), level, primary: (p & FLAG_PRIMARY) !== 0, demonym: (p & FLAG_DEMONYM) !== 0 });
      }
    };
    const strict = strictKey(name);
    if (!strict) return out;
    add(this.tables.strict.get(strict), 'strict');
    // Either side may carry the article: "Al-Hol" reaches "Hol" and "Hol" reaches "El Hol".
    const article = articleKey(name);
    add(this.tables.article.get(article), 'article');
    if (article !== strict) add(this.tables.strict.get(article), 'article');
    const skeleton = skeletonKey(name);
    if (skeleton.length >= MIN_SKELETON) add(this.tables.skeleton.get(skeleton), 'skeleton');
    return out;
  }

  /** Cheap membership test for recognisers: does any entry carry this name (strict or article-free)? */
  has(name: string): boolean {
    let known = this.hasMemo.get(name);
    if (known === undefined) {
      if (this.hasMemo.size >= MEMO_LIMIT) this.hasMemo.clear();
      const a = articleKey(name);
      known = this.tables.strict.has(strictKey(name)) || this.tables.article.has(a) || this.tables.strict.has(a);
      this.hasMemo.set(name, known);
    }
    return known;
  }

  lookup(name: string): GazetteerEntry[] {
    return this.match(name).map((m) => m.entry);
  }

  country(code: string): IndexedEntry | undefined {
    const i = this.countries.get(code.toUpperCase());
    return i === undefined ? undefined : this.entry(i);
  }
}

/**
 * Lets the geoparser run on any Gazetteer (a user's own implementation): matches are taken as
 * strict, and primary when the entry's name folds to the query.
 */
export function asPlaceMatcher(g: Gazetteer): PlaceMatcher {
  if (g instanceof GazetteerIndex) return g;
  const ids = new Map<GazetteerEntry, number>();
  return {
    match(name) {
      const key = strictKey(name);
      return g.lookup(name).map((entry) => {
        if (!ids.has(entry)) ids.set(entry, ids.size);
        const indexed: IndexedEntry = {
          ...entry,
          index: ids.get(entry)!,
          featureClass: /^(PCL|ADM)/.test(entry.featureCode ?? '') ? 'A' : 'P',
          source: 'import',
        };
        return { entry: indexed, level: 'strict' as const, primary: strictKey(entry.name) === key, demonym: false };
      });
    },
    has: (name) => g.lookup(name).length > 0,
  };
}
