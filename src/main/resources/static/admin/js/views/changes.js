// The change feed (#/changes?after=0&kind=mission&country=CU): who recorded what and when, oldest first (EDITOR).
import { html, render, nothing } from 'lit-html';
import { get } from '../api.js';
import { currentUser, onSignInOrOut } from '../auth.js';
import { href, navigate } from '../router.js';
import { words, instant } from '../format.js';
import { readError, signInNeeded } from '../forms.js';
import { csvDownload } from '../download.js';

const KINDS = ['event', 'mission', 'head', 'accreditation', 'meeting', 'diplomat', 'milestone', 'country', 'import'];
const SIZE = 100;

/** The page of a change's fact: its own, or its pair's for the facts shown there (a head with its mission). */
function link(change) {
  if (change.action === 'DELETED') return null;
  if (change.kind === 'mission') return href(`/missions/${change.id}`);
  if (change.kind === 'meeting') return href(`/meetings/${change.id}`);
  if (change.kind === 'diplomat') return href(`/diplomats/${change.id}`);
  if (change.kind === 'import') return href(`/imports/${change.id}`);
  if ((change.kind === 'event' || change.kind === 'accreditation' || change.kind === 'milestone' || change.kind === 'head')
    && change.countries?.length === 2) return href(`/relations/${change.countries[0]}/${change.countries[1]}`);
  return null;
}

const countWords = (n) => (n === 1 ? '1 change' : `${n} changes`);

export default async function changesView({ root, query, signal }) {
  const afterGiven = /^\d+$/.test(query.after ?? '');
  const after = afterGiven ? Number(query.after) : 0;
  const kind = KINDS.includes(query.kind) ? query.kind : undefined;
  // a country's changes: of the facts it is party to (the API says at the field if it knows no such country)
  const country = query.country?.trim() || undefined;
  // the newest changes (what a colleague just recorded): the feed's last page, found by its count
  const latest = query.latest === 'true' && !afterGiven;
  // what the address asked for that the page cannot show, and what it shows instead
  const notices = [];
  if (query.after && !afterGiven) {
    notices.push(`“${query.after}” is not a change number: the feed is shown from the first change.`);
  }
  if (query.kind && !kind) notices.push(`“${query.kind}” is not a kind of change: changes of every kind are shown.`);
  const state = { data: null, error: null, download: { busy: false, error: null } };

  /** What the API said of the country asked for, if it refused it. */
  function countryRefused() {
    return state.error?.status === 400 ? state.error.errors.find((e) => e.field === 'country')?.message : undefined;
  }

  function update() {
    if (signal.aborted) return;
    const rows = state.data?.content || [];
    const last = rows.length ? rows[rows.length - 1].seq : null;
    render(html`
      <h1 aria-describedby=${state.data ? 'changes-count' : nothing}>Changes</h1>
      <p>Every successful write, an import's included, once, in the order it was committed. Reading it needs the EDITOR role.</p>
      <form class="filters" role="search" aria-label="Filter changes" @submit=${(e) => {
        e.preventDefault();
        const data = new FormData(e.target);
        navigate('/changes', { after: data.get('after') || undefined, kind: data.get('kind') || undefined,
          country: data.get('country')?.trim() || undefined });
      }}>
        <div class="field"><label for="changes-after">After change number</label>
          <input id="changes-after" name="after" type="number" min="0" value=${after || ''}></div>
        <div class="field"><label for="changes-kind">Kind</label>
          <select id="changes-kind" name="kind"><option value="" ?selected=${!kind}>(any)</option>
            ${KINDS.map((k) => html`<option value=${k} ?selected=${k === kind}>${k}</option>`)}</select></div>
        <div class="field"><label for="changes-country">Country (code)</label>
          <input id="changes-country" name="country" placeholder="CU" value=${country || ''}
            aria-invalid=${countryRefused() ? 'true' : nothing}
            aria-describedby=${countryRefused() ? 'changes-country-error' : nothing}>
          ${countryRefused() ? html`<small id="changes-country-error" class="field-error">“${country}”
            ${countryRefused()}</small>` : nothing}</div>
        <button type="submit">Show</button>
      </form>
      ${notices.map((notice) => html`<p class="notice" role="status">${notice}</p>`)}
      ${!currentUser() ? signInNeeded('changes-sign-in', 'the change feed') : nothing}
      ${readError(state.error)}
      ${state.data ? html`<p id="changes-count" role="status">${countWords(state.data.page.totalElements)}${after
        ? ` after #${after}` : ''}${rows.length ? `; #${rows[0].seq} to #${last} shown` : ''}.</p>` : nothing}
      ${state.data ? (rows.length ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Changes"><table id="changes-table"><caption class="visually-hidden">Changes</caption>
        <thead><tr><th scope="col" class="num">#</th><th scope="col">When</th><th scope="col">Who</th><th scope="col">What</th>
          <th scope="col">Kind</th><th scope="col">Id</th><th scope="col">Countries</th></tr></thead>
        <tbody>${rows.map((c) => {
          const to = link(c);
          return html`<tr><td class="num">${c.seq}</td><td class="instant">${instant(c.at)}</td><td>${c.user}</td><td>${words(c.action)}</td>
            <td>${c.kind}</td><td>${to ? html`<a href=${to} aria-label="${c.kind} ${c.id}">${c.id}</a>` : c.id}</td><td>${(c.countries || []).join(', ')}</td></tr>`;
        })}</tbody></table></div>
        <nav class="paging" aria-label="More changes">
          ${after || latest ? html`<a href=${href('/changes', { kind, country })}>From the first</a>` : nothing}
          ${latest ? nothing : html`<a href=${href('/changes', { kind, country, latest: 'true' })} id="changes-latest">Latest
            changes</a>`}
          ${rows.length === SIZE && !latest
            ? html`<a href=${href('/changes', { after: last, kind, country })} rel="next">Later changes →</a>`
            : html`<span>No later change (yet)${latest && last !== null ? html`: <a href=${href('/changes',
              { after: last, kind, country })}>look again after #${last}</a>` : nothing}.</span>`}
        </nav>
        ${csvDownload(state.download, update, { id: 'changes-csv', path: '/api/changes', query: { after: after || undefined, kind, country },
          fallbackName: 'changes.csv' })}` : html`<p>No change after #${after}.</p>`) : (state.error || !currentUser() ? nothing : html`<p aria-busy="true">Loading…</p>`)}
    `, root);
  }

  let loads = 0;

  /** Reads the page of changes; an answer to a load before a newer one (signed in or out meanwhile) changes nothing. */
  async function load() {
    loads += 1;
    const mine = loads;
    state.data = null;
    state.error = null;
    if (!currentUser()) {
      update();
      return;
    }
    try {
      let page;
      if (latest) {
        const count = await get('/api/changes', { size: 1, kind, country }, { signal });
        page = Math.max(0, Math.ceil(count.page.totalElements / SIZE) - 1) || undefined;
      }
      const data = await get('/api/changes', { after, size: SIZE, kind, country, page }, { signal });
      if (mine !== loads) return;
      state.data = data;
      state.error = null;
    } catch (e) {
      if (e.name === 'AbortError' || mine !== loads) return;
      state.error = e;
    }
    update();
  }

  update();
  await load();
  onSignInOrOut(signal, () => load());
}
