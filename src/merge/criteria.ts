/**
 * The merge rule, one criterion per function so `sitrep explain` can print each verdict.
 *
 * Two reports describe the same event when nothing conflicts (type, date, place, actors, article),
 * the dates agree, and at least one of place or actors positively agrees. Requiring a positive
 * agreement besides the date keeps "an airstrike somewhere in Syria on Monday" from swallowing every
 * airstrike that Monday; letting either place or actors carry it lets a report without a named place
 * join one with the same two actors on the same day.
 */
import type { EventLocation } from '../model/types.js';
import { DATE_TOLERANCE_DAYS, eventInterval, intervalGap } from './dates.js';
import { haversineKm } from './geo.js';
import type { Check, Comparison, EventFacts } from './types.js';

/**
 * Reports of one event place it within this distance (town centre vs a named neighbourhood), or in
 * the same district (see sameAdmin2): a report may name the district's villages, another its town.
 */
export const MERGE_RADIUS_KM = 25;

export function checkType(a: EventFacts, b: EventFacts): Check {
  if (a.type !== b.type) {
    return { criterion: 'type', outcome: 'conflict', detail: `different types: ${a.type} vs ${b.type}` };
  }
  const sub = a.subType === b.subType ? a.subType : `${a.subType} / ${b.subType}`;
  return { criterion: 'type', outcome: 'match', detail: `same type: ${a.type} (${sub})` };
}

export function checkDate(a: EventFacts, b: EventFacts): Check {
  const ia = eventInterval(a.date, a.dateEnd);
  const ib = eventInterval(b.date, b.dateEnd);
  if (!ia || !ib) return { criterion: 'date', outcome: 'unknown', detail: 'a report has no date' };
  const tolerance = DATE_TOLERANCE_DAYS[Math.max(a.datePrecision, b.datePrecision) as 1 | 2 | 3];
  const gap = intervalGap(ia, ib);
  const dates = `${a.date}${a.dateEnd ? `..${a.dateEnd}` : ''} vs ${b.date}${b.dateEnd ? `..${b.dateEnd}` : ''}`;
  return gap <= tolerance
    ? { criterion: 'date', outcome: 'match', detail: `${dates}: ${gap} day(s) apart, window ${tolerance}` }
    : { criterion: 'date', outcome: 'conflict', detail: `${dates}: ${gap} days apart, window ${tolerance}` };
}

/**
 * The same second-level division (a district): "within 25 km or same admin2". Only places both
 * resolved through an imported GeoNames dump carry admin2; the code is unique within its country
 * and admin1, so all three must agree. A place without admin2 neither matches nor conflicts here.
 */
export function sameAdmin2(a: EventLocation, b: EventLocation): boolean {
  return Boolean(a.admin2 && b.admin2 && a.admin2 === b.admin2 && a.countryCode === b.countryCode && a.admin1 === b.admin1);
}

const foldedNames = new Map<string, string>();

/** A place name without case or accents. Memoised: names repeat across comparisons. */
export function foldPlaceName(name: string): string {
  let folded = foldedNames.get(name);
  if (folded === undefined) {
    folded = name.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
    if (foldedNames.size < 100_000) foldedNames.set(name, folded);
  }
  return folded;
}

function placeKey(location: EventLocation): string {
  return `${location.countryCode}|${foldPlaceName(location.name)}`;
}

/**
 * Whether two places of one country more than MERGE_RADIUS_KM apart can still match in checkLocation:
 * by the same place name, the same district or the same province, the last two within one admin1. Any
 * other such pair is a location conflict, never merged, so the store does not offer it as a merge
 * candidate (a report would otherwise be compared with every event of its type, days and country).
 */
export function mayMatchWithinCountry(a: { name: string | null; admin1: string | null }, b: { name: string | null; admin1: string | null }): boolean {
  if (!a.admin1 || !b.admin1 || a.admin1 === b.admin1) return true;
  return a.name !== null && b.name !== null && foldPlaceName(a.name) === foldPlaceName(b.name);
}

