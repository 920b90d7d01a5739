/**
 * ACLED CSV categories for a sitrep event: ACLED's own types pass through; sitrep's humanitarian
 * extension maps to how ACLED codes displacement (Strategic developments / Other), as taxonomy.json
 * says; context records and labels ACLED does not have map to nothing.
 */
import type { EventSpan } from '../model/types.js';
import { eventLexicons } from './lexicons.js';

export interface AcledCategories {
  event_type: string;
  sub_event_type: string;
}

export function toAcledCategories(event: Pick<EventSpan, 'type' | 'subType'>): AcledCategories | null {
  const info = eventLexicons().taxonomy.subTypes[event.subType];
  if (!info?.type || info.unresolved || info.type !== event.type) return null;
  if (info.acled) return { event_type: info.acled[0], sub_event_type: info.acled[1] };
  return { event_type: info.type, sub_event_type: event.subType };
}
