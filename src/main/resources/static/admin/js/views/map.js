// The world as one country saw it on a day: every shape coloured by its relation with the chosen country
// (GET /api/relations?country=…&asOf=… as CSV: every pair in one request per step), greyed where the
// country did not exist that day. The slider moves month by month through two centuries; the date field
// picks any day. Clicking a country opens the pair.
import { html, render, nothing } from 'lit-html';
import d3 from 'd3';
import { feature } from 'topojson-client';
import { csv } from '../api.js';
import { countries, existsOn, byName } from '../countries.js';
import { href, navigate, replace, push } from '../router.js';
import { words, plural, today, isIsoDay, fuzzy, RECORDED_UNDER } from '../format.js';
import { readError } from '../forms.js';

const FIRST_YEAR = 1816;
const GEOMETRY = '/admin/vendor/world-atlas/countries-110m.json';
/** The Day field's refusal of what is not a whole day of the calendar (02/29/1900, or a part left out). */
const NO_DAY = Symbol('no day');
/** world-atlas shapes without an ISO numeric id, named by Natural Earth, that Chancery knows by code. */
const UNNUMBERED = { Kosovo: 'XK' };

export const LEGEND = [
  ['SELF', 'The chosen country'],
  ['ESTABLISHED', 'Diplomatic relations established'],
  ['CONSULAR', 'Consular relations only'],
  ['SEVERED', 'Diplomatic relations severed'],
  ['NONE', 'No relations recorded'],
  ['ABSENT', 'Did not exist that day'],
  ['UNTRACKED', 'Not a country in Chancery'],
];

const LEGEND_LABELS = new Map(LEGEND);
/** A pair the day's relation list does not name: no relation. */
const NO_RELATION = { status: 'NONE', since: null, sincePrecision: null, consularStatus: 'NONE' };
/** The pan buttons: what each shows, its symbol, and how far the picture moves (in steps) to show it. */
const PAN = [
  ['Look further west', '←', 1, 0],
  ['Look further north', '↑', 0, 1],
  ['Look further south', '↓', 0, -1],
  ['Look further east', '→', -1, 0],
];

let geometry = null;

/** A dissolved state whose relations the history data records under its continuator's code, where it shows none. */
function recordedUnder(row, country) {
  const under = RECORDED_UNDER[row.code];
  return under && under !== country && row.status === 'NONE'
    ? html` <small class="recorded-under">(recorded under ${under})</small>` : nothing;
}

function loadGeometry() {
  if (!geometry) {
    geometry = d3.json(GEOMETRY).then((world) => feature(world, world.objects.countries).features)
      .catch((e) => {
        geometry = null;
        throw e;
      });
  }
  return geometry;
}

function monthIndex(day) {
  return (Number(day.slice(0, 4)) - FIRST_YEAR) * 12 + Number(day.slice(5, 7)) - 1;
}

function dayOfMonthIndex(index, max, last) {
  if (index >= max) return last;
  const year = FIRST_YEAR + Math.floor(index / 12);
  const month = String((index % 12) + 1).padStart(2, '0');
  return `${year}-${month}-01`;
}

function spoken(day) {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric',
    timeZone: 'UTC' });
}

