/**
 * Input files into the store in this process: read each, run the pipeline on its articles a group at a
 * time and store each group (several files a commit, see grouped-files.ts). Outcomes are values: a bad
 * file is reported and the batch goes on.
 */
import { inputLabel, type InputRef } from '../ingest/pieces.js';
import { readInput } from '../ingest/read.js';
import type { ReadOptions } from '../ingest/types.js';
import type { Pipeline } from '../pipeline.js';
import { describeFailure } from '../workers/failures.js';
import type { Article } from '../model/types.js';
import type { EventStore } from './types.js';
import { GroupedFileStorer, type GroupLimits } from './grouped-files.js';
import type { InputOutcome } from './store-outcome.js';

export type { InputOutcome };

/** Ingests the files in order; `report` sees each file's outcome, in order, once it is committed. */
export function ingestInputs(
  store: EventStore,
  pipeline: Pipeline,
  inputs: InputRef[],
  options: ReadOptions,
  report: (outcome: InputOutcome) => void,
  limits?: GroupLimits,
): void {
  const storer = new GroupedFileStorer(store, (outcome) => report(outcome), limits);
  try {
    inputs.forEach((input, index) => {
      const path = inputLabel(input);
      const read = readInput(input, options);
      if (!read.ok) {
        storer.refuseFile({ path, ok: false, error: read.error }, index);
        return;
      }
      // A group at a time, each stored as soon as it is done, in the file's savepoint: a long file is
      // never held whole, and its groups are the parts a pool worker sends, so both paths store the
      // same calls. (Merging does not depend on the calls: a tie goes to the event stored first.) An
      // article a stage throws on costs only itself, as on the workers.
      const failures: string[] = [];
      let stored = 0;
      for (const { offset, outcomes } of pipeline.processInGroups(read.drafts)) {
        const articles: Article[] = [];
        outcomes.forEach((outcome, inGroup) => {
          if (outcome.ok) articles.push(outcome.article);
          else {
            const draft = read.drafts[offset + inGroup]!;
            failures.push(describeFailure({ index: offset + inGroup, title: draft.title, kind: 'pipeline', stage: outcome.stage, message: outcome.error.message }));
          }
        });
        if (!articles.length) continue;
        storer.storePart(path, articles, index);
        stored += articles.length;
      }
      if (!stored && failures.length) storer.refuseFile({ path, ok: false, error: failures[0]! }, index);
      else storer.endFile(path, [...read.problems, ...failures], index);
    });
  } finally {
    storer.flush();
  }
}
