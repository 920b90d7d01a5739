// Wires the dashboard: server-side filters (words, actor, country) fetch events; type and period
// filter them in the page so the map, timeline and table answer instantly.
import { fetchEvent, fetchEvents, fetchHistory, fetchStats, getJson } from './api.js';
import { el, clear } from './elements.js';
import { typeColour, KNOWN_TYPES } from './colours.js';
import { EventMap } from './map.js';
import { Timeline } from './timeline.js';
import { EventTable } from './table.js';
import { countryName, renderDetail } from './detail.js';

const $ = (id) => document.getElementById(id);

const state = {
  events: [],
  total: 0,
  hiddenTypes: new Set(),
  period: null,
  selectedId: null,
  server: { q: '', actor: '', country: '' },
};

const map = new EventMap($('map'), { onSelect: select });
const timeline = new Timeline($('timeline'), $('timeline-label'), { onBrush: setPeriod });
const table = new EventTable($('events-body'), $('table-note'), document.querySelector('#events-table thead'), { onSelect: select });

function showError(message) {
  const banner = $('error');
  banner.textContent = message;
  banner.hidden = !message;
}

function inPeriod(event) {
  if (!state.period) return true;
  if (!event.date) return false;
  return (event.dateEnd ?? event.date) >= state.period.from && event.date <= state.period.to;
}

function visibleEvents() {
  return state.events.filter((e) => !state.hiddenTypes.has(e.type) && inPeriod(e));
}

function renderTypeFilter() {
  const counts = new Map();
  for (const e of state.events) if (inPeriod(e)) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const types = [...new Set([...state.events.map((e) => e.type)])].sort(
    (a, b) => (KNOWN_TYPES.indexOf(a) + 1 || 99) - (KNOWN_TYPES.indexOf(b) + 1 || 99) || a.localeCompare(b),
  );
  const list = clear($('type-filter'));
  if (!types.length) list.append(el('li', { className: 'muted' }, 'No events yet'));
  for (const type of types) {
    const id = `type-${type.replace(/[^a-z]/gi, '-')}`;
    list.append(
      el('li', {},
        el('input', { type: 'checkbox', id, checked: !state.hiddenTypes.has(type), dataset: { type }, onchange: (e) => toggleType(type, e.target.checked) }),
        el('label', { for: id }, el('span', { className: 'swatch', style: `background:${typeColour(type)}` }), type),
        el('span', { className: 'count' }, String(counts.get(type) ?? 0)),
        el('button', { type: 'button', className: 'only', title: `Show only ${type}`, dataset: { onlyType: type }, onclick: () => onlyType(type, types) }, 'only'),
      ),
    );
  }
}

function toggleType(type, shown) {
  if (shown) state.hiddenTypes.delete(type);
  else state.hiddenTypes.add(type);
  render();
}

function onlyType(type, types) {
  state.hiddenTypes = new Set(types.filter((t) => t !== type));
  render();
}

function setPeriod(period) {
  state.period = period;
  $('period').textContent = period ? `${period.from} → ${period.to}` : 'All dates';
  $('clear-period').hidden = !period;
  timeline.setRange(period);
  render();
}

function render() {
  const visible = visibleEvents();
  renderTypeFilter();
  map.render(visible);
  table.render(visible, state.selectedId);
  // The timeline shows every type still checked, over the whole period: it is the brush's context.
  timeline.setEvents(state.events.filter((e) => !state.hiddenTypes.has(e.type)));
  const shown = visible.length === state.events.length ? `${visible.length}` : `${visible.length} of ${state.events.length}`;
  $('stats').dataset.visible = String(visible.length);
  $('stats').querySelector('.visible')?.replaceChildren(document.createTextNode(`${shown} shown`));
}

async function loadEvents() {
  try {
    const page = await fetchEvents(state.server);
    state.events = page.events;
    state.total = page.total;
    showError(page.total > page.events.length ? `Showing the newest ${page.events.length} of ${page.total} events: narrow the search to see the rest.` : '');
    render();
  } catch (error) {
    showError(`Could not load events: ${error.message}`);
  }
}

let lastUpdated = null;

async function loadStats() {
  const stats = await fetchStats();
  lastUpdated = stats.lastUpdated;
  const range = stats.firstDate ? `${stats.firstDate} → ${stats.lastDate}` : 'no dated events';
  clear($('stats')).append(
    el('span', { className: 'stat' }, el('b', {}, String(stats.events)), ' events'),
    el('span', { className: 'stat' }, el('b', {}, String(stats.articles)), ' articles'),
    el('span', { className: 'stat' }, range),
    el('span', { className: 'stat visible' }, ''),
    stats.lastUpdated ? el('span', { className: 'stat muted' }, `updated ${stats.lastUpdated.replace('T', ' ').slice(0, 16)} UTC`) : null,
  );
  const select = $('country-filter');
  const chosen = select.value;
  select.replaceChildren(el('option', { value: '' }, 'All countries'));
  for (const code of Object.keys(stats.byCountry).filter(Boolean).sort((a, b) => countryName(a).localeCompare(countryName(b)))) {
    select.append(el('option', { value: code }, `${countryName(code)} (${stats.byCountry[code]})`));
  }
  select.value = chosen;
}

