/**
 * `sitrep extract FILE... [--published D] [--format json|jsonl]`: scraped news in, one structured JSON
 * document out. Bad inputs are reported one line each on stderr (exit code 2); the others are processed.
 */
import type { Command } from 'commander';
import { InvalidArgumentError } from 'commander';
import { renameSync, writeFileSync } from 'node:fs';
import { fdWriter } from '../output.js';
import { expandInputs, readInput } from '../../ingest/read.js';
import type { InputFormat } from '../../ingest/types.js';
import type { Article } from '../../model/types.js';
import { EXIT_BAD_INPUT } from '../errors.js';
import { collect, inputFormatOption, positiveInteger, publishedOption } from '../options.js';

interface ExtractOptions {
  published?: string;
  format: 'json' | 'jsonl';
  output?: string;
  actors?: string[];
  gazetteer?: string[];
  maxBytes?: number;
  inputFormat?: InputFormat;
}

function outputFormat(value: string): 'json' | 'jsonl' {
  if (value !== 'json' && value !== 'jsonl') throw new InvalidArgumentError('expected json or jsonl');
  return value;
}

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('extract articles, entities, places, dates, quantities and events as JSON')
    .argument('<inputs...>', 'text, HTML, JSONL or feed files, folders, or - for stdin')
    .option('--published <date>', 'publication date (YYYY-MM-DD) when the input does not carry one; a comma-separated list dates a glued page story by story', publishedOption)
    .option('--format <format>', 'json (one document) or jsonl (one article a line)', outputFormat, 'json')
    .option('-o, --output <file>', 'write to a file (atomically) instead of stdout')
    .option('--input-format <format>', 'force the input format: text, html, jsonl, feed', inputFormatOption)
    .option('--actors <file>', 'extra actor dictionary (YAML), repeatable', collect)
    .option('--gazetteer <file>', 'extra gazetteer supplement, repeatable', collect)
    .option('--max-bytes <n>', 'refuse inputs larger than this (default 20 MB)', positiveInteger)
    .action(async (inputs: string[], options: ExtractOptions) => {
      const { files, errors } = expandInputs(inputs);
      let failed = errors.length > 0;
      for (const error of errors) if (!error.ok) process.stderr.write(`sitrep: ${error.path}: ${error.error}\n`);
      // Imported here so that other commands do not load the pipeline's modules (about a second).
      const { createPipeline } = await import('../../pipeline.js');
      const pipeline = createPipeline({ actorFiles: options.actors, gazetteerFiles: options.gazetteer });
      const articles: Article[] = [];
      const seen = new Set<string>();
      for (const file of files) {
        const result = readInput(file, {
          published: options.published ?? null,
          maxBytes: options.maxBytes,
          format: options.inputFormat,
        });
        if (!result.ok) {
          process.stderr.write(`sitrep: ${result.path}: ${result.error}\n`);
          failed = true;
          continue;
        }
        for (const problem of result.problems) {
          process.stderr.write(`sitrep: ${result.path}: ${problem}\n`);
          failed = true;
        }
        for (const [index, outcome] of pipeline.processBatch(result.drafts).entries()) {
          if (!outcome.ok) {
            // One article that breaks a stage is reported; the other articles and inputs go on.
            process.stderr.write(`sitrep: ${result.path}: article ${index + 1} could not be processed: ${outcome.error.message}\n`);
            failed = true;
            continue;
          }
          const { article } = outcome;
          // The same story read twice (two files, a repeated JSONL record) is one article.
          if (seen.has(article.id)) continue;
          seen.add(article.id);
          articles.push(article);
        }
      }
      const body =
        options.format === 'jsonl'
          ? articles.map((a) => JSON.stringify(a) + '\n').join('')
          : JSON.stringify({ articles }, null, 2) + '\n';
      if (options.output) {
        // Written next to the target then renamed, so an interrupted run never leaves half a file.
        const temporary = `${options.output}.tmp-${process.pid}`;
        writeFileSync(temporary, body);
        renameSync(temporary, options.output);
      } else {
        fdWriter(1)(body);
      }
      if (failed) process.exitCode = EXIT_BAD_INPUT;
    });
}
