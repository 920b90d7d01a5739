/**
 * Synthesises news-like conflict articles from vocabulary.yaml: one region per article, so places,
 * armed groups and names co-occur the way they do in real wire copy, with mixed lengths of 2-8 KB.
 *
 * Slots: {place} {place2} {country} {actor} {forces} {person} {role} {org} {monitor} {agency} {source}
 * {attacked} {weapon} {weaponBare} {weaponCap} {victims} {when} {weekday} {dayDate} {monthName} {year}
 * {year2} {approx} {n} {count} {count2} {big} {big2} {money} {ordinal}.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { seededRandom, type Random } from './random.js';

interface Region {
  country: string;
  places: string[];
  actors: string[][];
  forces: string[][];
  given: string[];
  family: string[];
}

interface Vocabulary {
  regions: Region[];
  organisations: string[];
  monitors: string[];
  agencies: string[];
  roles: string[];
  weapons: string[];
  weaponKinds: string[];
  victims: string[];
  attacked: string[];
  approx: string[];
  when: string[];
  months: string[];
  numberWords: string[];
  ordinals: string[];
  headlines: string[];
  leads: string[];
  details: string[];
  quotes: string[];
  humanitarian: string[];
  background: string[];
  filler: string[];
  subheads: string[];
}

export const VOCABULARY_PATH = fileURLToPath(new URL('./vocabulary.yaml', import.meta.url));

export interface GeneratedArticle {
  title: string;
  published: string;
  /** The page as a scraper would hand it over: highlight bullets, dateline paragraph, body, subheads. */
  text: string;
}

const MIN_BYTES = 2048;
const MAX_BYTES = 8192;
const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** Paragraph kinds after the lead, with weights that give wire-like density (most prose carries names). */
const BODY_MIX: Array<[keyof Vocabulary, number]> = [
  ['details', 30],
  ['quotes', 14],
  ['humanitarian', 14],
  ['background', 14],
  ['filler', 16],
  ['leads', 12],
];

