/**
 * ACLED geo-precision of a place mention: 1 when the text names the exact town or site, 2 when it
 * says "near" a place or names something larger than a town but smaller than a province (a county,
 * a river, a desert), 3 when the finest place given is an admin1 region, a country or larger.
 */
import type { GeoPrecision } from '../model/types.js';
import type { IndexedEntry } from './gazetteer-index.js';
import type { CueKind } from './recognise.js';

const REGION_LEVEL = /^(PCL.*|TERR|CONT|ADM1|RGN)$/;

export function geoPrecision(entry: Pick<IndexedEntry, 'featureClass' | 'featureCode'>, cue: CueKind | null): GeoPrecision {
  const code = entry.featureCode ?? '';
  if (REGION_LEVEL.test(code)) return 3;
  if (entry.featureClass === 'P' || entry.featureClass === 'S') return cue === 'near' ? 2 : 1;
  return 2;
}
