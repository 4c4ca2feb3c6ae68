// Observations (#/observations?country=US&direction=SENDING&level=AMBASSADOR): what data sets such as the
// Correlates of War Diplomatic Exchange observed every five years — not facts, never checked against the
// rules. Above the list, the counts per observed year and level (GET /api/observations/summary, for the
// filters' country, direction and data set) as stacked bars with their table; a bar lists its year.
import { html, svg, nothing } from 'lit-html';
import { get } from '../api.js';
import { countries } from '../countries.js';
import { listPage } from '../list.js';
import { href } from '../router.js';
import { words, OBSERVATION_LEVELS } from '../format.js';
import { readError } from '../forms.js';

/** The levels drawn, most representation first (NONE is counted in the table, not drawn: it is no mission). */
const DRAWN = ['AMBASSADOR', 'ENVOY', 'CHARGE_D_AFFAIRES', 'OTHER'];
const DIRECTIONS = [{ value: 'SENDING', label: 'Sending: how it was represented abroad' },
  { value: 'RECEIVING', label: 'Receiving: who was represented in it' }];

export default async function observationsView(context) {
  const { query, signal } = context;
  const summary = { rows: null, error: null };
  let list = null;
  const known = await countries();
  const code = query.country?.toUpperCase();
  const country = code ? (known.get(code) || [...known.values()].find((c) => c.alpha3 === code))?.name || query.country
    : null;

  const filters = { country: query.country, direction: query.direction, dataset: query.dataset };
  const loading = get('/api/observations/summary', filters, { signal }).then((rows) => {
    summary.rows = rows;
  }).catch((e) => {
    if (e.name !== 'AbortError') summary.error = e;
  });

  function whose() {
    if (!country) return 'Every observation';
    if (query.direction === 'SENDING') return `How ${country} was represented abroad`;
    if (query.direction === 'RECEIVING') return `Who was represented in ${country}`;
    return `Observations of ${country}, both sides`;
  }

  /** Gridlines at whole counts evenly apart (1, 2 or 5 times a power of ten), from 0: two to six of them. */
  function ticksUpTo(max) {
    const rough = max / 5;
    const power = 10 ** Math.floor(Math.log10(Math.max(rough, 1)));
    const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= rough);
    return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => i * step);
  }

  function chart(rows) {
    // as wide as the page it is drawn on (320 to 760 units), drawn again when the page's width changes: its text keeps
    // about the page's size on a phone, and grows with a zoom, instead of shrinking with the picture
    const width = Math.round(Math.min(760, Math.max(320, document.querySelector('main')?.clientWidth || 760)));
    const height = 240;
    const left = 44;
    const bottom = 24;
    const top = 8;
    const totals = rows.map((r) => DRAWN.reduce((sum, level) => sum + (r.counts[level] || 0), 0));
    const max = Math.max(1, ...totals);
    const step = (width - left) / rows.length;
    const y = (count) => top + (height - top - bottom) * (1 - count / max);
    const every = Math.ceil(rows.length / Math.max(4, Math.floor(width / 64)));
    return html`<figure class="observation-chart">
      <svg viewBox="0 0 ${width} ${height}" role="group" aria-labelledby="observation-chart-title">
        <title id="observation-chart-title">${whose()}: observations per year by level, stacked (the table below
          gives the numbers)</title>
        ${ticksUpTo(max).map((tick) => svg`<g class="axis"><line x1=${left} x2=${width} y1=${y(tick)} y2=${y(tick)}></line>
          <text x=${left - 6} y=${y(tick) + 4} text-anchor="end">${tick}</text></g>`)}
        ${rows.map((r, i) => {
          let base = 0;
          return svg`<a href=${href('/observations', { ...filters, level: query.level, year: r.year })} class="year" data-year=${r.year}
              aria-label="${r.year}: ${DRAWN.map((level) => `${r.counts[level] || 0} ${words(level)}`).join(', ')}">
            ${DRAWN.map((level) => {
              const count = r.counts[level] || 0;
              const bar = svg`<rect x=${left + i * step + 1} width=${Math.max(step - 2, 1)} y=${y(base + count)}
                height=${y(base) - y(base + count)} data-level=${level}></rect>`;
              base += count;
              return bar;
            })}
            ${i % every === 0 ? svg`<text class="axis" x=${left + i * step + step / 2} y=${height - 6}
              text-anchor="middle">${r.year}</text>` : nothing}</a>`;
        })}
      </svg>
      <figcaption><ul class="legend">${DRAWN.map((level) => html`<li><span class="swatch" data-level=${level}></span>
        ${words(level)}</li>`)}<li>Choose a bar to list its year.</li></ul></figcaption>
    </figure>`;
  }

  function summarySection() {
    // a filter refused is said once, by the list below, which asks with the same filters
    if (summary.error) return summary.error.status === 400 ? nothing : readError(summary.error);
    if (!summary.rows) return html`<p aria-busy="true">Counting…</p>`;
    if (!summary.rows.length) {
      return html`<p id="no-observations">No observations${country ? ` of ${country}` : ''}${query.dataset
        ? ` in the data set “${query.dataset}”` : ''}. Observations come from the data sets an admin imports on the
        <a href=${href('/imports')}>Imports</a> page: the Correlates of War Diplomatic Exchange file as
        <code>cow-diplomatic-exchange</code>.</p>`;
    }
    return html`<section aria-labelledby="observation-summary-title">
      <h2 id="observation-summary-title">${whose()}, year by year</h2>
      ${chart(summary.rows)}
      <details><summary>The counts as a table</summary><div class="table-wrap" tabindex="0" role="region" aria-label="The counts as a table"><table id="observation-counts"><caption class="visually-hidden">The counts as a table</caption>
        <thead><tr><th scope="col">Year</th>${OBSERVATION_LEVELS.map((level) => html`<th scope="col">${words(level)}</th>`)}</tr></thead>
        <tbody>${summary.rows.map((r) => html`<tr data-year=${r.year}><th scope="row">${r.year}</th>
          ${OBSERVATION_LEVELS.map((level) => html`<td data-level=${level}>${r.counts[level] || 0}</td>`)}</tr>`)}</tbody>
      </table></div></details>
    </section>`;
  }

  const pair = (o) => `/relations/${o.sendingCountry}/${o.receivingCountry}`;
  list = await listPage(context, {
    title: 'Observations',
    intro: html`What data sets observed, not recorded facts: the Correlates of War Diplomatic Exchange data set codes,
      in 38 years from 1817 to 2005 (1899 and 1904, say; every five years since 1950), the rank of the head of each
      side's mission in the other. Never checked
      against the rules, never turned into events.`,
    path: '/observations',
    endpoint: '/api/observations',
    filters: [
      { name: 'country', label: 'Country (code)', placeholder: 'US' },
      { name: 'direction', label: 'Side', any: 'Either side', options: DIRECTIONS },
      { name: 'year', label: 'Year', type: 'number', placeholder: '1970' },
      { name: 'level', label: 'Level', options: OBSERVATION_LEVELS },
      { name: 'dataset', label: 'Data set', placeholder: 'COW-DE 2006.1' },
    ],
    // below the filters that choose whose counts it draws: a keyboard reaches them before the chart's bars
    afterFilters: summarySection,
    head: html`<th scope="col">Year</th><th scope="col">Sending</th><th scope="col">Receiving</th><th scope="col">Level</th>
      <th scope="col">Code</th><th scope="col">Data set</th>`,
    row: (o) => html`<tr data-observation=${o.id}>
      <td>${o.year}</td>
      <td><a href=${href(pair(o))}>${o.sendingCountry}</a></td><td><a href=${href(pair(o))}>${o.receivingCountry}</a></td>
      <td><span class="badge" data-level=${o.level}>${words(o.level)}</span></td><td>${o.rawCode}</td><td>${o.dataset}</td></tr>`,
  });
  // the counts are drawn when both answers are in, whichever came first
  await loading;
  list.update();
  // and again as wide as the page when it changes (a phone turned, a zoom): once the resizing pauses
  let resized = null;
  window.addEventListener('resize', () => {
    clearTimeout(resized);
    resized = setTimeout(() => { if (!context.signal.aborted) list.update(); }, 150);
  }, { signal: context.signal });
}
