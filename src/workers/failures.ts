/**
 * An article that failed, said the same way whichever path processed it (a worker pool, or the serial
 * ingest in this process): one line naming the article, what happened and in which stage.
 */
import type { ArticleFailure } from './types.js';

export function describeFailure(failure: ArticleFailure): string {
  const where = failure.stage ? ` in stage ${failure.stage}` : '';
  const what =
    failure.kind === 'timeout' ? 'stopped: ran too long' : failure.kind === 'crash' ? 'the worker crashed' : 'the pipeline failed';
  return `article ${failure.index + 1}${failure.title ? ` ("${failure.title.slice(0, 60)}")` : ''}: ${what}${where} (${failure.message})`;
}
