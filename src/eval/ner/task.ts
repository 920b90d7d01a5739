/**
 * `sitrep eval ner --format re3d DIR`: runs the whole pipeline on each re3d document and scores the
 * entities layer against re3d's gold entities, in re3d's type names.
 */
import type { EntityType } from '../../model/types.js';
import { draftFromText } from '../../model/doc.js';
import { createPipeline } from '../../pipeline.js';
import type { EvalTask } from '../registry.js';
import { SpanScorer, type Labelled } from './metrics.js';
import { findParts, readRe3dPart } from './re3d.js';

/** sitrep entity types under re3d's names; re3d types with no sitrep counterpart are listed as unscored. */
export const RE3D_TYPE: Record<EntityType, string> = {
  PERSON: 'Person',
  ORGANISATION: 'Organisation',
  LOCATION: 'Location',
  NATIONALITY: 'Nationality',
  WEAPON: 'Weapon',
  MILITARY_PLATFORM: 'MilitaryPlatform',
  MONEY: 'Money',
  QUANTITY: 'Quantity',
  TEMPORAL: 'Temporal',
};

export const nerTask: EvalTask = {
  name: 'ner',
  formats: ['re3d'],
  async run(options) {
    const pipeline = createPipeline();
    const scorer = new SpanScorer(Object.values(RE3D_TYPE));
    const scoredTypes = new Set(Object.values(RE3D_TYPE));
    const unscored: Record<string, number> = {};
    let documents = 0;
    let characters = 0;
    const t0 = performance.now();
    for (const part of findParts(options.path)) {
      for (const doc of readRe3dPart(part)) {
        const article = pipeline.process(draftFromText(doc.text, { source: { path: part, start: 0, end: doc.text.length } }));
        const predicted: Labelled[] = article.entities.map((e) => ({ start: e.start, end: e.end, type: RE3D_TYPE[e.type] }));
        scorer.add(doc.entities, predicted);
        for (const g of doc.entities) if (!scoredTypes.has(g.type)) unscored[g.type] = (unscored[g.type] ?? 0) + 1;
        documents++;
        characters += doc.text.length;
      }
    }
    const seconds = (performance.now() - t0) / 1000;
    return {
      task: 'ner',
      documents,
      ...scorer.result(),
      unscoredGoldTypes: unscored,
      secondsPerMB: Math.round((seconds / (characters / 1e6)) * 100) / 100,
    };
  },
};
