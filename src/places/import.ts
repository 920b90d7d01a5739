/**
 * Import of GeoNames dumps for users who want complete coverage. Main-table files are merged (one row
 * per geonameid, later files win), alternate names are folded into their places' alternatenames
 * column, admin1 names are kept as a table; the result is written under $SITREP_HOME/gazetteer in
 * GeoNames' own formats, so it stays inspectable, and loadGazetteer rebuilds its cache from it.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { PlaceRecord } from './place-record.js';
import { parseAdmin1Codes, parseAlternateNames, parseGeonamesTable, sniffGeonamesFormat } from './sources/geonames-format.js';
import { importedAdmin1Path, importedPlacesPath } from './user-data.js';

function toLine(r: PlaceRecord): string {
  const alternates = r.alternateNames.map((n) => n.replace(/[,\t\n]/g, ' ')).join(',');
  // Columns of the GeoNames main table; those sitrep does not use are left empty.
  return [r.geonameId, r.name, r.name, alternates, r.lat, r.lon, r.featureClass, r.featureCode ?? '', r.countryCode, '', r.admin1Code ?? '', r.admin2Code ?? '', '', '', r.population, '', '', '', ''].join('\t');
}

function writeAtomically(file: string, text: string): void {
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

export function importGeonamesFiles(files: string[]): { lines: string[] } | { error: string } {
  const places = new Map<number, PlaceRecord>();
  if (existsSync(importedPlacesPath())) {
    for (const r of parseGeonamesTable(readFileSync(importedPlacesPath(), 'utf8'), 'import').records) places.set(r.geonameId!, r);
  }
  const admin1 = existsSync(importedAdmin1Path()) ? parseAdmin1Codes(readFileSync(importedAdmin1Path(), 'utf8')).names : new Map<string, string>();
  const lines: string[] = [];
  const pendingAlternates: Array<{ geonameId: number; name: string }> = [];
  for (const file of files) {
    if (!existsSync(file)) return { error: `${file}: no such file` };
    const text = readFileSync(file, 'utf8');
    const format = sniffGeonamesFormat(text);
    if (!format) {
      return { error: `${file}: not a GeoNames dump (expected the main table, alternateNamesV2.txt or admin1CodesASCII.txt format)` };
    }
    if (format === 'main') {
      const { records, problems } = parseGeonamesTable(text, 'import');
      if (problems.length) return { error: `${file}: line ${problems[0]!.line}: ${problems[0]!.message}` };
      for (const r of records) places.set(r.geonameId!, r);
      lines.push(`${file}: ${records.length} places`);
    } else if (format === 'alternateNames') {
      const { names, problems } = parseAlternateNames(text);
      if (problems.length) return { error: `${file}: line ${problems[0]!.line}: ${problems[0]!.message}` };
      pendingAlternates.push(...names.filter((n) => !n.historic));
      lines.push(`${file}: ${names.length} alternate names`);
    } else {
      const { names, problems } = parseAdmin1Codes(text);
      if (problems.length) return { error: `${file}: line ${problems[0]!.line}: ${problems[0]!.message}` };
      for (const [code, name] of names) admin1.set(code, name);
      lines.push(`${file}: ${names.size} admin1 regions`);
    }
  }
  // Alternate names apply whatever the order of the files; names of places not imported are kept
  // only if the bundled gazetteer could use them, which it cannot by id alone: they are skipped.
  let attached = 0;
  for (const alt of pendingAlternates) {
    const r = places.get(alt.geonameId);
    if (!r || r.name === alt.name || r.alternateNames.includes(alt.name)) continue;
    r.alternateNames.push(alt.name);
    attached++;
  }
  if (pendingAlternates.length) lines.push(`alternate names attached to imported places: ${attached}`);
  for (const r of places.values()) if (!r.admin1 && r.admin1Code) r.admin1 = admin1.get(`${r.countryCode}.${r.admin1Code}`) ?? null;
  writeAtomically(importedPlacesPath(), [...places.values()].map(toLine).join('\n') + '\n');
  writeAtomically(importedAdmin1Path(), [...admin1.entries()].map(([c, n]) => `${c}\t${n}\t${n}\t`).join('\n') + '\n');
  lines.push(`gazetteer now has ${places.size} imported places and ${admin1.size} admin1 names in ${dirname(importedPlacesPath())}`);
  return { lines };
}
