import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compareFacts, describeFatalityClaims, mayMatchWithinCountry, mentionsOf, summariseCluster } from '../../src/merge/index.js';
import type { EventFacts } from '../../src/merge/index.js';
import { ARIHA, ATARIB, arihaMonitor, arihaStateMedia, atarib, KAFR_NABL as KAFR_NABL_PLACE, TAMANAH as TAMANAH_PLACE } from '../fixtures/store/articles.js';

const strike = (over: Partial<EventFacts> = {}): EventFacts => ({
  type: 'Explosions/Remote violence',
  subType: 'Air/drone strike',
  date: '2024-03-11',
  dateEnd: null,
  datePrecision: 1,
  actor1: null,
  actor2: null,
  location: { ...ARIHA, precision: 1 },
  ...over,
});

const outcome = (facts: ReturnType<typeof compareFacts>, criterion: string) =>
  facts.checks.find((c) => c.criterion === criterion)?.outcome;

test('the same strike in the same town on the same day is one event', () => {
  const result = compareFacts(strike(), strike(), ['a'], ['b']);
  assert.equal(result.compatible, true);
  assert.equal(outcome(result, 'location'), 'match');
});

test('a strike 41 km away the same day is a different event', () => {
  const result = compareFacts(strike(), strike({ location: { ...ATARIB, precision: 1 } }), ['a'], ['b']);
  assert.equal(result.compatible, false);
  const location = result.checks.find((c) => c.criterion === 'location')!;
  assert.equal(location.outcome, 'conflict');
  assert.match(location.detail, /4\d\.\d km apart \(> 25\)/);
});

test("'yesterday' written after midnight: one day apart still matches at day precision, two days do not", () => {
  assert.equal(compareFacts(strike(), strike({ date: '2024-03-12' }), ['a'], ['b']).compatible, true);
  const twoDays = compareFacts(strike(), strike({ date: '2024-03-13' }), ['a'], ['b']);
  assert.equal(twoDays.compatible, false);
  assert.equal(outcome(twoDays, 'date'), 'conflict');
});

test('a week-precision date ("last week") matches a day inside its window', () => {
  const week = strike({ date: '2024-03-04', dateEnd: '2024-03-10', datePrecision: 2 });
  assert.equal(compareFacts(week, strike({ date: '2024-03-15' }), ['a'], ['b']).compatible, true);
  assert.equal(compareFacts(week, strike({ date: '2024-03-25' }), ['a'], ['b']).compatible, false);
});

test('different event types never merge, even at the same place and day', () => {
  const result = compareFacts(strike(), strike({ type: 'Battles', subType: 'Armed clash' }), ['a'], ['b']);
  assert.equal(result.compatible, false);
  assert.equal(outcome(result, 'type'), 'conflict');
});

test('two reports in one article are two events', () => {
  const result = compareFacts(strike(), strike(), ['same'], ['same']);
  assert.equal(result.compatible, false);
  assert.equal(outcome(result, 'articles'), 'conflict');
});

test('without a place, shared named actors carry the match; "Civilians" alone does not', () => {
  const noPlace = { location: null };
  const named = compareFacts(
    strike({ ...noPlace, actor1: 'Military Forces of Russia', actor2: 'Civilians' }),
    strike({ actor1: 'military forces of russia' }),
    ['a'],
    ['b'],
  );
  assert.equal(named.compatible, true);
  assert.equal(outcome(named, 'actors'), 'match');
  const generic = compareFacts(strike({ ...noPlace, actor2: 'Civilians' }), strike({ actor2: 'Civilians' }), ['a'], ['b']);
  assert.equal(generic.compatible, false);
  assert.equal(outcome(generic, 'actors'), 'unknown');
});

test('a province-level place neither confirms nor contradicts a town inside it', () => {
  const province = strike({ location: { name: 'Idlib', lat: 35.93, lon: 36.63, countryCode: 'SY', admin1: 'Idlib', precision: 3 } });
  const town = strike({ location: { name: 'Maarat al-Numan', lat: 35.6433, lon: 36.675, countryCode: 'SY', admin1: 'Idlib', precision: 1 } });
  const result = compareFacts(province, town, ['a'], ['b']);
  assert.equal(outcome(result, 'location'), 'unknown');
  assert.equal(result.compatible, false);
});

test('disagreeing tolls are kept per source with min and max; fatalities is the lowest', () => {
  const summary = summariseCluster([...mentionsOf(arihaMonitor), ...mentionsOf(arihaStateMedia)]);
  assert.equal(summary.fatalities, 12);
  assert.equal(summary.fatalitiesMin, 12);
  assert.equal(summary.fatalitiesMax, 24);
  assert.equal(summary.actor1, 'Military Forces of Russia');
  assert.equal(summary.articleIds.length, 2);
  assert.equal(describeFatalityClaims(summary.claims), 'SOHR: 24 killed; state media: 12 killed');
  const injured = summary.claims.filter((c) => c.kind === 'injured');
  assert.deepEqual(injured.map((c) => [c.source, c.value]), [['state media', 30]]);
});

