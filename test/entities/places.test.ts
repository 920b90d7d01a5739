import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, all } from './extract-text.js';

test('"the city" refers back to the town named before it, "the city of Mosul" to the name after it', () => {
  const article = extract('Government troops entered Qamishli on Tuesday. Residents said the city was quiet. Aid reached the city of Mosul later.');
  const city = all(article, 'the city', 'LOCATION');
  assert.equal(city.length, 2);
  assert.equal(city[0].canonical, 'Qamishli');
  assert.equal(city[1].canonical, 'Mosul');
});

test('"the country" links to the last country; "both countries" acting together is no place', () => {
  const article = extract('Fighting spread across Sudan in April. Aid groups said the country faced famine. Both countries signed the deal.');
  assert.equal(all(article, 'the country', 'LOCATION')[0]?.canonical, 'Sudan');
  assert.equal(article.entities.filter((e) => e.type === 'LOCATION' && e.text.endsWith('countries')).length, 0);
});

test('sites with modifiers and bare plurals: "a petrol station", "two bridges", "schools and markets"', () => {
  const article = extract('The blast hit a petrol station. Strikes destroyed two bridges, and shelling hit schools and markets.');
  assert.ok(all(article, 'a petrol station', 'LOCATION').length);
  assert.ok(article.entities.some((e) => e.type === 'LOCATION' && e.text.endsWith('bridges')));
  assert.ok(all(article, 'schools', 'LOCATION').length);
  assert.ok(all(article, 'markets', 'LOCATION').length);
});

test('"city council" and "border crossing" do not make a place of the first noun', () => {
  const article = extract('The city council met as the border crossing reopened.');
  assert.equal(all(article, 'The city', 'LOCATION').length, 0);
  assert.equal(all(article, 'the border', 'LOCATION').length, 0);
});

test('a country doing something is an organisation and still a place; "U.S. strike" is the state only', () => {
  const article = extract('Turkey has pledged more aid. A U.S. strike hit a convoy in Syria today.');
  assert.ok(all(article, 'Turkey', 'ORGANISATION').length);
  assert.ok(all(article, 'Turkey', 'LOCATION').length);
  assert.ok(all(article, 'U.S.', 'ORGANISATION').length);
  assert.equal(all(article, 'U.S.', 'LOCATION').length, 0);
  assert.ok(all(article, 'Syria', 'LOCATION').length, 'after "in" a country is the place');
  assert.equal(all(article, 'Syria', 'ORGANISATION').length, 0);
});

test('places inside longer names: "Minister for the Middle East", "Government of Iraq"', () => {
  const article = extract('Minister for the Middle East Sara Lind welcomed the decision of the Government of Iraq.');
  assert.ok(article.entities.some((e) => e.type === 'PERSON' && e.text.startsWith('Minister for the Middle East')));
  assert.ok(all(article, 'Middle East', 'LOCATION').length);
  assert.ok(all(article, 'Iraq', 'LOCATION').length);
});

test('an unknown name listed with places is a place, even when shaped like a person: "Palmyra, Sukhnah and Tallat Hamra"', () => {
  const article = extract('Shelling was reported in Palmyra, Sukhnah and Tallat Hamra on Sunday.');
  assert.ok(all(article, 'Tallat Hamra', 'LOCATION').length);
});

test('"the Gulf" and "Arabian Gulf" are places, not nationalities', () => {
  const article = extract('The frigate sailed into the Gulf and later patrolled the Arabian Gulf.');
  assert.ok(all(article, 'Gulf', 'LOCATION').length);
  assert.ok(all(article, 'Arabian Gulf', 'LOCATION').length);
  assert.equal(article.entities.filter((e) => e.type === 'NATIONALITY').length, 0);
});

test('common-noun places and pronouns say how they are mentioned, so no one looks them up as names', () => {
  const article = extract('Rebels shelled Kafr Nabl. He said the town had no water.');
  assert.equal(all(article, 'the town', 'LOCATION')[0]?.mention, 'nominal');
  assert.equal(all(article, 'He', 'PERSON')[0]?.mention, 'pronoun');
  assert.equal(article.entities.find((e) => e.text === 'Kafr Nabl')?.mention, undefined);
});