export default async function mapView({ root, query, signal }) {
  const last = today();
  const maxIndex = monthIndex(last);
  const state = {
    country: (query.country || 'US').toUpperCase(),
    date: isIsoDay(query.asOf) ? query.asOf : last,
    notices: [], // what the address asked for that the map could not show, and what it shows instead
    dayRefused: null, // a day typed in the Day field that the map cannot show (outside 1816 – today)
    sliderEntry: false, // the history entry is the slider's: its next step replaces it
    shown: null, // {country, date, rows: Map}
    loading: false,
    error: null,
    all: null,
    features: null,
    zoomed: false, // closer than the whole world: the pan buttons move the view
  };
  const cache = new Map();
  let inFlight = null;
  let announce = null;

  const key = (country, date) => `${country}|${date}`;

  // A change that follows a key at once (a digit typed into the Day field completes its month, an arrow on the closed
  // Country list moves to the next country) may be a step on the way to the one wanted: it is shown, and entered in
  // the history, after a pause of the keys, or at once on Enter or when the field is left. A change by the mouse or a
  // tap, or chosen from the list or the calendar, is shown at once.
  const KEYS_PAUSE_MS = 600;
  let keyAt = -Infinity;
  let pending = null; // {run, timer}
  const keyed = () => performance.now() - keyAt < 100;

  function afterKeys(run) {
    clearTimeout(pending?.timer);
    pending = { run, timer: setTimeout(settle, KEYS_PAUSE_MS) };
  }

  /** Shows the change waiting for a pause of the keys, if any. */
  function settle() {
    const waiting = pending;
    pending = null;
    if (!waiting) return;
    clearTimeout(waiting.timer);
    waiting.run();
  }

  function dropPending() {
    clearTimeout(pending?.timer);
    pending = null;
  }
  signal.addEventListener('abort', dropPending);

  function onKey(event) {
    keyAt = performance.now();
    if (event.key === 'Enter') settle();
  }

  function statusOf(code, rows, chosen, date) {
    if (!code) return 'UNTRACKED';
    const country = state.all.get(code);
    if (!country) return 'UNTRACKED';
    if (code === chosen) return 'SELF';
    if (!existsOn(country, date)) return 'ABSENT';
    const row = rows.get(code);
    if (!row || row.status === 'NONE') {
      return row && row.consularStatus === 'ESTABLISHED' ? 'CONSULAR' : 'NONE';
    }
    return row.status;
  }

  async function fetchDay(country, date) {
    const rows = await csv('/api/relations', { country, asOf: date }, { signal });
    const byCode = new Map();
    for (const row of rows) {
      const [a, b] = row.countries.split(';');
      const other = a === country ? b : a;
      byCode.set(other, { status: row.status, since: row.since, sincePrecision: row.sincePrecision,
        consularStatus: row.consularStatus });
    }
    return byCode;
  }

  /** One request at a time: while one runs, only the newest wanted day waits; cached days show at once. */
  async function want() {
    const wantedKey = key(state.country, state.date);
    if (cache.has(wantedKey)) {
      state.error = null; // it spoke of another day
      paint(state.country, state.date, cache.get(wantedKey));
      return;
    }
    if (inFlight) return;
    const country = state.country;
    const date = state.date;
    state.loading = true;
    state.error = null; // it spoke of the day asked for before
    update();
    try {
      inFlight = fetchDay(country, date);
      const rows = await inFlight;
      cache.set(key(country, date), rows);
      if (cache.size > 600) cache.delete(cache.keys().next().value);
      state.error = null;
      paint(country, date, rows);
    } catch (e) {
      if (e.name === 'AbortError') return;
      state.error = e;
    } finally {
      inFlight = null;
      state.loading = false;
    }
    if (signal.aborted) return;
    if (key(state.country, state.date) !== key(country, date)) want();
    else update();
  }

  /**
   * A day typed in the Day field: shown if the map can show it; else said at the field, without a request (a year
   * being typed is 0001, then 0019, … before it is 1961).
   */
  function typeDay(value, noDay = false) {
    const inRange = isIsoDay(value) && value >= `${FIRST_YEAR}-01-01` && value <= last;
    // a day the calendar does not have (02/29/1900) leaves the field without a value, as a field cleared does
    state.dayRefused = noDay ? NO_DAY : inRange || !value ? null : value;
    if (inRange && !keyed()) {
      setDate(value);
      return;
    }
    if (inRange) afterKeys(() => setDate(value));
    else dropPending(); // a day on the way to one the map cannot show is not shown either
    update();
  }

  /**
   * Shows a day: each day chosen (typed, or a year button) is a new history entry, which Back leaves; the slider's
   * steps, one after another, make one entry, whose Back returns to the day before the slider moved.
   */
  function setDate(date, { fromSlider = false } = {}) {
    if (!isIsoDay(date)) return;
    dropPending(); // a change waiting for a pause of the keys gives way to one made since
    state.date = date;
    state.dayRefused = null;
    state.notices = []; // they spoke of the address the page was opened with
    (fromSlider && state.sliderEntry ? replace : push)('/map',
      { country: state.country, asOf: date === last ? undefined : date });
    state.sliderEntry = fromSlider;
    update({ fromSlider });
    want();
  }

  function chooseCountry(code) {
    if (keyed()) afterKeys(() => setCountry(code));
    else setCountry(code);
  }

  function setCountry(code) {
    dropPending();
    state.country = code;
    state.notices = [];
    state.sliderEntry = false;
    push('/map', { country: code, asOf: state.date === last ? undefined : state.date });
    update();
    want();
  }

  /**
   * The day some years earlier or later, as far as the map goes: from 1816-01-01 to today. At either end the
   * buttons that go further are marked disabled but keep the focus (a disabled button would drop it).
   */
  function shift(years) {
    if (years < 0 ? state.date <= `${FIRST_YEAR}-01-01` : state.date >= last) return;
    const year = Number(state.date.slice(0, 4)) + years;
    let next = `${Math.max(year, FIRST_YEAR)}${state.date.slice(4)}`;
    if (next.endsWith('02-29') && !isIsoDay(next)) next = `${next.slice(0, 4)}-02-28`;
    if (year < FIRST_YEAR) next = `${FIRST_YEAR}-01-01`;
    setDate(next > last ? last : next);
  }

  // --- the picture (d3) ---
  let svg = null;
  let shapes = null;
  let zoom = null;

  // a zoom button's change is animated, unless the reader asked for less motion; none before the map is drawn
  const moved = () => (window.matchMedia('(prefers-reduced-motion: reduce)').matches ? svg : svg.transition());
  const zoomed = (change) => { if (svg) moved().call(...change()); };

  /**
   * Moves the view a step (an eighth of the map's width or height on the screen) in a direction, at once: steps
   * pressed in quick succession add up.
   */
  function pan(dx, dy) {
    const { k } = d3.zoomTransform(svg.node());
    svg.call(zoom.translateBy, (dx * 120) / k, (dy * 62) / k);
  }

  function drawMap(container) {
    const width = 960;
    const height = 500;
    const projection = d3.geoNaturalEarth1().fitExtent([[4, 4], [width - 4, height - 4]], { type: 'Sphere' });
    const path = d3.geoPath(projection);
    svg = d3.select(container).append('svg')
      .attr('viewBox', `0 0 ${width} ${height}`)
      .attr('role', 'img')
      .attr('aria-labelledby', 'map-caption')
      .attr('id', 'world-map');
    // "did not exist that day" hatched as its legend swatch is, so that it differs from "not a country in Chancery"
    svg.append('defs').append('pattern').attr('id', 'absent-hatch').attr('patternUnits', 'userSpaceOnUse')
      .attr('width', 4).attr('height', 4).attr('patternTransform', 'rotate(45)')
      .call((pattern) => {
        pattern.append('rect').attr('width', 4).attr('height', 4).attr('fill', '#f3f3f3');
        pattern.append('rect').attr('width', 1).attr('height', 4).attr('fill', '#c8c8c8');
      });
    const layer = svg.append('g').attr('class', 'layer');
    layer.append('path').attr('class', 'sphere').attr('d', path({ type: 'Sphere' }));
    // a numeric code given to two countries (a historical state added with today's code) draws the one of today
    const numeric = new Map([...state.all.values()].filter((c) => c.numeric)
      .sort((x, y) => Number(!x.former) - Number(!y.former)).map((c) => [c.numeric, c.code]));
    shapes = layer.append('g').attr('class', 'countries').selectAll('path')
      .data(state.features)
      .join('path')
      .attr('class', 'country')
      .attr('d', path)
      .attr('data-code', (f) => (f.id !== undefined ? numeric.get(f.id) : UNNUMBERED[f.properties.name]) || null)
      .attr('data-name', (f) => f.properties.name)
      .on('click', (event, f) => {
        // a country that did not exist that day has no relation to open (nor a row in the table)
        const code = event.currentTarget.getAttribute('data-code');
        if (event.currentTarget.classList.contains('clickable')) {
          navigate(`/relations/${state.shown?.country || state.country}/${code}`, pairQuery());
        }
      });
    shapes.append('title');
    zoom = d3.zoom().scaleExtent([1, 8]).translateExtent([[0, 0], [width, height]])
      // the wheel zooms with Ctrl (⌘), as a touchpad's pinch sends it: without, it scrolls the page, which the map
      // would otherwise take over where it fills most of the window (a phone, 200% zoom)
      .filter((event) => (event.type === 'wheel' ? event.ctrlKey || event.metaKey : !event.ctrlKey) && !event.button)
      // d3 takes a wheel with Ctrl ten times as far (a pinch's small steps): a mouse's notch (100) would zoom 4 ×
      .wheelDelta((event) => -event.deltaY * (event.deltaMode === 1 ? 0.05 : event.deltaMode ? 1 : 0.002)
        * (event.ctrlKey && Math.abs(event.deltaY) < 50 ? 10 : 1))
      .on('zoom', (event) => {
        layer.attr('transform', event.transform);
        // the whole world fills the picture: nothing to move to until zoomed in (the pan buttons say so)
        const zoomed = event.transform.k > 1;
        if (zoomed !== state.zoomed) {
          state.zoomed = zoomed;
          update();
        }
      });
    svg.call(zoom).on('dblclick.zoom', null);
  }

  function paint(country, date, rows) {
    state.shown = { country, date, rows };
    if (!shapes) return;
    shapes.each(function colour(f) {
      const code = this.getAttribute('data-code');
      const status = statusOf(code, rows, country, date);
      this.setAttribute('data-status', status);
      const row = rows.get(code);
      const name = code ? state.all.get(code)?.name || f.properties.name : f.properties.name;
      let title = `${name}: ${words(status === 'CONSULAR' ? 'NONE' : status)}`;
      if (status === 'SELF') title = `${name}: the chosen country`;
      else if (status === 'ABSENT') title = `${name}: did not exist on ${date}`;
      else if (status === 'UNTRACKED') title = `${f.properties.name}: not a country in Chancery`;
      else if (row?.since) title += ` since ${fuzzy(row.since, row.sincePrecision)}`;
      if (status === 'CONSULAR') title += ' (consular relations only)';
      this.firstChild.textContent = title;
      this.classList.toggle('clickable', Boolean(code) && code !== country && status !== 'ABSENT');
    });
    update();
    clearTimeout(announce);
    announce = setTimeout(() => {
      const live = root.querySelector('#map-announce');
      if (live) live.textContent = caption();
    }, 700);
  }

  /**
   * The legend's counts: countries, as the caption and the table count them — each shape's once (whatever its number
   * of shapes) and those without a shape (`missing`) too; a shape Chancery does not know counts as one.
   */
  function counts(missing) {
    const result = Object.fromEntries(LEGEND.map(([k]) => [k, 0]));
    const counted = new Set();
    if (shapes) {
      shapes.each(function count() {
        const code = this.getAttribute('data-code');
        if (code && counted.has(code)) return;
        if (code) counted.add(code);
        result[this.getAttribute('data-status')] += 1;
      });
    }
    missing.forEach((r) => { result[r.shown] += 1; });
    return result;
  }

  function caption() {
    if (!state.shown) return state.error ? 'The map could not be drawn: the message above says why.' : 'Loading the map…';
    const { country, date, rows } = state.shown;
    const name = state.all.get(country)?.name || country;
    const established = [...rows.values()].filter((r) => r.status === 'ESTABLISHED').length;
    const severed = [...rows.values()].filter((r) => r.status === 'SEVERED').length;
    return `Relations of ${name} on ${spoken(date)}: diplomatic relations with ${plural(established, 'country', 'countries')}, `
      + `severed with ${severed}.`;
  }

  /** What the caption adds while the map shows another day or country than the one asked for. */
  function stale() {
    if (!state.shown || key(state.shown.country, state.shown.date) === key(state.country, state.date)) return nothing;
    if (!state.error) return ' (loading the newer day…)';
    return html` (${spoken(state.date)} could not be read: the message above says why.)
      <button type="button" class="outline secondary" id="map-retry" @click=${() => {
        root.querySelector('#map-caption')?.focus(); // the button goes: the caption says what comes
        want();
      }}>Try again</button>`;
  }

  /** The relation page of a pair as of the day shown; the map of today opens the pair of today (no asOf). */
  function pairQuery() {
    return state.shown && state.shown.date !== last ? { asOf: state.shown.date } : {};
  }

  /**
   * Countries that existed that day but have no shape on today's map (dissolved and historical states, small ones),
   * with or without relations.
   */
  function withoutShape() {
    if (!state.shown || !shapes) return [];
    const onMap = new Set();
    shapes.each(function collect() { onMap.add(this.getAttribute('data-code')); });
    const { country, date, rows } = state.shown;
    if (!existsOn(state.all.get(country), date)) return []; // no pair of a country that did not exist that day
    return [...state.all.values()]
      .filter((c) => !onMap.has(c.code) && c.code !== country && existsOn(c, date))
      .map((c) => ({ code: c.code, name: c.name, ...(rows.get(c.code) || NO_RELATION),
        shown: statusOf(c.code, rows, country, date) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }

  /**
   * The map as a table: every other country that existed that day, as the map colours it — those without relations
   * too, which a mouse can click on the map and a keyboard reaches here.
   */
  function tableRows() {
    if (!state.shown) return [];
    const { country, date, rows } = state.shown;
    const self = state.all.get(country);
    if (self && !existsOn(self, date)) return []; // no pair of a country that did not exist that day
    return [...state.all.values()]
      .filter((c) => c.code !== country && statusOf(c.code, rows, country, date) !== 'ABSENT')
      .map((c) => ({ code: c.code, name: c.name, ...(rows.get(c.code) || NO_RELATION) }))
      .sort((a, b) => a.name.localeCompare(b.name, 'en'));
  }

  function update({ fromSlider = false } = {}) {
    if (signal.aborted) return;
    const chosen = state.all?.get(state.country);
    const sliderValue = Math.min(monthIndex(state.date), maxIndex);
    const missing = withoutShape();
    const shownCounts = counts(missing);
    const table = tableRows();
    render(html`
      <h1>The world as seen from <bdi>${chosen ? chosen.name : state.country}</bdi></h1>
      <form class="map-controls" @submit=${(e) => e.preventDefault()} aria-label="Country and day">
        <div class="map-fields">
          <div class="field map-country">
            <label for="map-country">Country</label>
            <select id="map-country" name="country" title=${chosen ? chosen.name : nothing}
                @keydown=${onKey} @blur=${settle}
                @change=${(e) => chooseCountry(e.target.value)}>
              ${state.all ? byName(state.all).map((c) => html`<option value=${c.code}
                  ?selected=${c.code === state.country}>${c.name}${c.former ? ' (former)' : ''}</option>`) : nothing}
            </select>
          </div>
          <div class="field map-day">
            <label for="map-date">Day</label>
            <input id="map-date" name="asOf" type="date" min="${FIRST_YEAR}-01-01" max=${last} .value=${state.date}
              aria-invalid=${state.dayRefused ? 'true' : nothing} aria-describedby=${state.dayRefused ? 'map-date-help' : nothing}
              @keydown=${onKey} @blur=${settle} @change=${(e) => typeDay(e.target.value, e.target.validity.badInput)}>
            <small id="map-date-help" aria-live="polite">${state.dayRefused ? `${state.dayRefused === NO_DAY
              ? 'That is not a whole day of the calendar' : `The map shows ${FIRST_YEAR}-01-01 to today (${last})`}; it `
              + `still shows ${state.date}.` : nothing}</small>
          </div>
          <div class="field year-buttons" role="group" aria-label="Move the day">
            <button type="button" class="outline secondary" @click=${() => shift(-10)} data-years="-10"
              aria-label="−10 y: ten years earlier"
              aria-disabled=${state.date <= `${FIRST_YEAR}-01-01` ? 'true' : 'false'}>−10 y</button>
            <button type="button" class="outline secondary" @click=${() => shift(-1)} data-years="-1"
              aria-label="−1 y: one year earlier"
              aria-disabled=${state.date <= `${FIRST_YEAR}-01-01` ? 'true' : 'false'}>−1 y</button>
            <button type="button" class="outline secondary" @click=${() => shift(1)} data-years="1"
              aria-label="+1 y: one year later"
              aria-disabled=${state.date >= last ? 'true' : 'false'}>+1 y</button>
            <button type="button" class="outline secondary" @click=${() => shift(10)} data-years="10"
              aria-label="+10 y: ten years later"
              aria-disabled=${state.date >= last ? 'true' : 'false'}>+10 y</button>
          </div>
        </div>
        <label for="map-slider">Drag through time: <output id="map-slider-value" for="map-slider" aria-live="off">${state.date}</output></label>
        <input id="map-slider" type="range" min="0" max=${maxIndex} step="1" .value=${String(sliderValue)}
          aria-valuetext=${spoken(state.date)}
          @input=${(e) => setDate(dayOfMonthIndex(Number(e.target.value), maxIndex, last), { fromSlider: true })}>
        <div class="slider-scale" aria-hidden="true">${[FIRST_YEAR, 1900, 1950, Number(last.slice(0, 4))]
          .map((year) => html`<span data-month=${monthIndex(`${year}-01-01`)}>${year}</span>`)}</div>
      </form>
      ${readError(state.error)}
      ${state.notices.map((notice) => html`<p class="notice" role="status">${notice}</p>`)}
      ${chosen && !existsOn(chosen, state.date) ? html`<p class="notice">${chosen.name} did not exist on ${state.date}
        (it existed ${chosen.startedOn || '…'} – ${chosen.endedOn || '…'}): it had no relations that day.</p>` : nothing}
      <figure class="map" data-shown-country=${state.shown?.country || nothing} data-shown-date=${state.shown?.date || nothing}
          aria-busy=${state.loading ? 'true' : 'false'}>
        <div id="map-picture"></div>
        <div class="zoom-buttons" role="group" aria-label="Zoom the map">
          <button type="button" class="outline secondary" ?disabled=${!svg} @click=${() => zoomed(() => [zoom.scaleBy, 1.6])}>Zoom in</button>
          <button type="button" class="outline secondary" ?disabled=${!svg} @click=${() => zoomed(() => [zoom.scaleBy, 1 / 1.6])}>Zoom out</button>
          <button type="button" class="outline secondary" ?disabled=${!svg}
            @click=${() => zoomed(() => [zoom.transform, d3.zoomIdentity])}>Whole world</button>
        </div>
        <div class="pan-buttons" role="group" aria-label=${state.zoomed ? 'Move the map' : 'Move the map (zoom in first)'}>
          ${PAN.map(([label, symbol, dx, dy]) => html`<button type="button" class="outline secondary" aria-label=${label}
            title=${label} aria-disabled=${state.zoomed ? 'false' : 'true'}
            @click=${() => { if (state.zoomed) pan(dx, dy); }}>${symbol}</button>`)}
        </div>
        <figcaption>
          <p id="map-caption" tabindex="-1">${caption()}${stale()}</p>
          <ul class="legend" aria-label="Legend">
            ${LEGEND.map(([status, label]) => html`<li><span class="swatch" data-status=${status}></span>${label}
              <span class="count" data-legend=${status}>(${shownCounts[status]})</span></li>`)}
          </ul>
          <p><small>Click a country to open its relation with <bdi>${chosen ? chosen.name : state.country}</bdi>; drag, Ctrl (⌘) and the wheel, a pinch, or the zoom and arrow buttons look closer. By keyboard, every country of the day is in “The same day
            as a table” below the map.</small></p>
        </figcaption>
      </figure>
      <p id="map-announce" class="visually-hidden" aria-live="polite"></p>
      ${missing.length ? html`<section aria-labelledby="no-shape-title">
        <h2 id="no-shape-title">Also that day, without a shape on today's map</h2>
        <ul class="no-shape">${missing.map((r) => html`<li data-code=${r.code} data-status=${r.shown}>
          <a href=${href(`/relations/${state.shown.country}/${r.code}`, pairQuery())}><bdi>${r.name}</bdi></a>:
          ${LEGEND_LABELS.get(r.shown)}${r.since && r.status !== 'NONE' ? html` since ${fuzzy(r.since, r.sincePrecision)}` : nothing}${
            recordedUnder(r, state.shown.country)}</li>`)}</ul>
      </section>` : nothing}
      <details class="relations-table">
        <summary>The same day as a table (${plural(table.length, 'country', 'countries')})</summary>
        <p><small>${state.shown && chosen && !existsOn(chosen, state.shown.date) ? `${chosen.name} did not exist on
          ${state.shown.date}: it had no relations to list.` : 'Every country that existed that day, with or without '
          + 'relations; those that did not are left out.'}
          ${state.shown && RECORDED_UNDER[state.shown.country] ? html`The history data records the relations of
            ${chosen ? chosen.name : state.shown.country} under ${RECORDED_UNDER[state.shown.country]}, whose COW state
            it is: <a id="map-recorded-under" href=${href('/map', { country: RECORDED_UNDER[state.shown.country],
              asOf: state.shown.date })}>its map</a>.` : nothing}
          ${state.shown ? html`The pairs recorded by that day, to filter or download as CSV:
            <a id="map-day-list" href=${href('/relations', { country: state.shown.country, asOf: state.shown.date })}>the
            relation list of ${state.shown.country} on ${state.shown.date}</a>.` : nothing}</small></p>
        <div class="table-wrap" tabindex="0" role="region" aria-label="The same day as a table"><table>
          <caption class="visually-hidden">${caption()}</caption>
          <thead><tr><th scope="col">Country</th><th scope="col">Diplomatic</th><th scope="col">Since</th><th scope="col">Consular</th></tr></thead>
          <tbody>${table.map((r) => html`<tr data-code=${r.code}>
            <th scope="row"><a href=${href(`/relations/${state.shown.country}/${r.code}`, pairQuery())}><bdi>${r.name}</bdi></a></th>
            <td>${words(r.status)}${recordedUnder(r, state.shown.country)}</td><td class="date">${fuzzy(r.since, r.sincePrecision)}</td><td>${words(r.consularStatus)}</td></tr>`)}</tbody>
        </table></div>
      </details>`, root);
    // each year under the slider where the thumb stands on its January (the slider is linear in months)
    root.querySelectorAll('.slider-scale [data-month]').forEach((label) => {
      label.style.setProperty('--at', String(Number(label.dataset.month) / maxIndex));
    });
    if (!fromSlider) {
      const slider = root.querySelector('#map-slider');
      if (slider && slider.value !== String(sliderValue)) slider.value = String(sliderValue);
    }
  }

  update();
  try {
    [state.all, state.features] = await Promise.all([countries(), loadGeometry()]);
  } catch (e) {
    state.error = e;
    update();
    return;
  }
  if (signal.aborted) return;
  // an address typed or kept from elsewhere: say what cannot be shown rather than silently show another map
  if (query.asOf && !isIsoDay(query.asOf)) {
    state.notices.push(`“${query.asOf}” is not a day (YYYY-MM-DD): the map shows today.`);
  } else if (state.date > last || state.date < `${FIRST_YEAR}-01-01`) {
    state.notices.push(`The map shows ${FIRST_YEAR}-01-01 to today; ${state.date} is outside, so it shows `
      + `${state.date > last ? 'today' : `${FIRST_YEAR}-01-01`}.`);
    state.date = state.date > last ? last : `${FIRST_YEAR}-01-01`;
  }
  if (!state.all.has(state.country)) {
    const byAlpha3 = [...state.all.values()].find((c) => c.alpha3 === state.country);
    if (!byAlpha3) state.notices.push(`No country has the code “${state.country}”: the map shows the United States.`);
    state.country = byAlpha3 ? byAlpha3.code : 'US';
  }
  if (state.notices.length) {
    replace('/map', { country: state.country, asOf: state.date === last ? undefined : state.date });
  }
  update();
  drawMap(root.querySelector('#map-picture'));
  update(); // the zoom buttons work from now on
  await want();
}
