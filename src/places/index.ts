/**
 * The places stage: fills doc.places with the toponyms of the text resolved to the gazetteer. Runs
 * after the entity stage: no place is tagged inside a PERSON or ORGANISATION entity, and LOCATION
 * entities are looked up as candidates. The dateline and title are context (they are not in the text).
 */
import { sortSpans } from '../model/doc.js';
import type { Stage } from '../model/stage.js';
import { asPlaceMatcher } from './gazetteer-index.js';
import { geoparse, PIPELINE_GEOPARSE, toPlaceSpan } from './geoparse.js';
import { placeLexicons } from './lexicons.js';

/** Module constant: tsx makes a property-escape literal inside a function a new RegExp per call. */
const CAPITAL_RE = /\p{Lu}/u;

export const placeStage: Stage = {
  name: 'places',
  // The word lists and cue patterns load with the pipeline, not with its first article.
  prepare() {
    placeLexicons();
  },
  run(doc, ctx) {
    const excluded = doc.entities.filter((e) => e.type === 'PERSON' || e.type === 'ORGANISATION');
    // Only named locations are candidates: "the city" or "the area" (nominal mentions the entity stage
    // links to a place) must never be looked up as names, or "area" becomes a town in Illinois.
    const locations = doc.entities.filter((e) => e.type === 'LOCATION' && !e.mention && CAPITAL_RE.test(e.text));
    const resolved = geoparse(
      { text: doc.text, title: doc.title, dateline: doc.dateline, excluded, locations },
      asPlaceMatcher(ctx.gazetteer),
      PIPELINE_GEOPARSE,
    );
    doc.places = sortSpans(resolved.map(toPlaceSpan));
  },
};
