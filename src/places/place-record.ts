/**
 * What every gazetteer source (GeoNames files, country and admin1 tables, US counties, the project's
 * supplement, user imports) is turned into before indexing: one record per place with all its names.
 */

/** Where an entry came from: decides tie-breaks and lets tests and `explain` say why a place won. */
export type PlaceSource = 'geonames' | 'country' | 'admin1' | 'county' | 'supplement' | 'import';

export interface PlaceRecord {
  geonameId: number | null;
  name: string;
  /** Every other name the place is known by (primary and ASCII names are added by the builder). */
  alternateNames: string[];
  /** Adjectival and plural forms that refer to the place ("Syrian", "Americans"): countries only. */
  demonyms?: string[];
  lat: number;
  lon: number;
  countryCode: string;
  /** Source-specific admin1 code (GeoNames "01", "OH") used to fill `admin1` names. */
  admin1Code: string | null;
  /** Admin1 name when the source knows it. */
  admin1: string | null;
  /**
   * GeoNames admin2 code (a district or county, unique within its country and admin1): only imported
   * GeoNames dumps fill it; absent for the bundled sources.
   */
  admin2Code?: string | null;
  /** GeoNames feature class (P populated place, A administrative, H water, T terrain, L area, S spot). */
  featureClass: string;
  featureCode: string | null;
  population: number;
  source: PlaceSource;
}

/**
 * Names kept for English text: Latin script only (the text we read is English), no airport codes
 * (GeoNames lists "KAC" among Qamishli's names), nothing empty.
 */
export function isUsableName(name: string): boolean {
  if (!name || name.length > 80) return false;
  if (/^[A-Z]{3,4}$/.test(name)) return false;
  // Any letter outside Latin (with its extensions) means another script: Arabic, Cyrillic, CJK...
  return !/[^\p{Script=Latin}\p{M}\s\d.,'’‘`ʿʾʼ()\-‐‑&/]/u.test(name);
}
