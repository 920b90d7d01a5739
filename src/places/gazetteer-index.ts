/**
 * GazetteerIndex: the loaded gazetteer. Entries are kept column-wise in the packed buffer the cache
 * file holds (gazetteer-packed.ts) and turned into objects only when looked up; names sit in three
 * sorted tables, one per fold level of fold.ts, searched by bisection and memoised per name.
 */
import type { Gazetteer, GazetteerEntry } from '../model/resources.js';
import type { PlaceSource } from './place-record.js';
import { articleKeyOf, skeletonKeyOf, strictKey } from './fold.js';
import { tableHas, tablePostings, type PackedIndex } from './gazetteer-packed.js';
import { TextMemo } from '../text/text-memo.js';

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

/** Entries per lookup memo (names, not places): a few MB at most. */
const MEMO_LIMIT = 50_000;

/** Skeletons shorter than this collide too often to be evidence ("rk", "hm", "sd"). */
const MIN_SKELETON = 4;

export class GazetteerIndex implements Gazetteer, PlaceMatcher {
  private readonly objects = new Map<number, IndexedEntry>();
  private readonly countries = new Map<string, number>();
  // News repeats its capitalised words (names, sentence openers) across articles: folding each once
  // per process is most of what recognition costs. Both memos are bounded and simply restart when full.
  private readonly matchMemo = new TextMemo<NameMatch[]>(MEMO_LIMIT);
  private readonly hasMemo = new TextMemo<boolean>(MEMO_LIMIT);

  constructor(readonly packed: PackedIndex) {
    const { featureCode, source, countryCode } = packed.coded;
    for (let i = 0; i < packed.count; i++) {
      if (featureCode.values[featureCode.codes[i]!] === 'PCLI' && source.values[source.codes[i]!] === 'country') {
        this.countries.set(countryCode.values[countryCode.codes[i]!]!, i);
      }
    }
  }

  get size(): number {
    return this.packed.count;
  }

  entry(i: number): IndexedEntry {
    let e = this.objects.get(i);
    if (!e) {
      const p = this.packed;
      const coded = <K extends keyof PackedIndex['coded']>(column: K) => p.coded[column].values[p.coded[column].codes[i]!]!;
      const id = p.geonameId[i]!;
      e = {
        index: i,
        geonameId: id < 0 ? null : id,
        name: p.names.toString('utf8', p.nameStart[i], p.nameStart[i + 1]),
        lat: p.lat[i]!,
        lon: p.lon[i]!,
        countryCode: coded('countryCode')!,
        admin1: coded('admin1') ?? null,
        admin2: coded('admin2') ?? null,
        featureClass: coded('featureClass')!,
        featureCode: coded('featureCode') ?? null,
        population: p.population[i]!,
        source: coded('source') as PlaceSource,
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
      cached = this.matchUncached(name);
      this.matchMemo.set(name, cached);
    }
    return cached;
  }

  private matchUncached(name: string): NameMatch[] {
    const out: NameMatch[] = [];
    const seen = new Set<number>();
    const { tables } = this.packed;
    const add = (postings: number[], level: MatchLevel) => {
      for (const p of postings) {
        const i = p >> 2;
        if (seen.has(i)) continue;
        seen.add(i);
        out.push({ entry: this.entry(i), level, primary: (p & FLAG_PRIMARY) !== 0, demonym: (p & FLAG_DEMONYM) !== 0 });
      }
    };
    const strict = strictKey(name);
    if (!strict) return out;
    add(tablePostings(tables.strict, strict), 'strict');
    // Either side may carry the article: "Al-Hol" reaches "Hol" and "Hol" reaches "El Hol".
    const article = articleKeyOf(name, strict);
    add(tablePostings(tables.article, article), 'article');
    if (article !== strict) add(tablePostings(tables.strict, article), 'article');
    const skeleton = skeletonKeyOf(strict);
    if (skeleton.length >= MIN_SKELETON) add(tablePostings(tables.skeleton, skeleton), 'skeleton');
    return out;
  }

  /** Cheap membership test for recognisers: does any entry carry this name (strict or article-free)? */
  has(name: string): boolean {
    let known = this.hasMemo.get(name);
    if (known === undefined) {
      const { tables } = this.packed;
      const strict = strictKey(name);
      const a = articleKeyOf(name, strict);
      known = tableHas(tables.strict, strict) || tableHas(tables.article, a) || tableHas(tables.strict, a);
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
