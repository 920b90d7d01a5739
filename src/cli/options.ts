/** Option parsers shared by the commands that run the pipeline. */
import { InvalidArgumentError } from 'commander';
import { parsePublishedOption } from '../ingest/published.js';
import type { InputFormat } from '../ingest/types.js';

export function publishedOption(value: string): string {
  try {
    return parsePublishedOption(value);
  } catch (error) {
    throw new InvalidArgumentError((error as Error).message.replace(/^--published /, ''));
  }
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

export function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`expected a positive whole number, got "${value}"`);
  return n;
}

const FORMATS: InputFormat[] = ['text', 'html', 'jsonl', 'feed'];
export function inputFormatOption(value: string): InputFormat {
  if (!FORMATS.includes(value as InputFormat)) throw new InvalidArgumentError(`expected one of ${FORMATS.join(', ')}`);
  return value as InputFormat;
}

/**
 * --workers: worker threads for the pipeline. extract runs one in this process (0 and 1 mean no
 * worker); ingest counts threads besides the one that stores (1 is one worker, 0 none).
 */
export function workersOption(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError(`expected a whole number of worker threads, got "${value}"`);
  return n;
}
