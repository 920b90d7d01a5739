import type { Doc, EventSpan } from '../model/types.js';
import type { CodedSentence } from './coder.js';
import type { EventLexicons } from './lexicons.js';
export function assembleEvents(_lex: EventLexicons, _doc: Doc, _coded: CodedSentence[]): { events: EventSpan[]; context: EventSpan[] } {
  return { events: [], context: [] };
}
