/**
 * Loads the event coder's data files (data/events/) once per process and compiles their patterns.
 * Everything the coder knows about words lives in those files; this module only parses them, with
 * file and line kept on every entry so `sitrep explain` can point at the lexicon line behind a decision.
 */
import { readFileSync } from 'node:fs';
import { dataPath } from '../model/data-files.js';
import { inflections } from './inflect.js';
import { compilePattern, PatternIndex, type CompiledPattern, type WordClasses } from './patterns.js';
import { TextMemo } from '../text/text-memo.js';

export interface SubTypeInfo {
  /** ACLED event type (or sitrep's Displacement/Arrival); null for labels never emitted as events. */
  type: string | null;
  case2021: string;
  /** ACLED CSV categories when they differ from type/subType (Displacement -> Strategic developments/Other). */
  acled?: [string, string];
  /** A statement is itself the event (diplomatic action, attribution): modality does not cancel it. */
  statement?: boolean;
  /** Resolved by refinements.tsv before it can be emitted. */
  unresolved?: boolean;
}

export interface Taxonomy {
  precedence: string[];
  subTypes: Record<string, SubTypeInfo>;
  /** Position of each label in ACLED's tactic order (lower ranks first). */
  rank: Map<string, number>;
}

export interface LexiconRef {
  /** Entry id in its file (e.g. "air.2"). */
  id: string;
  file: string;
  line: number;
}

export interface TriggerEntry extends LexiconRef {
  label: string;
  strength: number;
}

export interface Refinement extends LexiconRef {
  label: string;
  condition: string;
  becomes: string;
}

export interface CueEntry extends LexiconRef {
  kind: string;
}

export interface CountEntry extends LexiconRef {
  kind: string;
  /** Fixed value ("no casualties" = 0) or null to take the number the pattern read. */
  value: number | null;
}

export interface NumberLexicon {
  values: Map<string, { value: number; vague: boolean }>;
  scales: Map<string, number>;
  qualifiers: Map<string, true>;
}

export interface AttributionLexicon {
  verbs: Set<string>;
  leads: string[];
  pronouns: Set<string>;
}

export interface EventLexicons {
  taxonomy: Taxonomy;
  triggers: PatternIndex<TriggerEntry>;
  refinements: Refinement[];
  modality: PatternIndex<CueEntry>;
  context: PatternIndex<CueEntry>;
  /** Cause and result connectives around movement triggers (causes.tsv). */
  causes: PatternIndex<CueEntry>;
  counts: PatternIndex<CountEntry>;
  numbers: NumberLexicon;
  classes: Map<string, string[]>;
  /** Single-word membership of a word class, inflections included (for role cues). */
  inClass(name: string, lowerWord: string): boolean;
  attribution: AttributionLexicon;
}

interface TsvRow {
  cells: string[];
  line: number;
}

function readTsv(file: string): TsvRow[] {
  return readTsvAt(`data/events/${file}`);
}

/** A tab-separated data file by its path from the project root (`#` lines are comments). */
function readTsvAt(path: string): TsvRow[] {
  const rows: TsvRow[] = [];
  readFileSync(dataPath(path), 'utf8')
    .split('\n')
    .forEach((raw, i) => {
      const line = raw.replace(/\r$/, '');
      if (!line.trim() || line.startsWith('#')) return;
      rows.push({ cells: line.split('\t').map((c) => c.trim()), line: i + 1 });
    });
  return rows;
}

function expect(row: TsvRow, file: string, n: number): void {
  if (row.cells.length < n) throw new Error(`data/events/${file}:${row.line}: expected ${n} tab-separated columns`);
}

function loadTaxonomy(): Taxonomy {
  const raw = JSON.parse(readFileSync(dataPath('data/events/taxonomy.json'), 'utf8')) as Omit<Taxonomy, 'rank'>;
  const rank = new Map(raw.precedence.map((label, i) => [label, i]));
  for (const label of Object.keys(raw.subTypes)) {
    if (!rank.has(label)) throw new Error(`data/events/taxonomy.json: "${label}" is missing from precedence`);
  }
  return { ...raw, rank };
}

/** Number words that multiply the number before them ("1.5 million", "two hundred"). */
const SCALE_VALUES = new Set([100, 1000, 1_000_000, 1_000_000_000]);

/**
 * Number words and qualifiers are the quantities layer's (data/quantities/, read-only here), so the
 * two layers read "seven" and "more than" alike; the vague counts are ACLED's own convention
 * ("dozens" is coded 12, not the quantities layer's 24-99 range), kept in data/events/vague-counts.tsv.
 */
function loadNumbers(): NumberLexicon {
  const values = new Map<string, { value: number; vague: boolean }>();
  const scales = new Map<string, number>();
  const qualifiers = new Map<string, true>();
  for (const row of readTsvAt('data/quantities/number-words.tsv')) {
    const [words, raw] = row.cells;
    const value = Number(raw);
    if (!words || !Number.isFinite(value)) throw new Error(`data/quantities/number-words.tsv:${row.line}: expected a word and a number`);
    if (!words.includes(' ') && SCALE_VALUES.has(value)) scales.set(words, value);
    else values.set(words, { value, vague: false });
  }
  for (const row of readTsvAt('data/quantities/qualifiers.tsv')) if (row.cells[0]) qualifiers.set(row.cells[0], true);
  for (const row of readTsv('vague-counts.tsv')) {
    expect(row, 'vague-counts.tsv', 2);
    const [words, value] = row.cells;
    values.set(words, { value: Number(value), vague: true });
  }
  return { values, scales, qualifiers };
}

