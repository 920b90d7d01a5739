// Events per day (or week, for long spans) as an SVG histogram you can brush: drag to choose a
// period, click to clear it. Bars are stacked by type in the same colours as the map.
import { typeColour } from './colours.js';

const SVG = 'http://www.w3.org/2000/svg';
const DAY = 86_400_000;

function svg(tag, attrs = {}) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  return node;
}

const dayOf = (iso) => Math.floor(Date.parse(iso.length === 7 ? `${iso}-01` : iso.length === 4 ? `${iso}-01-01` : iso) / DAY);
const isoOf = (day) => new Date(day * DAY).toISOString().slice(0, 10);

export class Timeline {
  constructor(svgElement, label, { onBrush }) {
    this.svg = svgElement;
    this.label = label;
    this.onBrush = onBrush;
    this.events = [];
    this.range = null;
    this.drag = null;
    this.anchor = null;
    this.svg.addEventListener('pointerdown', (e) => this.start(e));
    this.svg.addEventListener('pointermove', (e) => this.move(e));
    this.svg.addEventListener('pointerup', (e) => this.end(e));
    new ResizeObserver(() => this.draw()).observe(this.svg);
  }

  setEvents(events) {
    this.events = events.filter((e) => e.date);
    this.draw();
  }

  setRange(range) {
    this.range = range;
    this.draw();
  }

  layout() {
    const width = this.svg.clientWidth || 600;
    const height = this.svg.clientHeight || 80;
    const days = this.events.map((e) => dayOf(e.date)).filter(Number.isFinite);
    if (!days.length) return null;
    let first = Math.min(...days);
    let last = Math.max(...days);
    if (this.range) {
      first = Math.min(first, dayOf(this.range.from));
      last = Math.max(last, dayOf(this.range.to));
    }
    first -= 1;
    last += 1;
    const span = last - first + 1;
    const bucket = span > 400 ? 30 : span > 120 ? 7 : 1;
    return { width, height, first, last, bucket, buckets: Math.ceil(span / bucket), pad: 18 };
  }

  xOf(day, l) {
    return ((day - l.first) / (l.buckets * l.bucket)) * l.width;
  }

  dayAt(x, l) {
    return Math.floor(l.first + (x / l.width) * l.buckets * l.bucket);
  }

  draw() {
    this.svg.replaceChildren();
    const l = this.layout();
    this.geometry = l;
    if (!l) return;
    this.label.textContent = `Events per ${l.bucket === 1 ? 'day' : l.bucket === 7 ? 'week' : 'month'}`;
    const stacks = Array.from({ length: l.buckets }, () => new Map());
    for (const e of this.events) {
      const i = Math.floor((dayOf(e.date) - l.first) / l.bucket);
      if (i < 0 || i >= l.buckets) continue;
      stacks[i].set(e.type, (stacks[i].get(e.type) ?? 0) + 1);
    }
    const max = Math.max(1, ...stacks.map((s) => [...s.values()].reduce((a, b) => a + b, 0)));
    const plot = l.height - l.pad;
    const slot = l.width / l.buckets;
    const barWidth = Math.max(1, Math.min(slot - 1, 28));
    stacks.forEach((stack, i) => {
      let y = plot;
      for (const [type, n] of [...stack.entries()].sort()) {
        const h = (n / max) * (plot - 6);
        const rect = svg('rect', { x: i * slot + (slot - barWidth) / 2, y: y - h, width: barWidth, height: h, fill: typeColour(type), class: 'bar' });
        const title = svg('title');
        title.textContent = `${isoOf(l.first + i * l.bucket)}: ${n} × ${type}`;
        rect.append(title);
        this.svg.append(rect);
        y -= h;
      }
    });
    this.svg.append(svg('line', { x1: 0, x2: l.width, y1: plot + 0.5, y2: plot + 0.5, class: 'axis' }));
    const ticks = Math.min(8, Math.max(2, Math.floor(l.width / 120)));
    for (let t = 0; t <= ticks; t += 1) {
      const day = Math.round(l.first + ((l.last - l.first) * t) / ticks);
      const x = this.xOf(day + 0.5, l);
      const text = svg('text', { x: Math.min(Math.max(x, 34), l.width - 34), y: l.height - 4, class: 'tick', 'text-anchor': 'middle' });
      text.textContent = isoOf(day);
      this.svg.append(text);
    }
    const range = this.drag ?? this.range;
    if (range) {
      const x1 = this.xOf(dayOf(range.from), l);
      const x2 = this.xOf(dayOf(range.to) + 1, l);
      this.svg.append(svg('rect', { x: Math.min(x1, x2), y: 0, width: Math.max(2, Math.abs(x2 - x1)), height: plot, class: 'brush' }));
    }
  }

  pointerDay(e) {
    const box = this.svg.getBoundingClientRect();
    return this.dayAt(Math.min(Math.max(e.clientX - box.left, 0), box.width - 1), this.geometry);
  }

  start(e) {
    if (!this.geometry) return;
    this.svg.setPointerCapture?.(e.pointerId);
    this.anchor = this.pointerDay(e);
    this.moved = false;
  }

  move(e) {
    if (this.anchor === null) return;
    const day = this.pointerDay(e);
    if (day !== this.anchor) this.moved = true;
    this.drag = { from: isoOf(Math.min(this.anchor, day)), to: isoOf(Math.max(this.anchor, day)) };
    this.draw();
  }

  end(e) {
    if (this.anchor === null) return;
    const drag = this.drag;
    this.anchor = null;
    this.drag = null;
    this.svg.releasePointerCapture?.(e.pointerId);
    this.onBrush(this.moved && drag ? drag : null);
  }
}
