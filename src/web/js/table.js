// The event list under the map: one row per event, newest first; the row and the marker of the
// chosen event are highlighted together.
import { el, clear } from './elements.js';
import { typeColour } from './colours.js';
import { placeName } from './detail.js';

const MAX_ROWS = 2000;

function actors(event) {
  return [event.actor1, event.actor2].filter(Boolean).join(' — ') || '—';
}

function killed(event) {
  if (event.fatalities === null || event.fatalities === undefined) return '—';
  return event.fatalitiesMax > event.fatalitiesMin ? `${event.fatalitiesMin}–${event.fatalitiesMax}` : String(event.fatalities);
}

/** Sort keys by column; ties keep the newest first. */
const SORT_KEYS = {
  date: (e) => e.date ?? '',
  type: (e) => `${e.type} ${e.subType}`,
  location: (e) => (e.location ? placeName(e.location) : '\uffff'),
  actors: (e) => actors(e),
  fatalities: (e) => e.fatalities ?? -1,
  sources: (e) => e.articleIds.length,
};

export class EventTable {
  constructor(body, note, head, { onSelect }) {
    this.body = body;
    this.note = note;
    this.head = head;
    this.onSelect = onSelect;
    this.rows = new Map();
    this.order = [];
    this.sort = { key: 'date', descending: true };
    this.events = [];
    this.selectedId = null;
    for (const th of head.querySelectorAll('th[data-sort]')) {
      th.addEventListener('click', () => this.sortBy(th.dataset.sort));
    }
  }

  sortBy(key) {
    this.sort = { key, descending: this.sort.key === key ? !this.sort.descending : key !== 'location' && key !== 'actors' && key !== 'type' };
    for (const th of this.head.querySelectorAll('th[data-sort]')) {
      if (th.dataset.sort === key) th.setAttribute('aria-sort', this.sort.descending ? 'descending' : 'ascending');
      else th.removeAttribute('aria-sort');
    }
    this.render(this.events, this.selectedId);
  }

  sorted(events) {
    const key = SORT_KEYS[this.sort.key];
    const sign = this.sort.descending ? -1 : 1;
    return [...events].sort((a, b) => {
      const [x, y] = [key(a), key(b)];
      const order = typeof x === 'number' ? x - y : String(x).localeCompare(String(y));
      return sign * order || (b.date ?? '').localeCompare(a.date ?? '');
    });
  }

  render(unsorted, selectedId) {
    this.events = unsorted;
    this.selectedId = selectedId;
    const events = this.sorted(unsorted);
    clear(this.body);
    this.rows.clear();
    this.order = events.slice(0, MAX_ROWS).map((e) => e.id);
    for (const event of events.slice(0, MAX_ROWS)) {
      const row = el(
        'tr',
        { dataset: { eventId: event.id }, tabindex: '-1', onclick: () => this.onSelect(event.id) },
        el('td', { className: 'date' }, event.date ?? '—'),
        el('td', {}, el('span', { className: 'dot', style: `background:${typeColour(event.type)}` }), event.subType || event.type),
        el('td', {}, event.location ? placeName(event.location) : '—'),
        el('td', { className: 'actors' }, actors(event)),
        el('td', { className: 'num' }, killed(event)),
        el('td', { className: 'num' }, String(event.articleIds.length)),
      );
      this.rows.set(event.id, row);
      this.body.append(row);
    }
    this.note.textContent = events.length > MAX_ROWS ? `Showing the newest ${MAX_ROWS} of ${events.length} events.` : events.length ? '' : 'No event matches these filters.';
    this.highlight(selectedId);
  }

  highlight(id) {
    this.selectedId = id;
    for (const row of this.body.querySelectorAll('tr.selected')) row.classList.remove('selected');
    const row = this.rows.get(id);
    if (row) {
      row.classList.add('selected');
      row.scrollIntoView({ block: 'nearest' });
    }
  }

  /** The id `step` rows away from `id` (keyboard navigation). */
  neighbour(id, step) {
    const i = this.order.indexOf(id);
    if (!this.order.length) return null;
    if (i < 0) return this.order[0];
    return this.order[Math.min(Math.max(i + step, 0), this.order.length - 1)];
  }
}