function loadVocabulary(): Vocabulary {
  return parse(readFileSync(VOCABULARY_PATH, 'utf8')) as Vocabulary;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function thousands(value: number): string {
  return value.toLocaleString('en-US');
}

function weighted<T>(random: Random, items: Array<[T, number]>): T {
  const total = items.reduce((sum, [, w]) => sum + w, 0);
  let roll = random.next() * total;
  for (const [item, weight] of items) {
    roll -= weight;
    if (roll < 0) return item;
  }
  return items[items.length - 1][0];
}

/** One story's cast: the same region, main place and belligerents throughout, as in real reports. */
class Story {
  readonly region: Region;
  readonly place: string;
  readonly actor: string[];
  readonly forces: string[];
  private readonly mentioned = new Set<string[]>();

  constructor(
    readonly vocabulary: Vocabulary,
    readonly random: Random,
  ) {
    this.region = random.pick(vocabulary.regions);
    this.place = random.pick(this.region.places);
    this.actor = random.pick(this.region.actors);
    this.forces = random.pick(this.region.forces);
  }

  /** Canonical name on first mention, then any alias (Daesh, IS, ISIS...), as reporters do. */
  private name(names: string[]): string {
    if (!this.mentioned.has(names)) {
      this.mentioned.add(names);
      return names[0];
    }
    return this.random.pick(names);
  }

  private otherPlace(): string {
    const places = this.region.places.filter((p) => p !== this.place);
    return this.random.pick(places);
  }

  private person(): string {
    return `${this.random.pick(this.region.given)} ${this.random.pick(this.region.family)}`;
  }

  private smallNumber(): string {
    return this.random.chance(0.25) ? this.random.pick(this.vocabulary.numberWords) : String(this.random.int(2, 19));
  }

  private source(): string {
    const r = this.random;
    return weighted<() => string>(r, [
      [() => r.pick(this.vocabulary.roles), 3],
      [() => r.pick(this.vocabulary.monitors), 2],
      [() => `the ${r.pick(this.vocabulary.organisations)}`, 1],
      [() => 'local officials', 1],
      [() => `${this.person()}, ${r.pick(this.vocabulary.roles)},`, 2],
    ])();
  }

  slot(name: string): string {
    const v = this.vocabulary;
    const r = this.random;
    switch (name) {
      case 'place':
        return r.chance(0.6) ? this.place : r.pick(this.region.places);
      case 'place2':
        return this.otherPlace();
      case 'country':
        return this.region.country;
      case 'actor':
        return this.name(this.actor);
      case 'forces':
        return this.name(this.forces);
      case 'person':
        return this.person();
      case 'role':
        return r.pick(v.roles);
      case 'org':
        return r.pick(v.organisations);
      case 'monitor':
        return r.pick(v.monitors);
      case 'agency':
        return r.pick(v.agencies);
      case 'source':
        return this.source();
      case 'attacked':
        return r.pick(v.attacked);
      case 'weapon':
        return r.pick(v.weapons);
      case 'weaponBare':
        return r.pick(v.weaponKinds);
      case 'weaponCap':
        return capitalise(r.pick(v.weaponKinds));
      case 'victims':
        return r.pick(v.victims);
      case 'when':
        return r.pick(v.when);
      case 'weekday':
        return r.pick(WEEKDAYS);
      case 'dayDate':
        return `${r.pick(v.months)} ${r.int(1, 28)}`;
      case 'monthName':
        return r.pick(v.months);
      case 'year':
        return String(r.int(2011, 2023));
      case 'year2':
        return String(r.int(2024, 2027));
      case 'approx':
        return r.pick(v.approx);
      case 'n':
        return this.smallNumber();
      case 'count':
      case 'count2':
        return String(r.int(3, 180));
      case 'big':
        return thousands(r.int(1, 250) * 100 + r.int(0, 9) * 10);
      case 'big2':
        return thousands(r.int(10, 500) * 1000);
      case 'money':
        return String(r.int(5, 450));
      case 'ordinal':
        return r.pick(v.ordinals);
      default:
        throw new Error(`vocabulary.yaml uses an unknown slot {${name}}`);
    }
  }

  fill(template: string): string {
    const filled = template.replace(/\{(\w+)\}/g, (_, slot: string) => this.slot(slot));
    // An alias that carries its own article ("the Syrian army") after a template's "the".
    return capitalise(filled.replace(/\b([Tt]he) the /g, '$1 '));
  }
}

function publishedDate(random: Random): string {
  const day = new Date(Date.UTC(2015, 0, 1) + random.int(0, 11 * 365) * 86_400_000);
  return day.toISOString().slice(0, 10);
}

/** Target size skewed towards short wire copy, with a long tail of features up to 8 KB. */
function targetBytes(random: Random): number {
  return Math.round(MIN_BYTES + (MAX_BYTES - MIN_BYTES - 600) * random.next() ** 1.7);
}

function generateArticle(vocabulary: Vocabulary, random: Random): GeneratedArticle {
  const story = new Story(vocabulary, random);
  const title = story.fill(random.pick(vocabulary.headlines));
  const lines: string[] = [];
  if (random.chance(0.4)) {
    for (let i = random.int(2, 3); i > 0; i--) lines.push(`- ${story.fill(random.pick(vocabulary.headlines))}`);
    lines.push('');
  }
  const dateline = `${story.place.toUpperCase()}, ${story.region.country} (${random.pick(vocabulary.agencies)}) - `;
  lines.push(dateline + story.fill(random.pick(vocabulary.leads)) + ' ' + story.fill(random.pick(vocabulary.details)));
  const target = targetBytes(random);
  let size = lines.reduce((sum, line) => sum + line.length + 1, 0);
  let subheadUsed = false;
  for (let paragraph = 1; size < target; paragraph++) {
    if (!subheadUsed && paragraph >= 4 && random.chance(0.15)) {
      subheadUsed = true;
      lines.push('', random.pick(vocabulary.subheads));
    }
    const sentences: string[] = [];
    for (let i = random.int(1, 3); i > 0; i--) {
      sentences.push(story.fill(random.pick(vocabulary[weighted(random, BODY_MIX)] as string[])));
    }
    const text = sentences.join(' ');
    if (size + text.length + 2 > MAX_BYTES - 64) break;
    lines.push('', text);
    size += text.length + 2;
  }
  return { title, published: publishedDate(random), text: lines.join('\n') + '\n' };
}

export interface CorpusOptions {
  articles: number;
  seed: number;
}

/** The same options give the same articles, byte for byte. */
export function generateCorpus({ articles, seed }: CorpusOptions): GeneratedArticle[] {
  const vocabulary = loadVocabulary();
  const random = seededRandom(seed);
  return Array.from({ length: articles }, () => generateArticle(vocabulary, random));
}
