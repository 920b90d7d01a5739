import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, only } from './helpers.js';

test('passive "were killed by": the agent after "by" is actor1, the victims actor2', () => {
  const e = only('Eleven soldiers were killed by Taliban fighters near a checkpoint in the north on Monday.');
  assert.equal(e.type, 'Battles');
  assert.equal(e.subType, 'Armed clash');
  assert.match(e.actor1 ?? '', /Taliban/);
  assert.match(e.actor2 ?? '', /soldiers/);
  assert.equal(e.fatalities, 11);
  assert.equal(e.date, '2024-04-29');
  assert.equal(e.datePrecision, 1);
});

test('"clashed with": both sides, in order', () => {
  const e = only('Government troops clashed with rebel fighters on the outskirts of the town on Sunday.');
  assert.equal(e.subType, 'Armed clash');
  assert.match(e.actor1 ?? '', /troops/i);
  assert.match(e.actor2 ?? '', /rebel/i);
});

test('"no casualties were reported": the event stands, fatalities 0, the casualties word cancelled', () => {
  const e = only('Militants fired three rockets at an army base late on Friday; no casualties were reported.');
  assert.equal(e.subType, 'Shelling/artillery/missile attack');
  assert.equal(e.fatalities, 0);
  const trace = e.trace as { cancelled: { trigger: string; by: string }[] };
  assert.ok(trace.cancelled.some((c) => /casualties/.test(c.trigger) && c.by === 'no'));
});

test('"threatened to attack" and "vowed to retake" are not events', () => {
  const { events } = extract('The rebel commander threatened to attack the provincial capital. The army vowed to retake the town within days.');
  assert.deepEqual(events, []);
});

test('"denied carrying out" an air strike codes no air strike', () => {
  const { events } = extract('The defence ministry denied carrying out air strikes on the market town.');
  assert.ok(!events.some((e) => e.subType === 'Air/drone strike'));
});

test('cumulative statistics go to context, not events: "since 2011 the war has killed 360,000"', () => {
  const a = extract('Since 2011 the war has killed more than 360,000 people, a monitor says.');
  assert.equal(a.events.length, 0);
  assert.equal(a.context.length, 1);
  assert.equal(a.context[0].type, 'Context');
  assert.equal(a.context[0].fatalities, 360000);
  assert.equal(a.context[0].counts[0].qualifier, 'more than');
});

test('"dozens killed" is 12 fatalities (ACLED), the words kept in counts', () => {
  const e = only('Dozens of villagers were killed when gunmen stormed a market in the district on Tuesday.');
  assert.equal(e.fatalities, 12);
  assert.equal(e.counts.find((c) => c.kind === 'fatalities')?.text, 'Dozens');
});

test('a range "between 20 and 30 killed" is 20 fatalities, the range kept', () => {
  const e = only('Between 20 and 30 people were killed when a car bomb exploded outside a police station.');
  assert.equal(e.subType, 'Remote explosive/landmine/IED');
  assert.equal(e.fatalities, 20);
  const c = e.counts.find((x) => x.kind === 'fatalities')!;
  assert.equal(c.min, 20);
  assert.equal(c.max, 30);
});

test('a figure after "including" is part of another: "killing 9 civilians, including 4 children" is 9', () => {
  const e = only('Warplanes struck the village on Wednesday, killing 9 civilians, including 4 children.');
  assert.equal(e.subType, 'Air/drone strike');
  assert.equal(e.fatalities, 9);
});

test('attribution: "according to", trailing "X said", leading "X said", inverted "said X"', () => {
  const cases: [string, string][] = [
    ['Five people were killed in a mortar attack on the camp, according to the Syrian Observatory for Human Rights.', 'the Syrian Observatory for Human Rights'],
    ['Five people were killed in a mortar attack on the camp, an army source said.', 'an army source'],
    ['A police spokesman said five people were killed in a mortar attack on the camp.', 'A police spokesman'],
    ['Five people were killed in a mortar attack on the camp, said a provincial official.', 'a provincial official'],
  ];
  for (const [text, source] of cases) assert.equal(only(text).attribution, source, text);
});

