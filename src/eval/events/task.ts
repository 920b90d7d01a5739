/**
 * `sitrep eval events --format case2021 FILE.tsv`: each snippet goes through the pipeline (sentences,
 * dates, entities, places) and the same event coder the events stage uses; the snippet's main event,
 * mapped to its CASE 2021 label through data/events/taxonomy.json, is compared with the gold label.
 */
import { draftFromText } from '../../model/doc.js';
import { createPipeline, defaultStages } from '../../pipeline.js';
import { codeArticle } from '../../events/index.js';
import { eventLexicons } from '../../events/lexicons.js';
import { mainEvent } from '../../events/main-event.js';
import type { EvalTask } from '../registry.js';
import { readCase2021 } from './case2021.js';
import { scoreClassification } from './metrics.js';
import { UserError } from '../../cli/errors.js';

/** The label a text with no trigger gets: CASE's own catch-all. */
const NO_EVENT = 'OTHER';

export const eventsTask: EvalTask = {
  name: 'events',
  formats: ['case2021'],
  async run({ path, flags }) {
    let data;
    try {
      data = readCase2021(path);
    } catch (e) {
      throw new UserError((e as Error).message);
    }
    const lex = eventLexicons();
    const pipeline = createPipeline({ stages: defaultStages.filter((s) => s.name !== 'events') });
    const labels = [...new Set(Object.values(lex.taxonomy.subTypes).map((s) => s.case2021))];
    const pairs: { gold: string; predicted: string; id: string; trigger?: string }[] = [];
    for (const row of data.rows) {
      const article = pipeline.process(draftFromText(row.text, { source: { path, start: 0, end: row.text.length } }));
      const main = mainEvent(lex, codeArticle(lex, article));
      const predicted = main ? lex.taxonomy.subTypes[main.label].case2021 : NO_EVENT;
      pairs.push({ gold: row.label, predicted, id: row.id, trigger: main ? `${main.hit.entry.id} "${main.hit.text}"` : undefined });
    }
    const scores = scoreClassification(pairs, labels);
    const result: Record<string, unknown> = { task: 'events', ...scores };
    if (data.problems.length) result.problems = data.problems;
    if (flags.errors) result.errors = pairs.filter((p) => p.gold !== p.predicted);
    return result;
  },
};
