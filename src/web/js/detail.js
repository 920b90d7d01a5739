// The chosen event: its fields, each source's claim, each source article with the evidence
// highlighted and the words behind every field marked, and the merge decisions that made it one event.
import { el, clear, append } from './elements.js';
import { typeColour } from './colours.js';
import { FIELD_LABELS, markedText } from './marked-text.js';

const PRECISION = { 1: 'day', 2: 'week or range', 3: 'month or coarser' };
const GEO_PRECISION = { 1: 'exact place', 2: 'near a place', 3: 'region only' };
const MARK = { match: '✓', unknown: '?', conflict: '✗' };
const regionNames = new Intl.DisplayNames(['en'], { type: 'region' });

export function countryName(code) {
  if (!code) return '';
  try {
    return regionNames.of(code) ?? code;
  } catch {
    return code;
  }
}

/** "Ariha, Idlib, Syria": each part once ("Russia", not "Russia, Russia, Russia"). */
export function placeName(loc, withCountry = false) {
  const parts = [loc.name, loc.admin1, withCountry ? countryName(loc.countryCode) : null].filter(Boolean);
  return parts.filter((p, i) => parts.indexOf(p) === i).join(', ');
}

function safeUrl(url) {
  return typeof url === 'string' && /^https?:\/\//i.test(url) ? url : null;
}

function fact(label, ...value) {
  return [el('dt', {}, label), el('dd', {}, ...value)];
}

function facts(event) {
  const loc = event.location;
  const range = event.fatalitiesMax > event.fatalitiesMin ? ` (claims range ${event.fatalitiesMin}–${event.fatalitiesMax}; lowest kept)` : '';
  return el(
    'dl',
    { className: 'facts' },
    fact('Date', `${event.date ?? 'unknown'}${event.dateEnd ? ` – ${event.dateEnd}` : ''}`, el('span', { className: 'muted' }, ` · ${PRECISION[event.datePrecision]}`)),
    fact('Place', loc ? placeName(loc, true) : 'unknown', loc ? el('span', { className: 'muted' }, ` · ${GEO_PRECISION[loc.precision]}`) : null),
    fact('Actor 1', event.actor1 ?? '—'),
    fact('Actor 2', event.actor2 ?? '—'),
    fact('Fatalities', event.fatalities === null ? 'not reported' : String(event.fatalities), el('span', { className: 'muted' }, range)),
    fact('Sources', `${event.sources.length} article${event.sources.length === 1 ? '' : 's'}`, event.mergedFrom.length ? el('span', { className: 'muted' }, ` · absorbed ${event.mergedFrom.join(', ')}`) : null),
    fact('Event id', el('code', {}, event.id)),
  );
}

const KIND_ORDER = ['fatalities', 'injured', 'displaced', 'arrived', 'arrested', 'captured', 'people'];
const claimValue = (c) => c.value ?? c.max ?? c.min ?? -1;

function claims(event) {
  if (!event.claims.length) return null;
  // Grouped by what is counted, highest claim first: disagreements read top to bottom.
  const sorted = [...event.claims].sort((a, b) => KIND_ORDER.indexOf(a.kind) - KIND_ORDER.indexOf(b.kind) || claimValue(b) - claimValue(a));
  return el(
    'section',
    { className: 'claims' },
    el('h3', {}, 'Counts, by source'),
    el(
      'table',
      {},
      el('tbody', {}, sorted.map((c) =>
        el('tr', {}, el('td', {}, c.source), el('td', {}, c.kind), el('td', { className: 'num' }, `${c.qualifier ? `${c.qualifier} ` : ''}${c.value ?? `${c.min ?? '?'}–${c.max ?? '?'}`}`), el('td', { className: 'muted quote' }, `“${c.text}”`)),
      )),
    ),
  );
}

function legend(spans) {
  const fields = [...new Set(spans.map((s) => s.field))].filter((f) => f !== 'sentence');
  return el('div', { className: 'field-legend' }, fields.map((f) => el('span', { className: `chip f-${f}` }, FIELD_LABELS[f])));
}

function source(src, index, text) {
  const a = src.article;
  const url = safeUrl(a.url);
  const meta = [a.published ?? 'undated', src.mention.publisher, src.mention.attribution ? `attributed to ${src.mention.attribution}` : null].filter(Boolean).join(' · ');
  const body = text !== undefined ? markedText(text, src.spans) : el('div', { className: 'article-text' }, src.mention.evidence.text);
  return el(
    'article',
    { className: 'source', dataset: { articleId: a.id } },
    el('header', {},
      el('div', { className: 'source-index' }, String(index + 1)),
      el('div', {},
        el('h4', {}, url ? el('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, a.title ?? '(untitled)') : a.title ?? '(untitled)'),
        el('div', { className: 'muted' }, meta),
      ),
    ),
    legend(src.spans),
    body,
  );
}

function decision(record) {
  const what =
    record.kind === 'create'
      ? `Report ${record.mentionId} started the event`
      : record.kind === 'join'
        ? `Report ${record.mentionId} joined`
        : `Event ${record.fromId} folded in`;
  const checks = record.kind === 'create' ? record.rejected.flatMap((r) => r.checks.filter((c) => c.outcome !== 'match').map((c) => ({ ...c, detail: `not ${r.eventId}: ${c.detail}` }))) : record.checks;
  return el(
    'li',
    { className: `decision ${record.kind}` },
    el('div', {}, el('strong', {}, what), el('span', { className: 'muted' }, ` · ${record.at.replace('T', ' ').slice(0, 19)}`)),
    el('ul', { className: 'checks' }, checks.map((c) => el('li', { className: `check ${c.outcome}` }, el('span', { className: 'mark' }, MARK[c.outcome]), ` ${c.criterion}: ${c.detail}`))),
  );
}

export function renderDetail(container, event, history, articleTexts, { onClose }) {
  clear(container);
  const place = event.location ? ` in ${event.location.name}` : '';
  append(container, [
    el('div', { className: 'detail-head', style: `--type-colour:${typeColour(event.type)}` },
      el('button', { className: 'close', type: 'button', title: 'Close (Esc)', 'aria-label': 'Close', onclick: onClose }, '×'),
      el('span', { className: 'type-chip' }, event.type),
      el('h2', {}, `${event.subType || event.type}${place}`),
      el('p', { className: 'evidence-lead' }, `“${event.evidence}”`),
    ),
    facts(event),
    claims(event),
    el('section', { className: 'sources' }, el('h3', {}, `Sources (${event.sources.length})`), event.sources.map((s, i) => source(s, i, articleTexts.get(s.article.id)))),
    history ? el('section', { className: 'history' }, el('h3', {}, event.sources.length > 1 ? 'Why these reports are one event' : 'Merge decisions'), el('ol', {}, history.history.map(decision))) : null,
  ]);
  // Bring each source's evidence into view inside its own scroll box.
  for (const box of container.querySelectorAll('.article-text')) {
    const mark = box.querySelector('mark.f-evidence');
    // .article-text is position: relative, so the mark's offsetTop is measured inside the box.
    if (mark) box.scrollTop = Math.max(0, mark.offsetTop - 24);
  }
}
