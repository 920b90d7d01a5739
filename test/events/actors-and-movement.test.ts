/**
 * Defects found reading the events of news-like text as an ACLED coder would: actors that were not
 * actors (objects, count phrases, verbs), movement coded as the fighting that caused it, pronouns
 * and possessives left unresolved, numbers of days read as counts. Fixtures written for sitrep.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, only } from './helpers.js';

const NOT_ACTORS = /^(?:vehicle|car|house|families|people|women|two people|protested|protest)$/i;

test('an object hit by a strike is never an actor; the armed group it carried is', () => {
  const e = only('A drone strike destroyed a pickup truck carrying Taliban fighters near the town of Musa Qala on Tuesday, killing 6 of them.');
  assert.equal(e.subType, 'Air/drone strike');
  assert.doesNotMatch(e.actor2 ?? '', NOT_ACTORS);
  assert.match(e.actor2 ?? '', /Taliban/);
  const car = only('Gunmen opened fire on a car near a market in the city on Friday, wounding 3 passengers.');
  assert.notEqual(car.actor2, 'car');
});

test('a count phrase before a passive verb is the victim (civilians as a category), not actor1', () => {
  const e = only('Two people were killed by shelling in a village near the front line on Saturday.');
  assert.equal(e.subType, 'Shelling/artillery/missile attack');
  assert.equal(e.actor1, null);
  assert.equal(e.actor2, 'Civilians');
  assert.equal(e.fatalities, 2);
});

test('victims named before "when" are the target of the strike that follows', () => {
  const e = only('Nine Taliban militants were killed on Monday when a drone struck their hideout in the hills.');
  assert.equal(e.subType, 'Air/drone strike');
  assert.equal(e.actor1, null);
  assert.match(e.actor2 ?? '', /Taliban/);
});

test('people who flee "after clashes" are a displacement, not an armed clash', () => {
  const e = only('About 300 families fled their village on Thursday after clashes between the army and rebel fighters, a local official said.');
  assert.equal(e.subType, 'Displacement');
  assert.equal(e.type, 'Displacement');
  assert.deepEqual(e.counts.filter((c) => c.kind === 'displaced').map((c) => c.value), [300]);
  assert.equal(e.actor1, null, 'the families are what a displacement counts, not its actor');
  assert.equal(e.date, '2024-05-02'); // published on a Thursday
});

test('an offensive that "sparked an exodus" is coded as the exodus', () => {
  const e = only('A heavy assault on the town has sparked an exodus of women and children toward the border.');
  assert.equal(e.subType, 'Displacement');
});

test('"arrived ... after fleeing" is an arrival, located where they arrived; "three days" is not a count', () => {
  const e = only('Some 2,000 people arrived in Mosul over the past three days after fleeing fighting in the countryside, an aid agency said.');
  assert.equal(e.subType, 'Arrival');
  assert.deepEqual(e.counts.map((c) => [c.kind, c.value]), [['arrived', 2000]]);
  assert.equal(e.location?.name, 'Mosul');
});

test('fighting that forces no one to move stays an armed clash', () => {
  const e = only('Government troops clashed with rebel fighters on the outskirts of the town on Sunday.');
  assert.equal(e.subType, 'Armed clash');
});

test('a protest with arrests names the crowd Protesters and the intervening police', () => {
  const e = only('Police detained around 30 people on Friday after hundreds protested against fuel prices in the capital, activists said.');
  assert.equal(e.subType, 'Protest with intervention');
  assert.equal(e.actor1, 'Protesters');
  assert.match(e.actor2 ?? '', /police/i);
});

test('"X said it had ...": the pronoun is the speaking armed actor, not the last actor seen', () => {
  const { events } = extract(
    'Gunmen attacked a village in the north on Sunday, killing 7 civilians, a local official said. The army said it had sent reinforcements to the area.',
  );
  const change = events.find((e) => e.subType === 'Change to group/activity');
  assert.ok(change, JSON.stringify(events.map((e) => e.subType)));
  assert.match(change.actor1 ?? '', /army/i);
});

test('"its fighters": the possessive resolves to the group named earlier in the sentence', () => {
  const e = only('The Taliban did not comment, but its fighters entered the district centre on Tuesday, a local elder said.');
  assert.match(e.actor1 ?? '', /Taliban/);
});

test('a date after "since" does not date the event', () => {
  const e = only('Rebels shelled the town on Monday, which has changed hands several times since 2020.');
  assert.equal(e.date, '2024-04-29');
});

test('"surrounding villages" is a place, not an encirclement: the sentence is a displacement', () => {
  const e = only('An aid agency said about 4,000 people had been displaced from the town and surrounding villages in the past two weeks.');
  assert.equal(e.subType, 'Displacement');
  assert.deepEqual(e.counts.map((c) => [c.kind, c.value]), [['displaced', 4000]]);
  assert.equal(e.actor1, null);
});

test('a speaker named by nationality ("The Turkish official said") is not the actor of a passive event', () => {
  const e = only('The Turkish official said a new border agreement was signed on Monday.');
  assert.equal(e.subType, 'Agreement');
  assert.notEqual(e.actor1, 'Turkish');
});

test('"Pro-government forces said they had ...": the whole phrase is the actor, a state force', () => {
  const e = only('Pro-government forces said on Friday they had pushed the rebels out of several villages after two days of heavy fighting.');
  assert.equal(e.subType, 'Government regains territory');
  assert.equal(e.actor1, 'Pro-government forces');
});

test('a speaker ("..., the officer said") is neither actor, unless a pronoun makes it the subject', () => {
  const e = only('The rebels withdrew towards the hills before reinforcements arrived, the officer said, speaking on condition of anonymity.');
  assert.equal(e.subType, 'Change to group/activity');
  assert.notEqual(e.actor2, 'officer');
  const own = only('The army said on Sunday it had retaken the town from the rebels after two days of fighting.');
  assert.equal(own.subType, 'Government regains territory');
});

test('a reporting agency is not the actor of the displacement it reports', () => {
  const e = only('UNICEF said more than 3,000 people had been displaced from the district in the past two weeks.');
  assert.equal(e.subType, 'Displacement');
  assert.equal(e.actor1, null);
});

test('"a crowded street" is no crowd: a bomb on a market street is not force against protesters', () => {
  const e = only('At least 20 people were killed when a car bomb exploded in a crowded street in the city on Monday.');
  assert.equal(e.subType, 'Remote explosive/landmine/IED');
  assert.equal(e.actor2, 'Civilians');
});

test('what a protest denounces is its topic: "to protest against the killing of" is a peaceful protest with no dead', () => {
  const e = only('Hundreds of residents marched through the town on Sunday to protest against the killing of 9 farmers by soldiers.');
  assert.equal(e.subType, 'Peaceful protest');
  assert.equal(e.actor1, 'Protesters');
  assert.equal(e.fatalities, 0);
  const forced = only('Police opened fire on protesters in the capital on Monday, killing 4 of them, witnesses said.');
  assert.equal(forced.subType, 'Excessive force against protesters');
});

test('"Armed" men seizing a town is no weapons seizure', () => {
  const e = only('Armed bandits seized the village of Kurfi on Sunday after a brief fight, residents said.');
  assert.notEqual(e.subType, 'Disrupted weapons use');
});

test('"gunmen" names who attacks, not an attack: "arrested 15 gunmen" is an arrest by the speaker', () => {
  const e = only('The army said it had arrested 15 gunmen during a security sweep in the area.');
  assert.equal(e.subType, 'Arrests');
  assert.match(e.actor1 ?? '', /army/i);
  assert.equal(e.actor2, 'gunmen');
});