function loadIrregular(): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of readTsv('irregular-forms.tsv')) map.set(row.cells[0], row.cells.slice(1));
  return map;
}

function loadClasses(): Map<string, string[]> {
  const classes = new Map<string, string[]>();
  for (const row of readTsv('word-classes.tsv')) {
    expect(row, 'word-classes.tsv', 2);
    const list = classes.get(row.cells[0]) ?? [];
    list.push(...row.cells[1].split(/\s+/).filter(Boolean));
    classes.set(row.cells[0], list);
  }
  return classes;
}

/** Splits the " ; "-separated patterns of one lexicon line and compiles each with the line's payload. */
function compileLine<T>(
  text: string,
  payload: T,
  classes: WordClasses,
  inflect: (b: string) => string[],
  where: string,
): CompiledPattern<T>[] {
  return text
    .split(/\s;\s/)
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => compilePattern(p, payload, classes, inflect, where));
}

function load(): EventLexicons {
  const taxonomy = loadTaxonomy();
  const numbers = loadNumbers();
  const irregular = loadIrregular();
  const inflect = (b: string) => inflections(b, irregular);
  const classes = loadClasses();

  const triggerPatterns: CompiledPattern<TriggerEntry>[] = [];
  for (const row of readTsv('triggers.tsv')) {
    expect(row, 'triggers.tsv', 4);
    const [id, label, strength, patterns] = row.cells;
    const where = `data/events/triggers.tsv:${row.line}`;
    if (!label.startsWith('cue:') && !taxonomy.subTypes[label]) throw new Error(`${where}: unknown label "${label}"`);
    const entry: TriggerEntry = { id, label, strength: Number(strength), file: 'data/events/triggers.tsv', line: row.line };
    triggerPatterns.push(...compileLine(patterns, entry, classes, inflect, where));
  }

  const refinements: Refinement[] = readTsv('refinements.tsv').map((row) => {
    expect(row, 'refinements.tsv', 4);
    const [id, label, condition, becomes] = row.cells;
    if (!taxonomy.subTypes[becomes]) throw new Error(`data/events/refinements.tsv:${row.line}: unknown label "${becomes}"`);
    return { id, label, condition, becomes, file: 'data/events/refinements.tsv', line: row.line };
  });

  const cueIndex = (file: string, kindColumn: boolean) => {
    const patterns: CompiledPattern<CueEntry>[] = [];
    for (const row of readTsv(file)) {
      expect(row, file, kindColumn ? 3 : 2);
      const [id, a, b] = row.cells;
      const entry: CueEntry = { id, kind: kindColumn ? a : 'context', file: `data/events/${file}`, line: row.line };
      patterns.push(...compileLine(kindColumn ? b : a, entry, classes, inflect, `data/events/${file}:${row.line}`));
    }
    return new PatternIndex(patterns, numbers);
  };

  const countPatterns: CompiledPattern<CountEntry>[] = [];
  for (const row of readTsv('count-kinds.tsv')) {
    expect(row, 'count-kinds.tsv', 4);
    const [id, kind, value, patterns] = row.cells;
    const entry: CountEntry = {
      id,
      kind,
      value: value === '-' ? null : Number(value),
      file: 'data/events/count-kinds.tsv',
      line: row.line,
    };
    countPatterns.push(...compileLine(patterns, entry, classes, inflect, `data/events/count-kinds.tsv:${row.line}`));
  }

  const classForms = new Map<string, Set<string>>();
  const classPrefixes = new Map<string, string[]>();
  for (const [name, entries] of classes) {
    const forms = new Set<string>();
    const prefixes: string[] = [];
    for (const e of entries) {
      if (e.endsWith('*')) prefixes.push(e.slice(0, -1).toLowerCase());
      else if (e.endsWith('+')) for (const f of inflect(e.slice(0, -1).toLowerCase())) forms.add(f);
      else forms.add(e.replace(/^=/, '').toLowerCase());
    }
    classForms.set(name, forms);
    classPrefixes.set(name, prefixes);
  }

  const prefixMemo = new Map<string, TextMemo<boolean>>();
  const attribution: AttributionLexicon = { verbs: new Set(), leads: [], pronouns: new Set() };
  for (const row of readTsv('attribution.tsv')) {
    const [kind, words] = row.cells;
    if (kind === 'verb') for (const w of words.split(/\s+/)) attribution.verbs.add(w);
    else if (kind === 'lead') attribution.leads.push(...words.split(/\s;\s/).map((s) => s.trim()));
    else if (kind === 'pronoun') for (const w of words.split(/\s+/)) attribution.pronouns.add(w);
  }

  return {
    taxonomy,
    triggers: new PatternIndex(triggerPatterns, numbers),
    refinements,
    modality: cueIndex('modality.tsv', true),
    context: cueIndex('context.tsv', false),
    causes: cueIndex('causes.tsv', true),
    counts: new PatternIndex(countPatterns, numbers),
    numbers,
    classes,
    inClass(name, w) {
      if (classForms.get(name)?.has(w)) return true;
      const prefixes = classPrefixes.get(name);
      if (!prefixes?.length) return false;
      // prefix tests repeat for the same words across documents: remember them (bounded)
      let memo = prefixMemo.get(name);
      if (!memo) prefixMemo.set(name, (memo = new TextMemo(100_000)));
      let hit = memo.get(w);
      if (hit === undefined) {
        hit = prefixes.some((p) => w.startsWith(p));
        memo.set(w, hit);
      }
      return hit;
    },
    attribution,
  };
}

let cached: EventLexicons | null = null;

/** The event lexicons, loaded on first use and shared by every document in the process. */
export function eventLexicons(): EventLexicons {
  cached ??= load();
  return cached;
}
