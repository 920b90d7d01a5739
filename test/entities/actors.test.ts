import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadActorDictionary } from '../../src/entities/actors.js';
import { UserError } from '../../src/cli/errors.js';

const actors = loadActorDictionary({ extraFiles: [] });

test('Daesh, IS, ISIS, ISIL and "Islamic State group" are one actor', () => {
  for (const name of ['Daesh', 'Da’esh', 'IS', 'ISIS', 'ISIL', 'Islamic State group', 'Islamic State of Iraq and the Levant']) {
    assert.equal(actors.resolve(name)?.canonical, 'Islamic State', name);
  }
});

test('short acronyms match only in capitals: "IS" is the group, "is" is a verb', () => {
  assert.equal(actors.resolve('is'), undefined);
  assert.equal(actors.resolve('us'), undefined);
});

test('romanisations fold: al-Qaida, Al Qaeda; Hizballah, Hezbollah; Shabab, Shabaab', () => {
  assert.equal(actors.resolve('al-Qaida')?.canonical, 'Al-Qaeda');
  assert.equal(actors.resolve('Al Qaeda')?.canonical, 'Al-Qaeda');
  assert.equal(actors.resolve('Hizballah')?.canonical, 'Hezbollah');
  assert.equal(actors.resolve('al-Shabab')?.canonical, 'Al-Shabaab');
});

test('actors carry ACLED category and country', () => {
  const sdf = actors.resolve('SDF');
  assert.equal(sdf?.canonical, 'Syrian Democratic Forces');
  assert.equal(sdf?.category, 'Rebel group');
  assert.equal(sdf?.country, 'SY');
  assert.equal(actors.resolve('RSF')?.canonical, 'Rapid Support Forces');
  assert.equal(actors.resolve('Houthis')?.canonical, 'Ansar Allah');
  assert.equal(actors.resolve('Sudanese Armed Forces')?.category, 'State forces');
});

test('people resolve across transliterations: "Abu Bakr Al Baghdadi" and "Abu Bakr al-Baghdadi"', () => {
  assert.equal(actors.resolvePerson('Abu Bakr Al Baghdadi')?.canonical, 'Abu Bakr al-Baghdadi');
  assert.equal(actors.resolvePerson('Abu Bakr al-Baghdadi')?.canonical, 'Abu Bakr al-Baghdadi');
  assert.equal(actors.resolvePerson('Abu Mohammed al-Jolani')?.canonical, 'Ahmed al-Sharaa');
});

test('a user file is merged over the bundled dictionary', () => {
  const merged = loadActorDictionary({ extraFiles: ['test/fixtures/entities/extra-actors.yaml'] });
  assert.equal(merged.resolve('Hawks Brigade')?.canonical, 'Northern Hawks Brigade');
  assert.equal(merged.resolve('Kurdish-led alliance')?.canonical, 'Syrian Democratic Forces');
  assert.equal(merged.resolve('Daesh')?.canonical, 'Islamic State');
  assert.equal(merged.all().filter((a) => a.canonical === 'Syrian Democratic Forces').length, 1);
});

test('a bad YAML file is a user error naming the file', () => {
  assert.throws(
    () => loadActorDictionary({ extraFiles: ['test/fixtures/entities/bad-actors.yaml'] }),
    (error: unknown) => error instanceof UserError && /bad-actors\.yaml: not valid YAML/.test(error.message),
  );
  assert.throws(
    () => loadActorDictionary({ extraFiles: ['test/fixtures/entities/missing.yaml'] }),
    (error: unknown) => error instanceof UserError && /missing\.yaml: cannot read/.test(error.message),
  );
});
