/**
 * `sitrep explain EVENT_ID [--db] [--json]`: the event, every source with the words behind each
 * field, and each merge decision with every criterion it checked.
 */
import type { Command } from 'commander';
import type { Check } from '../../merge/types.js';
import { describeFatalityClaims } from '../../merge/summarise.js';
import type { EventDetail, MergeRecord } from '../../store/types.js';
import { UserError } from '../errors.js';
import { openStore } from './ingest.js';

const MARK: Record<Check['outcome'], string> = { match: '+', unknown: '?', conflict: 'x' };
const PRECISION: Record<number, string> = { 1: 'day', 2: 'week or range', 3: 'month or coarser' };

function quote(text: string, max = 160): string {
  const flat = text.replace(/\s+/g, ' ');
  return JSON.stringify(flat.length > max ? `${flat.slice(0, max - 1)}…` : flat);
}

function checkLines(checks: Check[], indent: string): string[] {
  return checks.map((c) => `${indent}${MARK[c.outcome]} ${c.criterion}: ${c.detail}`);
}

function decisionLines(record: MergeRecord): string[] {
  const head = `  ${record.at}  `;
  const pad = ' '.repeat(head.length);
  if (record.kind === 'create') {
    const lines = [`${head}report ${record.mentionId} started event ${record.eventId}`];
    if (!record.rejected.length) lines.push(`${pad}(no other event of this type in the date window within about 100 km, in the same province or of the same place name)`);
    for (const rejected of record.rejected) {
      const reasons = rejected.checks.filter((c) => c.outcome !== 'match');
      lines.push(`${pad}not joined to ${rejected.eventId}:`, ...checkLines(reasons, `${pad}  `));
    }
    return lines;
  }
  const what =
    record.kind === 'join'
      ? `report ${record.mentionId} joined ${record.eventId}`
      : `event ${record.fromId} folded into ${record.eventId} (it became compatible once more reports arrived)`;
  return [`${head}${what}, score ${record.score?.toFixed(2)}`, ...checkLines(record.checks, `${pad}  `)];
}

export function explainText(event: EventDetail, history: MergeRecord[], via: string[]): string {
  const lines: string[] = [];
  if (via.length) lines.push(`${via[0]} was merged into ${event.id}${via.length > 1 ? ` (via ${via.slice(1).join(', ')})` : ''}`, '');
  const loc = event.location;
  lines.push(
    `${event.id}  ${event.type} / ${event.subType}`,
    `  date        ${event.date ?? 'unknown'}${event.dateEnd ? ` to ${event.dateEnd}` : ''} (precision ${event.datePrecision}: ${PRECISION[event.datePrecision]})`,
    `  place       ${loc ? `${loc.name}, ${loc.admin1 ?? '?'}, ${loc.countryCode} (${loc.lat}, ${loc.lon}; geo precision ${loc.precision})` : 'unknown'}`,
    `  actors      ${event.actor1 ?? '-'}  vs  ${event.actor2 ?? '-'}`,
    `  fatalities  ${event.fatalities ?? 'unknown'}${event.fatalitiesMax !== event.fatalitiesMin ? ` (lowest claim; range ${event.fatalitiesMin}-${event.fatalitiesMax})` : ''}`,
  );
  const claims = describeFatalityClaims(event.claims);
  if (claims) lines.push(`  claims      ${claims}`);
  lines.push(`  created     ${event.created}`, `  updated     ${event.updated}`);
  if (event.mergedFrom.length) lines.push(`  merged from ${event.mergedFrom.join(', ')}`);
  lines.push('', `Sources (${event.sources.length}):`);
  event.sources.forEach((source, i) => {
    const a = source.article;
    lines.push(`  [${i + 1}] ${quote(a.title ?? '(untitled)', 100)} ${a.published ?? 'undated'}${a.url ? ` ${a.url}` : ''}`);
    lines.push(`      article ${a.id}, report ${source.mention.id}${source.mention.attribution ? `, attributed to ${source.mention.attribution}` : ''}`);
    for (const span of source.spans) {
      if (span.field === 'sentence') continue;
      lines.push(`      ${span.field.padEnd(11)} [${span.start}-${span.end}] ${quote(span.text)}${span.label ? ` (${span.label})` : ''}`);
    }
  });
  lines.push('', 'Merge decisions:');
  for (const record of history) lines.push(...decisionLines(record));
  return lines.join('\n') + '\n';
}

export function registerExplain(program: Command): void {
  program
    .command('explain')
    .description('show an event, its sources and evidence, and why its reports were merged')
    .argument('<event-id>', 'event id (ev_...), also one that was merged away')
    .option('--db <file>', 'SQLite database', 'sitrep.db')
    .option('--json', 'print the event, its history and the ids passed through as JSON')
    .action((id: string, options: { db: string; json?: boolean }) => {
      const store = openStore(options.db, true);
      try {
        const resolved = store.resolveEventId(id);
        if (!resolved) throw new UserError(`no event ${id} in ${options.db}`);
        const event = store.getEvent(resolved.id)!;
        const history = store.mergeHistory(resolved.id);
        process.stdout.write(
          options.json ? JSON.stringify({ event, history, via: resolved.via }, null, 2) + '\n' : explainText(event, history, resolved.via),
        );
      } finally {
        store.close();
      }
    });
}
