/**
 * Actor noun phrases built from a nationality or country and a group noun: "Syrian government forces"
 * (Military Forces of Syria), "Iraqi police" (Police Forces of Iraq), "Kurdish forces" (a group with no
 * state), and foreign-backed forces: "US-backed forces" in a story about the SDF are the SDF, found
 * through the `backers` of the actors the article names.
 */
import type { ActorCategory, EntitySpan } from '../model/types.js';
import type { ActorRecord } from './actors.js';
import type { Anchor } from './anchors.js';
import type { CountryInfo } from './lexicons.js';
import type { TokenView } from './segments.js';

const SPONSOR_VERBS = new Set(['backed', 'led', 'supported', 'sponsored', 'allied', 'aligned', 'funded', 'armed', 'trained']);
const POLICE = new Set(['police', 'policemen']);
const GOVERNMENT = new Set(['government', 'authorities', 'regime']);

type GroupAnchor = Extract<Anchor, { kind: 'group' }>;
type NationAnchor = Extract<Anchor, { kind: 'nationality' | 'country' | 'capital' }>;

function nationOf(anchor: NationAnchor): CountryInfo | null {
  return anchor.kind === 'nationality' ? anchor.nationality.country : anchor.country;
}

function isNation(anchor: Anchor | undefined): anchor is NationAnchor {
  return !!anchor && (anchor.kind === 'nationality' || anchor.kind === 'country');
}

/** The canonical name ACLED-style coding gives a state's forces. */
function stateActorName(country: CountryInfo, noun: string): string {
  if (POLICE.has(noun)) return `Police Forces of ${country.name}`;
  if (GOVERNMENT.has(noun)) return `Government of ${country.name}`;
  return `Military Forces of ${country.name}`;
}

/** The actor most named in the article among those `country` backs ("US-backed forces" -> SDF). */
function backedActor(country: CountryInfo, mentions: Map<ActorRecord, number>): ActorRecord | undefined {
  let best: ActorRecord | undefined;
  let bestCount = 0;
  for (const [actor, count] of mentions) {
    if (actor.backers.includes(country.code) && count > bestCount) {
      best = actor;
      bestCount = count;
    }
  }
  return best;
}

/**
 * ORGANISATION spans for "<nation> <group noun>" and "<nation>-backed [<nation>] <group noun>".
 * `anchors` are sorted; the group anchor at index g is combined with the nation anchors before it.
 */
export function actorPhrases(view: TokenView, anchors: Anchor[], actorMentions: Map<ActorRecord, number>): EntitySpan[] {
  const { tokens, lower } = view;
  const phrases: EntitySpan[] = [];
  for (let g = 1; g < anchors.length; g++) {
    const group = anchors[g];
    if (group.kind !== 'group') continue;
    const noun = lower[group.last];
    let firstToken = -1;
    let canonical: string | undefined;
    let category: ActorCategory | undefined;
    const before = anchors[g - 1];
    const adjacent = isNation(before) && before.last + 1 === group.first && view.segment[before.last] === view.segment[group.first];
    // "US-backed Syrian forces": look past the nationality adjective for the sponsor.
    const sponsorEnd = adjacent ? before.first - 1 : group.first - 1;
    const sponsor = sponsoredBy(view, anchors, g - (adjacent ? 1 : 0), sponsorEnd);
    if (sponsor) {
      firstToken = sponsor.anchor.first;
      const country = nationOf(sponsor.anchor);
      const actor = country ? backedActor(country, actorMentions) : undefined;
      if (actor) {
        canonical = actor.canonical;
        category = actor.category;
      }
    } else if (adjacent) {
      firstToken = before.first;
      const country = nationOf(before);
      if (country && (group as GroupAnchor).role === 'State forces') {
        canonical = stateActorName(country, noun);
        category = 'State forces';
      } else if (country && noun === 'forces') {
        canonical = stateActorName(country, noun);
        category = 'State forces';
      }
    }
    if (firstToken < 0) continue;
    const start = tokens[firstToken].start;
    const end = tokens[group.last].end;
    phrases.push({
      start,
      end,
      text: view.text.slice(start, end),
      type: 'ORGANISATION',
      ...(canonical ? { canonical } : {}),
      ...(category ? { actorCategory: category } : {}),
    });
  }
  return phrases;
}

/** "<nation>-backed" ending at token `end` (the verb), with the nation anchor it starts on. */
function sponsoredBy(view: TokenView, anchors: Anchor[], before: number, end: number): { anchor: NationAnchor } | null {
  if (end < 2 || !SPONSOR_VERBS.has(view.lower[end]) || view.tokens[end - 1].text !== '-') return null;
  for (let k = before - 1; k >= 0 && anchors[k].last >= end - 3; k--) {
    const anchor = anchors[k];
    if (anchor.last === end - 2 && isNation(anchor)) return { anchor };
  }
  return null;
}
