/**
 * Interfaces of the shared resources stages look things up in. Implementations live with their stage
 * (places/ builds the gazetteer, entities/ loads the actor dictionary); this file is the contract.
 */
import type { ActorCategory, PlacePoint } from './types.js';

export interface GazetteerEntry extends PlacePoint {
  /** GeoNames id when the entry comes from GeoNames data; null for supplement-only entries. */
  geonameId: number | null;
  featureCode: string | null;
  population: number;
}

export interface Gazetteer {
  /** Entries whose name or alternate name matches `name` transliteration-aware (folding, al-, ...). */
  lookup(name: string): GazetteerEntry[];
  /** Country entry by ISO 3166-1 alpha-2 code. */
  country(code: string): GazetteerEntry | undefined;
}

export interface ActorEntry {
  canonical: string;
  aliases: string[];
  category: ActorCategory;
  /** ISO 3166-1 alpha-2 of the actor's home country, when it has one. */
  country: string | null;
}

export interface ActorDictionary {
  /** The actor a surface form ("Daesh", "ISIL", "SDF") names, if any. */
  resolve(surface: string): ActorEntry | undefined;
  all(): ActorEntry[];
}
