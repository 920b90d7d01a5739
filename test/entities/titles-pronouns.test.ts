import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extract, all } from './extract-text.js';

test('"Secretary of State John Kerry": the title with its office and the name are one person', () => {
  const article = extract('In Geneva, US Secretary of State John Kerry met envoys from both sides.');
  const kerry = article.entities.find((e) => e.type === 'PERSON' && e.text.endsWith('John Kerry'));
  assert.ok(kerry && kerry.text.includes('Secretary of State'), kerry?.text);
  assert.equal(kerry?.canonical, 'John Kerry');
});

test('a nationality before a title joins the person and stays as a nested nationality', () => {
  const article = extract('On Tuesday the Iraqi Prime Minister Haider al-Abadi visited the front line near Mosul.');
  assert.equal(all(article, 'the Iraqi Prime Minister Haider al-Abadi', 'PERSON')[0]?.canonical, 'Haider al-Abadi');
  assert.equal(all(article, 'Iraqi', 'NATIONALITY').length, 1);
});

test('abbreviated ranks and middle initials: "Lt. Gen. Stephen J. Townsend", "Spc. Dana K. Morrow"', () => {
  const article = extract('Lt. Gen. Stephen J. Townsend praised the unit. Spc. Dana K. Morrow, of Tulsa, Oklahoma, died on Friday.');
  assert.ok(all(article, 'Lt. Gen. Stephen J. Townsend', 'PERSON').length);
  assert.ok(article.entities.some((e) => e.type === 'PERSON' && e.text.endsWith('Dana K. Morrow')));
});

test('"Mr Okafor" keeps its honorific and links to the full name', () => {
  const article = extract('Foreign Minister Chidi Okafor arrived in Abuja. Mr Okafor said the talks were useful.');
  assert.equal(all(article, 'Mr Okafor', 'PERSON')[0]?.canonical, 'Chidi Okafor');
});

test('a title without a name ("the secretary", "The Foreign Secretary") is a person linked to the last holder', () => {
  const article = extract(
    'Defense Secretary Lloyd Hartman flew to Erbil on Monday. The secretary thanked the troops. Later the Foreign Secretary, Anna Pierce, said aid would grow. The Foreign Secretary added that talks would resume.',
  );
  const secretary = all(article, 'The secretary', 'PERSON')[0];
  assert.equal(secretary?.canonical, 'Lloyd Hartman');
  const roles = all(article, 'The Foreign Secretary', 'PERSON');
  assert.equal(roles.length, 1);
});

test('a role after a determiner is a person ("a spokesman"); a title word modifying a noun is not ("the office chief budget")', () => {
  const article = extract('A spokesman for the minister said the convoy had left.');
  assert.ok(all(article, 'A spokesman', 'PERSON').length || all(article, 'the minister', 'PERSON').length);
  const none = extract('The ministry said the office chief budget was cut.');
  assert.equal(all(none, 'the office chief', 'PERSON').length, 0);
});

test('"he" and a quoted "I" are PERSON linked to the person they stand for', () => {
  const article = extract(
    'Defense Secretary Lloyd Hartman visited the base on Sunday. He said the strikes would continue.\n“I am proud of what they have done,” said Colonel Maria Vance.',
  );
  assert.equal(all(article, 'He', 'PERSON')[0]?.canonical, 'Lloyd Hartman');
  assert.equal(all(article, 'I', 'PERSON')[0]?.canonical, 'Maria Vance');
});

test('"World War I" and "Charles Keating IV" hold no pronoun', () => {
  const article = extract('The memorial honours the dead of World War I and Navy SEAL Charles Keating IV.');
  assert.equal(all(article, 'I', 'PERSON').length, 0);
});

test('a role in apposition is the person again: "Rana Aziz, commander of the Northern Task Force, said"', () => {
  const article = extract('“We hold the ridge,” said Col. Rana Aziz, commander of the Northern Task Force, on Monday. Maj. Tom Reyes, the task force spokesman, confirmed it.');
  const role = article.entities.find((e) => e.type === 'PERSON' && e.text.startsWith('commander of'));
  assert.equal(role?.canonical, 'Rana Aziz');
  assert.equal(all(article, 'the task force spokesman', 'PERSON')[0]?.canonical, 'Tom Reyes');
});

test('an apposition that is a clause is no role: "Aziz, who commands the brigade,"', () => {
  const article = extract('Col. Rana Aziz, who leads the brigade commander team, spoke.');
  assert.equal(article.entities.filter((e) => e.type === 'PERSON' && e.text.includes('brigade')).length, 0);
});

test('"I’m" and "As I said" hold the pronoun; a statement on the next line links to the speaker', () => {
  const article = extract('Foreign Minister Lina Haddad said:\nI’m appalled by the attack. As I said before, we will help.');
  const pronouns = all(article, 'I', 'PERSON');
  assert.equal(pronouns.length, 2);
  for (const p of pronouns) assert.equal(p.canonical, 'Lina Haddad');
});

test('"we" in a statement is the organisation speaking, marked as a pronoun and left unlinked', () => {
  const article = extract('The ministry said on Monday: “We will not abandon the families of Tal Afar.”');
  const we = all(article, 'We', 'ORGANISATION')[0];
  assert.equal(we?.mention, 'pronoun');
  assert.equal(we?.canonical, undefined);
});

test('a title word inside an organisation name keeps the name whole: "General Assembly"', () => {
  const article = extract('The UN General Assembly voted on Tuesday to extend the mission.');
  assert.ok(all(article, 'General Assembly', 'ORGANISATION').length);
  assert.equal(article.entities.filter((e) => e.type === 'PERSON').length, 0);
});

test('a speaker after "the" is an institution, not a person: "the White House said"', () => {
  const article = extract('In a statement, the White House said the talks would continue.');
  assert.ok(all(article, 'White House', 'ORGANISATION').length);
  assert.equal(all(article, 'White House', 'PERSON').length, 0);
});

test('a title word inside the name stays in the name: "President Hassan Sheikh Mohamud"', () => {
  const article = extract('The attack came days after President Hassan Sheikh Mohamud visited the base.');
  assert.equal(all(article, 'President Hassan Sheikh Mohamud', 'PERSON')[0]?.canonical, 'Hassan Sheikh Mohamud');
});
