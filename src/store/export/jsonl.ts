/** One JSON object per line: full events, and with --since tombstones `{id, deleted: true, mergedInto}`. */
import type { ChangeSet, StoredEvent } from '../types.js';

export function writeJsonl(events: Iterable<StoredEvent>, write: (chunk: string) => void, changes?: ChangeSet): void {
  for (const event of events) write(JSON.stringify(event) + '\n');
  for (const gone of changes?.deleted ?? []) {
    write(JSON.stringify({ id: gone.id, deleted: true, mergedInto: gone.mergedInto, deletedAt: gone.deleted }) + '\n');
  }
}