export function checkLocation(a: EventFacts, b: EventFacts): Check & { km?: number } {
  const la = a.location;
  const lb = b.location;
  if (!la || !lb) return { criterion: 'location', outcome: 'unknown', detail: 'a report has no place' };
  const km = haversineKm(la.lat, la.lon, lb.lat, lb.lon);
  const where = `${la.name} vs ${lb.name}`;
  if (km <= MERGE_RADIUS_KM) {
    return { criterion: 'location', outcome: 'match', km, detail: `${where}: ${km.toFixed(1)} km apart (<= ${MERGE_RADIUS_KM})` };
  }
  if (placeKey(la) === placeKey(lb)) {
    return { criterion: 'location', outcome: 'match', km, detail: `${where}: same place name and country` };
  }
  if (sameAdmin2(la, lb)) {
    return {
      criterion: 'location',
      outcome: 'match',
      km,
      detail: `${where}: ${km.toFixed(1)} km apart but in the same district (admin2 ${la.admin2} of ${la.admin1}, ${la.countryCode})`,
    };
  }
  // A report that only names the province neither confirms nor contradicts one naming a town in it.
  const coarse = la.precision === 3 ? la : lb.precision === 3 ? lb : null;
  if (coarse && la.countryCode === lb.countryCode && la.admin1 && la.admin1 === lb.admin1) {
    return { criterion: 'location', outcome: 'unknown', km, detail: `${where}: ${coarse.name} is only the region (${coarse.admin1})` };
  }
  return { criterion: 'location', outcome: 'conflict', km, detail: `${where}: ${km.toFixed(1)} km apart (> ${MERGE_RADIUS_KM})` };
}

// Generic parties ("Civilians", "Unidentified Armed Group") are in many unrelated events: they neither
// confirm nor contradict that two reports are one event.
const GENERIC_ACTOR = /^(unidentified|unknown|civilians|protesters|rioters)\b/i;

function actorSet(facts: EventFacts): Map<string, string> {
  const set = new Map<string, string>();
  for (const actor of [facts.actor1, facts.actor2]) {
    if (actor && !GENERIC_ACTOR.test(actor)) set.set(actor.trim().toLowerCase(), actor);
  }
  return set;
}

export function checkActors(a: EventFacts, b: EventFacts): Check {
  const sa = actorSet(a);
  const sb = actorSet(b);
  if (!sa.size || !sb.size) return { criterion: 'actors', outcome: 'unknown', detail: 'a report names no actor' };
  const shared = [...sa.keys()].filter((key) => sb.has(key)).map((key) => sa.get(key));
  if (shared.length) return { criterion: 'actors', outcome: 'match', detail: `shared actor(s): ${shared.join(', ')}` };
  return {
    criterion: 'actors',
    outcome: 'conflict',
    detail: `no actor in common: ${[...sa.values()].join(', ')} vs ${[...sb.values()].join(', ')}`,
  };
}

/** Two reports in one article are two events: the article itself told them apart. */
export function checkArticles(aArticles: string[], bArticles: string[]): Check {
  const shared = aArticles.filter((id) => bArticles.includes(id));
  return shared.length
    ? { criterion: 'articles', outcome: 'conflict', detail: `both reported by article ${shared[0]}` }
    : { criterion: 'articles', outcome: 'match', detail: 'reported by different articles' };
}

/** All criteria for two reports or events, with a closeness score for choosing among matches. */
export function compareFacts(a: EventFacts, b: EventFacts, aArticles: string[], bArticles: string[]): Comparison {
  const type = checkType(a, b);
  const date = checkDate(a, b);
  const location = checkLocation(a, b);
  const actors = checkActors(a, b);
  const articles = checkArticles(aArticles, bArticles);
  const checks = [type, date, location, actors, articles];
  const compatible =
    checks.every((c) => c.outcome !== 'conflict') &&
    date.outcome === 'match' &&
    (location.outcome === 'match' || actors.outcome === 'match');
  let score = 0;
  if (date.outcome === 'match') score += 1;
  if (location.outcome === 'match') score += 1 - Math.min(location.km ?? 0, MERGE_RADIUS_KM) / (MERGE_RADIUS_KM * 2);
  if (actors.outcome === 'match') score += 1;
  return { compatible, checks, score };
}
