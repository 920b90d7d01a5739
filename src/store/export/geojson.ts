/** GeoJSON FeatureCollection of events: points where located, null geometry otherwise (RFC 7946 allows it). */
import { describeFatalityClaims } from '../../merge/summarise.js';
import type { ChangeSet, StoredEvent } from '../types.js';

export function eventFeature(event: StoredEvent) {
  const loc = event.location;
  return {
    type: 'Feature' as const,
    id: event.id,
    geometry: loc ? { type: 'Point' as const, coordinates: [loc.lon, loc.lat] } : null,
    properties: {
      id: event.id,
      type: event.type,
      subType: event.subType,
      date: event.date,
      dateEnd: event.dateEnd,
      datePrecision: event.datePrecision,
      actor1: event.actor1,
      actor2: event.actor2,
      location: loc?.name ?? null,
      country: loc?.countryCode ?? null,
      admin1: loc?.admin1 ?? null,
      geoPrecision: loc?.precision ?? null,
      fatalities: event.fatalities,
      fatalitiesMin: event.fatalitiesMin,
      fatalitiesMax: event.fatalitiesMax,
      claims: describeFatalityClaims(event.claims),
      sources: event.sourceNames,
      sourceCount: event.articleIds.length,
      evidence: event.evidence,
      created: event.created,
      updated: event.updated,
    },
  };
}

/** Streams the collection so a large store never has to fit in one string. */
export function writeGeoJson(events: Iterable<StoredEvent>, write: (chunk: string) => void, changes?: ChangeSet): void {
  write('{"type":"FeatureCollection",');
  // A foreign member (RFC 7946 section 6.1): what a synced copy must remove.
  if (changes) write(`"since":${JSON.stringify(changes.since)},"deleted":${JSON.stringify(changes.deleted)},`);
  write('"features":[');
  let first = true;
  for (const event of events) {
    write((first ? '\n' : ',\n') + JSON.stringify(eventFeature(event)));
    first = false;
  }
  write('\n]}\n');
}
