/**
 * Builds the index tables from PlaceRecords: merges records that are the same place (same GeoNames id,
 * or a supplement entry that `extends` another), names admin1 regions, and files every name under its
 * fold keys. Runs once, at first use; the result is packed (gazetteer-packed.ts) and cached
 * (gazetteer-cache.ts).
 */
import { FLAG_DEMONYM, FLAG_PRIMARY } from './gazetteer-index.js';
import type { EntryColumns, IndexTables, NameTable } from './gazetteer-packed.js';
import type { PlaceRecord } from './place-record.js';
import { articleKey, skeletonKey, strictKey } from './fold.js';

/** Adds names to, or moves, an entry that another source already has. */
export interface RecordExtension {
  /** "geonames:172256", "country:US" or "admin1:US:Ohio" (country code and admin1 name). */
  target: string;
  alternateNames: string[];
  lat?: number;
  lon?: number;
  featureCode?: string;
  population?: number;
}

export function recordKeys(r: PlaceRecord): string[] {
  const keys: string[] = [];
  if (r.geonameId !== null) keys.push(`geonames:${r.geonameId}`);
  if (r.source === 'country') keys.push(`country:${r.countryCode}`);
  if (r.source === 'admin1') keys.push(`admin1:${r.countryCode}:${strictKey(r.name)}`);
  return keys;
}

/**
 * Names each GeoNames record's admin1 code. GeoNames codes ("01") differ from ISO 3166-2 codes for
 * most countries, and the bundled data has no table between them, so:
 *  - a letter code equal to the region's ISO code (US "OH", CH "ZH") or a region capital (PPLA) named
 *    like the region ("Homs" in Homs) names its code directly;
 *  - every other code goes to the region whose point is nearest to the median of the code's towns,
 *    one region per code, closest pairs first. Nearest-point voting town by town fails for small
 *    regions beside big ones (the towns around Sydney are nearer the Australian Capital Territory's
 *    point than New South Wales's); the median of a whole code does not.
 */
