/**
 * Reads gazetteer supplements: the project's data/gazetteer/supplement.yaml and any user file given
 * with the pipeline's gazetteerFiles option. YAML files use the supplement format (see
 * data/gazetteer/README.md); .tsv/.txt files are GeoNames main-table rows.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { RecordExtension } from '../gazetteer-build.js';
import type { PlaceRecord } from '../place-record.js';
import { parseGeonamesTable } from './geonames-format.js';

/** A supplement file that cannot be used: the message names the file and the entry. */
export class SupplementError extends Error {}

interface RawPlace {
  name?: unknown;
  also?: unknown;
  lat?: unknown;
  lon?: unknown;
  country?: unknown;
  admin1?: unknown;
  feature?: unknown;
  population?: unknown;
  geonameId?: unknown;
}

interface RawExtension {
  target?: unknown;
  also?: unknown;
  lat?: unknown;
  lon?: unknown;
  feature?: unknown;
  population?: unknown;
}

function stringList(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((v) => typeof v === 'string' || typeof v === 'number')) {
    throw new SupplementError(`${where}: "also" must be a list of names`);
  }
  return value.map(String);
}

function coordinate(value: unknown, limit: number, field: string, where: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || Math.abs(value) > limit) {
    throw new SupplementError(`${where}: "${field}" must be a number within ±${limit}`);
  }
  return value;
}

function parseFeature(value: unknown, where: string): [string, string] {
  if (typeof value !== 'string' || !/^[AHLPRSTUV]\.[A-Z0-9]{2,6}$/.test(value)) {
    throw new SupplementError(`${where}: "feature" must be a GeoNames class.code such as P.PPL, A.ADM1, H.STM`);
  }
  const [cls, code] = value.split('.') as [string, string];
  return [cls, code];
}

function placeRecord(raw: RawPlace, where: string): PlaceRecord {
  if (typeof raw.name !== 'string' || !raw.name.trim()) throw new SupplementError(`${where}: "name" is required`);
  const at = `${where} (${raw.name})`;
  if (typeof raw.country !== 'string' || !/^[A-Z]{2}$/.test(raw.country)) {
    throw new SupplementError(`${at}: "country" must be an ISO 3166-1 alpha-2 code such as SY`);
  }
  const [featureClass, featureCode] = parseFeature(raw.feature ?? 'P.PPL', at);
  return {
    geonameId: typeof raw.geonameId === 'number' ? raw.geonameId : null,
    name: raw.name.trim(),
    alternateNames: stringList(raw.also, at),
    lat: coordinate(raw.lat, 90, 'lat', at),
    lon: coordinate(raw.lon, 180, 'lon', at),
    countryCode: raw.country,
    admin1Code: null,
    admin1: typeof raw.admin1 === 'string' ? raw.admin1 : null,
    featureClass,
    featureCode,
    population: typeof raw.population === 'number' ? raw.population : 0,
    source: 'supplement',
  };
}

function extension(raw: RawExtension, where: string): RecordExtension {
  if (typeof raw.target !== 'string' || !/^(geonames:\d+|country:[A-Z]{2}|admin1:[A-Z]{2}:.+)$/.test(raw.target)) {
    throw new SupplementError(`${where}: "target" must be geonames:<id>, country:<CC> or admin1:<CC>:<name>`);
  }
  const ext: RecordExtension = { target: raw.target, alternateNames: stringList(raw.also, where) };
  if (raw.lat !== undefined || raw.lon !== undefined) {
    ext.lat = coordinate(raw.lat, 90, 'lat', where);
    ext.lon = coordinate(raw.lon, 180, 'lon', where);
  }
  if (raw.feature !== undefined) ext.featureCode = parseFeature(raw.feature, where)[1];
  if (typeof raw.population === 'number') ext.population = raw.population;
  return ext;
}

export interface Supplement {
  records: PlaceRecord[];
  extensions: RecordExtension[];
}

/** Supplement YAML text -> records and extensions; throws SupplementError naming the bad entry. */
export function parseSupplementYaml(text: string, file: string): Supplement {
  let doc: unknown;
  try {
    doc = parse(text);
  } catch (error) {
    throw new SupplementError(`${file}: not valid YAML (${(error as Error).message.split('\n')[0]})`);
  }
  if (!doc || typeof doc !== 'object') throw new SupplementError(`${file}: expected a mapping with "places" and/or "extend"`);
  const { places = [], extend = [] } = doc as { places?: unknown; extend?: unknown };
  if (!Array.isArray(places) || !Array.isArray(extend)) throw new SupplementError(`${file}: "places" and "extend" must be lists`);
  // Targets are normalised the way the builder keys admin1 entries.
  return {
    records: places.map((p, i) => placeRecord(p as RawPlace, `${file}: places[${i}]`)),
    extensions: extend.map((e, i) => extension(e as RawExtension, `${file}: extend[${i}]`)),
  };
}

export function readSupplementFile(file: string): Supplement {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SupplementError(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  if (/\.ya?ml$/i.test(file)) return parseSupplementYaml(text, file);
  const { records, problems } = parseGeonamesTable(text, 'import');
  if (problems.length && !records.length) {
    throw new SupplementError(`${file}: line ${problems[0]!.line}: ${problems[0]!.message}`);
  }
  return { records, extensions: [] };
}