/**
 * The dashboard stays open while `sitrep ingest` or POST /api/documents add events: every 30 s it
 * asks whether the store changed and, if so, reloads with the current filters and selection.
 */
const REFRESH_MS = 30_000;
async function refreshIfChanged() {
  try {
    const stats = await fetchStats();
    if (stats.lastUpdated === lastUpdated) return;
    await Promise.all([loadStats(), loadEvents()]);
    fillActors();
    render();
    if (state.selectedId) select(state.selectedId);
  } catch {
    // the server may be restarting; the next tick tries again
  }
}

async function select(id) {
  if (!id) return;
  state.selectedId = id;
  map.highlight(id);
  map.focus(id);
  table.highlight(id);
  if (location.hash !== `#${id}`) history.replaceState(null, '', `#${id}`);
  try {
    const [event, history] = await Promise.all([fetchEvent(id), fetchHistory(id).catch(() => null)]);
    if (state.selectedId !== id) return;
    const texts = new Map();
    await Promise.all(
      event.sources.map(async (s) => {
        const article = await getJson(`/api/articles/${s.article.id}`).catch(() => null);
        if (article) texts.set(s.article.id, article.text);
      }),
    );
    if (state.selectedId !== event.id && state.selectedId !== id) return;
    $('detail-empty').hidden = true;
    $('detail-body').hidden = false;
    renderDetail($('detail-body'), event, history, texts, { onClose: closeDetail });
    $('detail').scrollTop = 0;
  } catch (error) {
    showError(`Could not load event ${id}: ${error.message}`);
  }
}

function closeDetail() {
  state.selectedId = null;
  map.highlight(null);
  table.highlight(null);
  $('detail-body').hidden = true;
  $('detail-empty').hidden = false;
  history.replaceState(null, '', location.pathname);
}

function debounce(fn, ms) {
  let timer;
  return (...args) => {
    clearTimeout(timer);
    timer = setTimeout(() => fn(...args), ms);
  };
}

const refetch = debounce(loadEvents, 250);

$('search-form').addEventListener('submit', (e) => {
  e.preventDefault();
  state.server.q = $('search').value.trim();
  loadEvents();
});
$('search').addEventListener('input', () => {
  state.server.q = $('search').value.trim();
  refetch();
});
$('actor-filter').addEventListener('input', () => {
  state.server.actor = $('actor-filter').value.trim();
  refetch();
});
$('country-filter').addEventListener('change', () => {
  state.server.country = $('country-filter').value;
  loadEvents();
});
$('clear-period').addEventListener('click', () => setPeriod(null));
$('reset').addEventListener('click', () => {
  state.hiddenTypes.clear();
  state.server = { q: '', actor: '', country: '' };
  $('search').value = '';
  $('actor-filter').value = '';
  $('country-filter').value = '';
  setPeriod(null);
  loadEvents();
});

// j / k walk the table, Esc closes the detail: an analyst's hands stay on the keyboard.
document.addEventListener('keydown', (e) => {
  if (e.target instanceof HTMLInputElement || e.target instanceof HTMLSelectElement) return;
  if (e.key === 'Escape') closeDetail();
  else if (e.key === 'j' || e.key === 'ArrowDown') select(table.neighbour(state.selectedId, 1));
  else if (e.key === 'k' || e.key === 'ArrowUp') select(table.neighbour(state.selectedId, -1));
  else return;
  e.preventDefault();
});
window.addEventListener('hashchange', () => {
  const id = location.hash.slice(1);
  if (/^ev_[0-9a-f]{16}$/.test(id) && id !== state.selectedId) select(id);
});

function fillActors() {
  const actors = new Set();
  for (const e of state.events) for (const a of [e.actor1, e.actor2]) if (a) actors.add(a);
  clear($('actor-options')).append(...[...actors].sort().map((a) => el('option', { value: a })));
}

async function start() {
  await Promise.all([
    loadStats().catch((e) => showError(`Could not load statistics: ${e.message}`)),
    map.loadOutlines().catch((e) => showError(`Could not load country outlines: ${e.message}`)),
    loadEvents(),
  ]);
  fillActors();
  render();
  const id = location.hash.slice(1);
  if (/^ev_[0-9a-f]{16}$/.test(id)) select(id);
  document.body.dataset.ready = 'true';
  setInterval(refreshIfChanged, REFRESH_MS);
}

start();
