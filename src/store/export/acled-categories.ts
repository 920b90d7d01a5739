/**
 * ACLED's categories for sitrep's event types. sitrep adds Displacement and Arrival, which ACLED has
 * no type for; they export as Strategic developments / Other so an ACLED-shaped file stays valid.
 * (The event stage is to export its own `toAcledCategories` from src/events/acled.ts; this is the
 * exporter's minimal copy until then.)
 */
import { feature } from '@rapideditor/country-coder';
import countries from 'i18n-iso-countries';

const SITREP_ONLY_TYPES = new Set(['Displacement', 'Arrival']);

const DISORDER: Record<string, string> = {
  Battles: 'Political violence',
  'Explosions/Remote violence': 'Political violence',
  'Violence against civilians': 'Political violence',
  Riots: 'Demonstrations',
  Protests: 'Demonstrations',
  'Strategic developments': 'Strategic developments',
};

export function acledCategories(type: string, subType: string): { disorderType: string; eventType: string; subEventType: string } {
  if (SITREP_ONLY_TYPES.has(type)) {
    return { disorderType: 'Strategic developments', eventType: 'Strategic developments', subEventType: 'Other' };
  }
  return { disorderType: DISORDER[type] ?? '', eventType: type, subEventType: subType };
}

/** ACLED's country naming is the common English name ("Syria", not "Syrian Arab Republic"). */
export function countryName(code: string | null | undefined): string {
  if (!code) return '';
  return feature(code)?.properties.nameEn ?? countries.getName(code, 'en') ?? code;
}

/** ISO 3166-1 numeric, ACLED's `iso` column. */
export function isoNumeric(code: string | null | undefined): string {
  if (!code) return '';
  const numeric = countries.alpha2ToNumeric(code);
  return numeric ? String(Number(numeric)) : '';
}
