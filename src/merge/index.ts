/** Cross-article merging: the same event reported by several articles becomes one event. */
export type { Check, CheckOutcome, Comparison, CountClaim, EventFacts, EventSummary, Mention } from './types.js';
export { compareFacts, mayMatchWithinCountry, MERGE_RADIUS_KM } from './criteria.js';
export { summariseCluster, describeFatalityClaims } from './summarise.js';
export { mentionsOf } from './mentions.js';
export { chooseEvent, type Candidate, type MergeChoice } from './choose.js';
export { DATE_TOLERANCE_DAYS, dayInterval, eventInterval, formatDay } from './dates.js';