test('the summary does not depend on the order reports arrive in', () => {
  const mentions = [...mentionsOf(arihaMonitor), ...mentionsOf(arihaStateMedia), ...mentionsOf(atarib)];
  assert.deepEqual(summariseCluster(mentions), summariseCluster([...mentions].reverse()));
});

test('a claim without an attribution in the text falls back to the publishing site', () => {
  const unattributed = { ...arihaMonitor, events: arihaMonitor.events.map((e) => ({ ...e, attribution: null })) };
  const [claim] = summariseCluster(mentionsOf(unattributed)).claims;
  assert.equal(claim.source, 'example-wire.test');
});

test('the merge rule is symmetric: A matches B exactly when B matches A', () => {
  const place = fc.constantFrom(null, { ...ARIHA, precision: 1 as const }, { ...ATARIB, precision: 1 as const }, {
    name: 'Idlib', lat: 35.93, lon: 36.63, countryCode: 'SY', admin1: 'Idlib', precision: 3 as const,
  });
  const facts = fc.record({
    type: fc.constantFrom('Battles', 'Explosions/Remote violence'),
    subType: fc.constant('x'),
    date: fc.constantFrom(null, '2024-03-10', '2024-03-11', '2024-03-13', '2024-03'),
    dateEnd: fc.constant(null),
    datePrecision: fc.constantFrom(1 as const, 2 as const, 3 as const),
    actor1: fc.constantFrom(null, 'Military Forces of Russia', 'Civilians', 'HTS: Hayat Tahrir al-Sham'),
    actor2: fc.constantFrom(null, 'Civilians', 'Military Forces of Syria'),
    location: place,
  });
  fc.assert(
    fc.property(facts, facts, (a, b) => {
      const ab = compareFacts(a, b, ['a'], ['b']);
      const ba = compareFacts(b, a, ['b'], ['a']);
      return ab.compatible === ba.compatible && Math.abs(ab.score - ba.score) < 1e-9;
    }),
    { numRuns: 500 },
  );
});

// Two towns of one district 29 km apart, as an imported GeoNames dump would resolve them (admin2 code).
const KAFR_NABL = { ...KAFR_NABL_PLACE, precision: 1 as const };
const TAMANAH = { ...TAMANAH_PLACE, precision: 1 as const };

test('same admin2 (district) matches beyond 25 km, and the detail says so', () => {
  const result = compareFacts(strike({ location: KAFR_NABL }), strike({ location: TAMANAH }), ['a'], ['b']);
  assert.equal(result.compatible, true);
  const location = result.checks.find((c) => c.criterion === 'location')!;
  assert.equal(location.outcome, 'match');
  assert.match(location.detail, /^Kafr Nabl vs Al-Tamanah: (2[6-9]|3\d)\.\d km apart but in the same district \(admin2 SY0702 of Idlib, SY\)$/);
});

test('admin2 counts only when both places have it and country and admin1 agree too', () => {
  const noAdmin2 = { ...TAMANAH, admin2: null };
  assert.equal(outcome(compareFacts(strike({ location: KAFR_NABL }), strike({ location: noAdmin2 }), ['a'], ['b']), 'location'), 'conflict');
  const { admin2: _dropped, ...bundled } = TAMANAH;
  assert.equal(outcome(compareFacts(strike({ location: KAFR_NABL }), strike({ location: bundled }), ['a'], ['b']), 'location'), 'conflict');
  // GeoNames admin2 codes are unique within an admin1 only: the same code elsewhere is another district.
  const otherProvince = { ...TAMANAH, admin1: 'Hama' };
  assert.equal(outcome(compareFacts(strike({ location: KAFR_NABL }), strike({ location: otherProvince }), ['a'], ['b']), 'location'), 'conflict');
  const differentDistrict = { ...TAMANAH, admin2: 'SY0703' };
  assert.equal(compareFacts(strike({ location: KAFR_NABL }), strike({ location: differentDistrict }), ['a'], ['b']).compatible, false);
});

test('far places of one country can match only by province or place name', () => {
  const aleppo = { name: 'Atarib', admin1: 'Aleppo' };
  assert.equal(mayMatchWithinCountry(aleppo, { name: 'Azaz', admin1: 'Aleppo' }), true, 'same province');
  assert.equal(mayMatchWithinCountry(aleppo, { name: 'Ariha', admin1: 'Idlib' }), false, 'another province, another town');
  assert.equal(mayMatchWithinCountry({ name: 'Ariha', admin1: 'Idlib' }, { name: 'ARIHA', admin1: 'Idleb' }), true, 'the same town, province spelled otherwise');
  assert.equal(mayMatchWithinCountry({ name: 'Raqqa', admin1: 'Ar-Raqqah' }, { name: 'Raqqā', admin1: 'Raqqa Governorate' }), true, 'accents do not count');
  assert.equal(mayMatchWithinCountry(aleppo, { name: 'Syria', admin1: null }), true, 'a place without a province could be anywhere');
});
