/**
 * ACLED's categories for a stored event. The event stage's taxonomy decides the type and sub-type
 * (src/events/acled.ts: sitrep's Displacement/Arrival become Strategic developments / Other); this
 * file adds the disorder type ACLED files carry, and falls back to the event's own labels for a
 * sub-type the taxonomy does not know (an older database, a user's own coder).
 */
import { feature } from '@rapideditor/country-coder';
import countries from 'i18n-iso-countries';
import { toAcledCategories } from '../../events/acled.js';

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
  const mapped = toAcledCategories({ type, subType });
  if (mapped) return { disorderType: DISORDER[mapped.event_type] ?? '', eventType: mapped.event_type, subEventType: mapped.sub_event_type };
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
