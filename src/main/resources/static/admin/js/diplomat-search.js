// Choosing diplomats by search: type part of a name (and optionally a country), pick from the answers of
// GET /api/diplomats?q=…&country=….
import { html, nothing } from 'lit-html';
import { get } from './api.js';
import { number, plural } from './format.js';

// a name written in Chinese, Japanese or Korean may be one character long (a Korean surname is one syllable): such a
// character is enough to search by; in other scripts one letter would match most names, two are asked for
// (letters as a reader counts them: an é typed as e and its accent is one)
const CJK = /\p{Script=Han}|\p{Script=Hangul}|\p{Script=Hiragana}|\p{Script=Katakana}/u;
const letters = (q) => [...new Intl.Segmenter().segment(q)].length;
const searchable = (q) => letters(q) >= 2 || (letters(q) === 1 && CJK.test(q));

/**
 * state: {q, results, error, busy, picked, country}; onPick(diplomat); exclude: ids already chosen; chosen: id of what
 * shows the choice (the search's status says who was chosen, for who does not see the page change);
 * errorId: the id of the page's message refusing what was chosen (or not), which the search is then described by;
 * country: the one country searched; countries: else the options ({value, label}) of a select that narrows the search
 * to one (state.country): a name many diplomats share cannot be narrowed by typing more of it.
 */
export function diplomatSearch(state, update, { id, label, country, countries, onPick, exclude = [], signal, chosen,
  errorId }) {
  let timer = null;
  // the country searched: the one given, else the one chosen beside the search, if any
  const within = () => country || state.country || undefined;
  // the country searched as the select names it ("Bolivia (BO)"), else as given
  const countryName = () => (!country && countries?.find((c) => c.value === state.country)?.label) || within();
  async function search(q) {
    state.q = q;
    state.picked = null;
    // the search asked last: an answer to one before it (other text, or another country chosen) counts no more
    const asked = (state.asked || 0) + 1;
    state.asked = asked;
    const stale = () => state.q !== q || state.asked !== asked;
    clearTimeout(timer);
    if (!searchable(q.trim())) {
      state.results = null;
      state.busy = false; // a search under way for what was typed before no longer counts
      update();
      return;
    }
    timer = setTimeout(async () => {
      if (stale()) return; // a diplomat chosen, more typed or another country chosen meanwhile
      state.busy = true;
      update();
      try {
        const answer = await get('/api/diplomats', { q: q.trim(), country: within(), size: 10 }, { signal });
        if (stale()) return; // typed on, or another country chosen, meanwhile: the answer to what is asked now counts
        state.results = answer.content;
        state.total = answer.page.totalElements;
        state.error = null;
      } catch (e) {
        if (e.name === 'AbortError' || stale()) return;
        state.error = e;
      }
      state.busy = false;
      update();
    }, 250);
    if (state.busy) update(); // "Searching for" what is typed now, whose answer counts
  }
  // the button chosen goes with the results: the focus goes back to the search, for another, or to `chosen`, an
  // element the page draws for the diplomat chosen in its place
  function pick(event, diplomat) {
    const field = event.currentTarget.closest('.diplomat-search');
    onPick(diplomat);
    state.picked = diplomat.name;
    state.q = '';
    state.results = null;
    state.busy = false; // a search under way for what was typed is answered to no one
    state.error = null;
    update();
    (chosen ? document.getElementById(chosen) : field?.querySelector('input'))?.focus();
  }
  const results = (state.results || []).filter((d) => !exclude.includes(d.id));
  const chosenAlready = state.results?.length ? state.results.length - results.length : 0;
  return html`<div class="field diplomat-search">
    <label for=${id}>${label}</label>
    <input id=${id} type="search" autocomplete="off" .value=${state.q || ''} placeholder="Type part of a name"
      aria-invalid=${errorId ? 'true' : nothing} aria-describedby="${id}-help${errorId ? ` ${errorId}` : ''}" @input=${(e) => { if (!e.isComposing) search(e.target.value); }}
      @compositionend=${(e) => search(e.target.value)}
      @keydown=${(e) => { if (e.key === 'Enter') e.preventDefault(); }}>
    <small id="${id}-help">${country ? `Diplomats of ${country} only. ` : ''}Results appear below once you have typed two letters, or one character of a Chinese, Japanese or Korean name.${
      !country && countries ? ' A name many share is narrowed by the country chosen below.' : ''}</small>
    ${!country && countries ? html`<label for="${id}-country">Of the country</label>
      <select id="${id}-country" @change=${(e) => { state.country = e.target.value || null; search(state.q || ''); }}>
        <option value="" ?selected=${!state.country}>Any country</option>
        ${countries.map((c) => html`<option value=${c.value} ?selected=${state.country === c.value}>${c.label}</option>`)}
      </select>` : nothing}
    <div role="status" aria-live="polite" class="visually-hidden">${state.busy ? 'Searching…'
      : !state.results ? (state.picked ? `${state.picked} chosen` : '')
      : results.length || !chosenAlready ? `${plural(state.total, 'diplomat')} found` : 'Only diplomats already chosen found'}</div>
    ${state.busy ? html`<p class="searching" id="${id}-searching" aria-busy="true"><small>Searching for
      “${state.q.trim()}”…${state.results ? ' The results below are of what was typed before.' : ''}</small></p>`
      : nothing}
    ${state.error ? html`<p class="field-error">${state.error.words || state.error.message}</p>` : nothing}
    ${state.results ? (results.length ? html`<ul class="search-results" id="${id}-results">${results.map((d) => html`<li>
        <span>${d.name} <small>(${d.country}${d.title ? `, ${d.title}` : ''})</small></span>
        <button type="button" class="outline" data-diplomat=${d.id} @click=${(e) => pick(e, d)}
          aria-label="Choose ${d.name}">Choose</button></li>`)}</ul>
        ${state.total > state.results.length ? html`<p id="${id}-more"><small>The first ${state.results.length} of
          ${number(state.total)} diplomats whose name holds “${state.q.trim()}”${!country && countries && !state.country
            ? ' in any country: type more of the name, or choose their country, to find the others'
            : ': type more of the name to find the others'}.</small></p>`
          : nothing}`
      : chosenAlready
        ? html`<p id="${id}-none"><small>${chosenAlready === 1 ? 'The diplomat found is' : `The ${chosenAlready} diplomats found are`}
          already chosen. ${state.total > state.results.length ? `${number(state.total - state.results.length)} more match “${state.q.trim()}”:
          type more of the name to find them, or ` : ''}<a href="#/diplomats/new">add another</a> if it is someone else.</small></p>`
        : html`<p id="${id}-none"><small>No diplomat matches${within() ? ` in ${countryName()}` : ''}. <a href="#/diplomats/new">Add one</a> first.</small></p>`)
      : nothing}
  </div>`;
}

/**
 * A diplomat to choose by search, or the one chosen: `chosen` (the diplomat, or null) is shown in the element of id
 * `chosenId` as "`what`: name (country)" with "Choose another", which calls onClear and gives the search the focus;
 * the other options are diplomatSearch's.
 */
export function diplomatChoice(state, update, { chosen, chosenId, what, onClear, ...search }) {
  if (!chosen) return diplomatSearch(state, update, { ...search, chosen: chosenId });
  return html`<p id=${chosenId} tabindex="-1">${what}: <strong>${chosen.name}</strong> (${chosen.country})
    <button type="button" class="secondary outline" @click=${() => {
      onClear();
      update();
      document.getElementById(search.id)?.focus();
    }}>Choose another</button></p>`;
}
