/**
 * The actor dictionary: data/actors/actors.yaml plus the user's own files merged over it
 * (`--actors my.yaml`). Loaded once per process; lookups are hash lookups on a name key.
 */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { ActorDictionary, ActorEntry } from '../model/resources.js';
import type { ActorCategory } from '../model/types.js';
import { dataPath } from '../model/data-files.js';
import { UserError } from '../cli/errors.js';
import { acronymKey, bareName, nameKey } from './name-key.js';

export const BUNDLED_ACTORS = 'data/actors/actors.yaml';

export interface ActorRecord extends ActorEntry {
  /** ISO codes of countries whose "X-backed forces" may mean this actor. */
  backers: string[];
}

export interface PersonRecord {
  canonical: string;
  aliases: string[];
  /** Canonical name of the actor the person leads or belongs to. */
  actor: string | null;
}

/** The dictionary the entity stage uses; `resolve` and `all` are the shared ActorDictionary contract. */
export interface SitrepActorDictionary extends ActorDictionary {
  resolve(surface: string): ActorRecord | undefined;
  all(): ActorRecord[];
  resolvePerson(surface: string): PersonRecord | undefined;
  people(): PersonRecord[];
  byCanonical(canonical: string): ActorRecord | undefined;
}

const categories = [
  'State forces',
  'Rebel group',
  'Political militia',
  'Identity militia',
  'Rioters',
  'Protesters',
  'Civilians',
  'External/Other forces',
] as const satisfies readonly ActorCategory[];

const nameList = z.array(z.union([z.string(), z.number()]).transform(String)).nullish().transform((v) => v ?? []);

const actorSchema = z.object({
  canonical: z.string().min(1),
  aliases: nameList,
  category: z.enum(categories),
  country: z.string().length(2).nullish().transform((v) => v?.toUpperCase() ?? null),
  backers: nameList,
});

const personSchema = z.object({
  canonical: z.string().min(1),
  aliases: nameList,
  actor: z.string().nullish().transform((v) => v ?? null),
});

const fileSchema = z.object({
  actors: z.array(actorSchema).nullish().transform((v) => v ?? []),
  people: z.array(personSchema).nullish().transform((v) => v ?? []),
});

type ActorFile = z.infer<typeof fileSchema>;

/** Reads and validates one actor file; every problem names the file (and the entry at fault). */
export function readActorFile(path: string): ActorFile {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    throw new UserError(`${path}: cannot read actor file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  let raw: unknown;
  try {
    raw = parseYaml(text);
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UserError(`${path}: not valid YAML: ${message}`);
  }
  const parsed = fileSchema.safeParse(raw ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue.path.join('.') || 'top level';
    throw new UserError(`${path}: bad actor entry at ${where}: ${issue.message}`);
  }
  return parsed.data;
}

/** Alias maps: acronyms case-sensitive, everything else by folded key. Later `add` calls win. */
class NameIndex<T> {
  private readonly acronyms = new Map<string, T>();
  private readonly folded = new Map<string, T>();

  add(name: string, value: T): void {
    const acronym = acronymKey(name);
    if (acronym) this.acronyms.set(acronym, value);
    else this.folded.set(nameKey(name), value);
  }

  get(surface: string): T | undefined {
    const bare = bareName(surface);
    const acronym = acronymKey(bare);
    if (acronym) {
      const hit = this.acronyms.get(acronym);
      if (hit) return hit;
      // A headline in capitals ("SYRIAN DEMOCRATIC FORCES") still matches by key; a short
      // all-caps word never does, or "IS" would also be "is".
      if (bare.replace(/[^A-Z]/g, '').length <= 5) return undefined;
    }
    return this.folded.get(nameKey(bare));
  }
}

export function buildActorDictionary(files: ActorFile[]): SitrepActorDictionary {
  const actorsByCanonical = new Map<string, ActorRecord>();
  const peopleByCanonical = new Map<string, PersonRecord>();
  for (const file of files) {
    for (const a of file.actors) {
      actorsByCanonical.set(nameKey(a.canonical), { ...a, category: a.category as ActorCategory });
    }
    for (const p of file.people) peopleByCanonical.set(nameKey(p.canonical), p);
  }
  const actorIndex = new NameIndex<ActorRecord>();
  for (const actor of actorsByCanonical.values()) {
    actorIndex.add(actor.canonical, actor);
    for (const alias of actor.aliases) actorIndex.add(alias, actor);
  }
  const personIndex = new NameIndex<PersonRecord>();
  for (const person of peopleByCanonical.values()) {
    personIndex.add(person.canonical, person);
    for (const alias of person.aliases) personIndex.add(alias, person);
  }
  const all = [...actorsByCanonical.values()];
  const people = [...peopleByCanonical.values()];
  return {
    resolve: (surface) => actorIndex.get(surface),
    resolvePerson: (surface) => personIndex.get(surface),
    people: () => people,
    byCanonical: (canonical) => actorsByCanonical.get(nameKey(canonical)),
    all: () => all,
  };
}

/** The bundled dictionary with each of `extraFiles` merged over it, in order. */
export function loadActorDictionary(options: { extraFiles: string[] }): SitrepActorDictionary {
  const files = [dataPath(BUNDLED_ACTORS), ...options.extraFiles].map(readActorFile);
  return buildActorDictionary(files);
}

/** The richer dictionary when the pipeline was given ours; a plain ActorDictionary otherwise. */
export function asSitrepDictionary(actors: ActorDictionary): Partial<SitrepActorDictionary> & ActorDictionary {
  return actors as Partial<SitrepActorDictionary> & ActorDictionary;
}
