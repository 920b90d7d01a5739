import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, find } from './extract-text.js';

test('every entity span points at its own text', () => {
  const article = extract('Kurdish forces said Abu Bakr al-Baghdadi was killed near Raqqa, Syria, on Friday.');
  for (const e of article.entities) assert.equal(article.text.slice(e.start, e.end), e.text);
});

test('"Abu Bakr al-Baghdadi" and "Abu Bakr Al Baghdadi" are one person', () => {
  const a = extract('The leader of the group, Abu Bakr al-Baghdadi, was not seen.');
  const b = extract('Analysts said Abu Bakr Al Baghdadi had fled to the desert.');
  assert.equal(find(a, 'Abu Bakr al-Baghdadi', 'PERSON')?.canonical, 'Abu Bakr al-Baghdadi');
  assert.equal(find(b, 'Abu Bakr Al Baghdadi', 'PERSON')?.canonical, 'Abu Bakr al-Baghdadi');
});

test('a title before a name is part of the person span (as re3d spans it), canonical is the name', () => {
  const article = extract('President Ahmed al-Sharaa met SDF commander Mazloum Abdi in Damascus on Monday.');
  assert.equal(find(article, 'President Ahmed al-Sharaa', 'PERSON')?.canonical, 'Ahmed al-Sharaa');
  assert.equal(find(article, 'commander Mazloum Abdi', 'PERSON')?.canonical, 'Mazloum Abdi');
  assert.equal(find(article, 'SDF', 'ORGANISATION')?.canonical, 'Syrian Democratic Forces');
  assert.ok(find(article, 'Damascus', 'LOCATION'));
});

test('"X of the IRC" is a person and the IRC resolves to its full name', () => {
  const article = extract('“The needs are huge,” Leyla Darwish of the IRC said.');
  assert.ok(find(article, 'Leyla Darwish', 'PERSON'));
  assert.equal(find(article, 'IRC')?.canonical, 'International Rescue Committee');
});

test('Daesh and ISIL resolve to Islamic State, and "the group" links back to it', () => {
  const article = extract('Daesh fighters attacked a checkpoint. ISIL claimed the attack. The group said it had killed five soldiers.');
  assert.equal(find(article, 'Daesh')?.canonical, 'Islamic State');
  assert.equal(find(article, 'ISIL')?.canonical, 'Islamic State');
  const group = find(article, 'The group', 'ORGANISATION');
  assert.equal(group?.canonical, 'Islamic State');
  assert.equal(group?.actorCategory, 'Rebel group');
});

test('a surname alone later in the story links to the full name', () => {
  const article = extract('President Ahmed al-Sharaa spoke on Sunday. Later, Sharaa promised accountability. Critics doubt Hassan Khoury. Khoury declined to comment.');
  const later = article.entities.filter((e) => e.text === 'Sharaa');
  assert.ok(later.length >= 1);
  for (const e of later) assert.equal(e.type, 'PERSON');
  assert.equal(later[0].canonical, 'Ahmed al-Sharaa');
  assert.equal(find(article, 'Khoury', 'PERSON')?.canonical, 'Hassan Khoury');
});

test('"Kurdish forces" is an organisation with Kurdish as a nested nationality', () => {
  const article = extract('Kurdish forces pushed into the village while Alawite and Druze communities fled.');
  assert.ok(find(article, 'Kurdish forces', 'ORGANISATION'));
  assert.ok(find(article, 'Kurdish', 'NATIONALITY'));
  assert.ok(find(article, 'Alawite', 'NATIONALITY'));
  assert.ok(find(article, 'Druze', 'NATIONALITY'));
});

test('state forces get the ACLED-style name of their country', () => {
  const article = extract('Syrian government forces shelled the town, and Iraqi troops closed the border.');
  const syrian = find(article, 'Syrian government forces', 'ORGANISATION');
  assert.equal(syrian?.canonical, 'Military Forces of Syria');
  assert.equal(syrian?.actorCategory, 'State forces');
  assert.equal(find(article, 'Iraqi troops', 'ORGANISATION')?.canonical, 'Military Forces of Iraq');
});

test('"US-backed forces" in a story about the SDF are the SDF', () => {
  const article = extract('US-backed forces advanced on Baghouz. The SDF said the last pocket would fall soon. An SDF official said civilians were leaving.');
  assert.equal(find(article, 'US-backed forces', 'ORGANISATION')?.canonical, 'Syrian Democratic Forces');
});

test('weapons, platforms and money', () => {
  const article = extract('The coalition carried out air strikes with drones and artillery, and pledged $5 million and 20 billion euros in aid.');
  assert.ok(find(article, 'air strikes', 'WEAPON'));
  assert.ok(find(article, 'artillery', 'WEAPON'));
  assert.ok(find(article, 'drones', 'MILITARY_PLATFORM'));
  assert.ok(find(article, '$5 million', 'MONEY'));
  assert.ok(find(article, '20 billion euros', 'MONEY'));
});

test('a sentence-initial common word is not an entity, a dateline place is', () => {
  const article = extract('HASAKAH, Syria: Remaining families fled. Fears grew among residents.');
  assert.ok(find(article, 'HASAKAH', 'LOCATION'));
  assert.equal(find(article, 'Remaining'), undefined);
  assert.equal(find(article, 'Fears'), undefined);
});

test('"the government" resolves only to a government, not to the last army named', () => {
  const article = extract('Iraqi troops entered the city. The Syrian government denied it. Later the government said talks would resume.');
  const later = article.entities.find((e) => e.text === 'the government');
  assert.equal(later?.canonical, 'Government of Syria');
});