test('"he said" points back to the previous sentence\'s source', () => {
  const { events } = extract('Rebels shelled the airport on Monday, a military source said. Two soldiers were wounded in a rocket attack on the base, he said.');
  assert.equal(events.at(-1)?.attribution, 'a military source');
});

test('a passive capture with no agent takes the reporting side as actor1', () => {
  const e = only('A senior army officer said 150 militants were captured on Tuesday as they tried to flee.');
  assert.equal(e.subType, 'Arrests');
  assert.equal(e.counts.find((c) => c.kind === 'captured')?.value, 150);
  assert.match(e.actor1 ?? '', /army/);
});

test('territory: who takes it decides Government regains vs Non-state actor overtakes', () => {
  assert.equal(only('Government forces recaptured the town of Deir Hafer from the militants on Thursday.').subType, 'Government regains territory');
  assert.equal(only('Insurgents seized control of the district centre after heavy fighting overnight.').subType, 'Non-state actor overtakes territory');
  assert.equal(only('The militants took control of the crossing after government troops withdrew without a fight.').subType, 'Non-violent transfer of territory');
});

test('protests: peaceful, with intervention (tear gas), excessive force (live fire), violent (stones)', () => {
  assert.equal(only('Thousands of teachers marched through the capital on Saturday to demand higher pay.').subType, 'Peaceful protest');
  assert.equal(only('Police fired tear gas to disperse hundreds of protesters outside parliament.').subType, 'Protest with intervention');
  assert.equal(only('Security forces opened fire on peaceful protesters in the city square, killing four.').subType, 'Excessive force against protesters');
  assert.equal(only('Demonstrators threw stones at police and set cars on fire during the protest.').type, 'Riots');
});

test('an attack on civilians is Violence against civilians; on soldiers, an armed clash', () => {
  assert.equal(only('Gunmen attacked a wedding party in the village, killing seven guests.').subType, 'Attack');
  assert.equal(only('Gunmen attacked an army patrol near the border, killing two soldiers.').subType, 'Armed clash');
});

test('displacement and arrival carry the number of people and the place the people went', () => {
  const a = extract('More than 3,000 people fled the fighting in the district on Monday. Around 900 people arrived at the transit camp on Tuesday.');
  const fled = a.events.find((e) => e.type === 'Displacement');
  const arrived = a.events.find((e) => e.type === 'Arrival');
  assert.equal(fled?.counts.find((c) => c.kind === 'displaced')?.value, 3000);
  assert.equal(fled?.counts.find((c) => c.kind === 'displaced')?.qualifier, 'more than');
  assert.equal(arrived?.counts.find((c) => c.kind === 'arrived')?.value, 900);
  assert.equal(arrived?.date, '2024-04-30');
});

test('every event has evidence = its sentence, a stable id and a trace to a lexicon line', () => {
  const text = 'Rebels shelled the airport on Monday. Police arrested 12 men in the market on Tuesday.';
  const a = extract(text);
  const b = extract(text);
  assert.equal(a.events.length, 2);
  assert.deepEqual(a.events.map((e) => e.id), b.events.map((e) => e.id));
  for (const e of a.events) {
    assert.equal(text.slice(e.evidence.start, e.evidence.end), e.evidence.text);
    const trace = e.trace as { lexicon: { line: string }; trigger: { start: number; end: number; text: string } };
    assert.match(trace.lexicon.line, /^data\/events\/triggers\.tsv:\d+$/);
    assert.equal(text.slice(trace.trigger.start, trace.trigger.end), trace.trigger.text);
  }
  assert.equal(a.events[1].counts.find((c) => c.kind === 'arrested')?.value, 12);
});

test('labels ACLED lacks (an earthquake) are coded but never emitted as events', () => {
  assert.deepEqual(extract('A magnitude 6.1 earthquake struck the region on Sunday, killing 40 people.').events, []);
});

test('a trailing source is read after the last comma, past earlier clauses', () => {
  const e = only('Rebels shelled the base on Monday, killing 4 soldiers, wounding 9, a military source said.');
  assert.equal(e.attribution, 'a military source');
});