function nameAdmin1(records: PlaceRecord[], admin1Names: Map<string, string>): void {
  const regionsByCountry = new Map<string, PlaceRecord[]>();
  for (const r of records) {
    if (r.source !== 'admin1' || r.featureCode !== 'ADM1') continue;
    const list = regionsByCountry.get(r.countryCode) ?? [];
    list.push(r);
    regionsByCountry.set(r.countryCode, list);
  }
  const towns = new Map<string, PlaceRecord[]>();
  const direct = new Map<string, string>();
  for (const r of records) {
    if (!r.admin1Code || r.admin1) continue;
    const key = `${r.countryCode}.${r.admin1Code}`;
    if (admin1Names.has(key) || !regionsByCountry.has(r.countryCode)) continue;
    const regions = regionsByCountry.get(r.countryCode)!;
    const named =
      (/[A-Z]/.test(r.admin1Code) ? regions.find((g) => g.admin1Code === r.admin1Code) : undefined) ??
      (r.featureCode === 'PPLA' ? regions.find((g) => sharesName(g, r)) : undefined);
    if (named && !direct.has(key)) direct.set(key, named.name);
    const list = towns.get(key) ?? [];
    list.push(r);
    towns.set(key, list);
  }
  const taken = new Set<string>();
  for (const [key, name] of direct) {
    admin1Names.set(key, name);
    taken.add(`${key.slice(0, 2)}:${name}`);
  }
  const pairs: Array<{ key: string; region: string; d: number }> = [];
  const nearest = new Map<string, string>();
  for (const [key, list] of towns) {
    if (admin1Names.has(key)) continue;
    const lat = median(list.map((t) => t.lat));
    const lon = median(list.map((t) => t.lon));
    const cos = Math.cos((lat * Math.PI) / 180);
    let best = Infinity;
    for (const g of regionsByCountry.get(key.slice(0, 2))!) {
      const d = (g.lat - lat) ** 2 + ((g.lon - lon) * cos) ** 2;
      pairs.push({ key, region: g.name, d });
      if (d < best) {
        best = d;
        nearest.set(key, g.name);
      }
    }
  }
  pairs.sort((x, y) => x.d - y.d || (x.key < y.key ? -1 : x.key > y.key ? 1 : 0));
  for (const p of pairs) {
    const region = `${p.key.slice(0, 2)}:${p.region}`;
    if (admin1Names.has(p.key) || taken.has(region)) continue;
    admin1Names.set(p.key, p.region);
    taken.add(region);
  }
  for (const [key, name] of nearest) if (!admin1Names.has(key)) admin1Names.set(key, name);
  for (const r of records) {
    if (!r.admin1 && r.admin1Code) r.admin1 = admin1Names.get(`${r.countryCode}.${r.admin1Code}`) ?? null;
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function sharesName(a: PlaceRecord, b: PlaceRecord): boolean {
  const names = new Set([a.name, ...a.alternateNames].map(articleKey));
  return [b.name, ...b.alternateNames].some((n) => names.has(articleKey(n)));
}

function post(table: NameTable, key: string, posting: number): void {
  const current = table.get(key);
  if (current === undefined) {
    table.set(key, posting);
    return;
  }
  const list = typeof current === 'number' ? [current] : current;
  const i = list.findIndex((p) => p >> 2 === posting >> 2);
  // The same entry under the same key twice: keep the stronger flags.
  if (i >= 0) list[i] = list[i]! | (posting & 3);
  else list.push(posting);
  table.set(key, list.length === 1 ? list[0]! : list);
}

/**
 * A supplement town GeoNames already has under one of its names, within 15 km: the supplement then
 * adds names to it instead of creating a rival entry that would split the votes of resolution.
 */
function sameTown(r: PlaceRecord, byName: Map<string, PlaceRecord[]>): PlaceRecord | undefined {
  if (r.featureClass !== 'P') return undefined;
  for (const n of [r.name, ...r.alternateNames]) {
    for (const g of byName.get(articleKey(n)) ?? []) {
      const dLat = (g.lat - r.lat) * 111;
      const dLon = (g.lon - r.lon) * 111 * Math.cos((r.lat * Math.PI) / 180);
      if (g.countryCode === r.countryCode && dLat * dLat + dLon * dLon < 15 * 15) return g;
    }
  }
  return undefined;
}

export interface BuildInput {
  records: PlaceRecord[];
  extensions: RecordExtension[];
  /** Admin1 names from an imported admin1CodesASCII.txt ("SY.01" -> "Al-Hasakah"). */
  admin1Names: Map<string, string>;
  /** Countries whose names are also indexed by consonant skeleton. */
  transliterated: Set<string>;
}

export function buildIndexTables(input: BuildInput): IndexTables {
  const merged: PlaceRecord[] = [];
  const byKey = new Map<string, PlaceRecord>();
  const byName = new Map<string, PlaceRecord[]>();
  for (const r of input.records) {
    const existing = recordKeys(r).map((k) => byKey.get(k)).find(Boolean) ?? (r.source === 'supplement' ? sameTown(r, byName) : undefined);
    if (existing) {
      // A later source (an import) adds names to the place it shares an id with.
      const names = new Set(existing.alternateNames);
      for (const n of [r.name, ...r.alternateNames]) if (n !== existing.name) names.add(n);
      existing.alternateNames = [...names];
      existing.population = Math.max(existing.population, r.population);
      if (!existing.admin1 && r.admin1) existing.admin1 = r.admin1;
      if (!existing.admin1Code && r.admin1Code) existing.admin1Code = r.admin1Code;
      if (!existing.admin2Code && r.admin2Code) existing.admin2Code = r.admin2Code;
      continue;
    }
    merged.push(r);
    for (const k of recordKeys(r)) byKey.set(k, r);
    if (r.source === 'geonames') {
      for (const n of [r.name, ...r.alternateNames]) {
        const k = articleKey(n);
        const list = byName.get(k);
        if (!list) byName.set(k, [r]);
        else if (!list.includes(r)) list.push(r);
      }
    }
  }
  for (const ext of input.extensions) {
    const m = /^admin1:([A-Z]{2}):(.+)$/.exec(ext.target);
    const r = byKey.get(m ? `admin1:${m[1]}:${strictKey(m[2]!)}` : ext.target);
    if (!r) continue;
    r.alternateNames = [...new Set([...r.alternateNames, ...ext.alternateNames])];
    if (ext.lat !== undefined && ext.lon !== undefined) {
      r.lat = ext.lat;
      r.lon = ext.lon;
    }
    if (ext.featureCode) r.featureCode = ext.featureCode;
    if (ext.population !== undefined) r.population = ext.population;
  }
  nameAdmin1(merged, input.admin1Names);

  const columns: EntryColumns = {
    geonameId: [], name: [], lat: [], lon: [], countryCode: [], admin1: [], admin2: [], featureClass: [],
    featureCode: [], population: [], source: [],
  };
  const strict: NameTable = new Map();
  const article: NameTable = new Map();
  const skeleton: NameTable = new Map();
  merged.forEach((r, i) => {
    columns.geonameId.push(r.geonameId);
    columns.name.push(r.name);
    columns.lat.push(Math.round(r.lat * 1e5) / 1e5);
    columns.lon.push(Math.round(r.lon * 1e5) / 1e5);
    columns.countryCode.push(r.countryCode);
    columns.admin1.push(r.admin1);
    columns.admin2.push(r.admin2Code ?? null);
    columns.featureClass.push(r.featureClass);
    columns.featureCode.push(r.featureCode);
    columns.population.push(r.population);
    columns.source.push(r.source);
    const names: Array<[string, number]> = [[r.name, FLAG_PRIMARY]];
    for (const n of r.alternateNames) names.push([n, 0]);
    for (const n of r.demonyms ?? []) names.push([n, FLAG_DEMONYM]);
    const transliterated = input.transliterated.has(r.countryCode);
    for (const [n, flags] of names) {
      const s = strictKey(n);
      if (!s) continue;
      const posting = i * 4 + flags;
      post(strict, s, posting);
      const a = articleKey(n);
      if (a !== s) post(article, a, posting);
      if (transliterated && !(flags & FLAG_DEMONYM)) {
        const k = skeletonKey(n);
        if (k.length >= 3) post(skeleton, k, posting);
      }
    }
  });
  return { columns, strict, article, skeleton };
}
