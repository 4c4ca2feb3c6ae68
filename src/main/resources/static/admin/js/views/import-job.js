// One import job (#/imports/4): a progress bar that follows the job to its end, the count of each outcome,
// then the per-row report (the rejected rows first: each names the rule it broke). An administrator may cancel a
// running job here: it stops between two rows, and what it imported stays.
import { html, render, nothing } from 'lit-html';
import { get, post } from '../api.js';
import { currentUser, onSignInOrOut } from '../auth.js';
import { href, navigate } from '../router.js';
import { words, instant, number, pageOf, someRejected, jobStatus } from '../format.js';
import { readError, rowProblem, replacing, signInNeeded, escapeKeeps } from '../forms.js';
import { csvDownload } from '../download.js';

const OUTCOMES = ['IMPORTED', 'MERGED', 'ALREADY_PRESENT', 'NO_FACT', 'REJECTED'];

/** The flags a row may carry, as the API names them (ImportFlags): the report can be read by one of them. */
const FLAGS = ['APPROXIMATE_DATE', 'CENSORED_START', 'COUNTRY_GOES_ON', 'DIFFERS_FROM_RECORDED', 'GAP',
  'INFERRED_CONSULAR_RELATIONS', 'INFERRED_ESTABLISHMENT', 'INFERRED_RESTORATION', 'INFERRED_SEVERANCE',
  'NEEDS_PROTECTING_POWER', 'PROTECTING_POWER_RELATIONS', 'RELATIONS_NOT_INTERRUPTED', 'STATE_ENDED', 'STATE_NOT_READ'];

/** The facts shown on their pair's page: an event, a head with its mission, an accreditation, a milestone, an
 * observation. */
const PAIR_KINDS = ['event', 'head', 'accreditation', 'milestone', 'observation'];

/**
 * The page of a fact a row recorded or found: its own, or its pair's (the API names a fact's countries as the
 * change feed does, and none for a fact deleted since).
 */
function factHref(fact) {
  if (fact.countries?.length === 0) return null;
  if (fact.kind === 'mission') return href(`/missions/${fact.id}`);
  if (fact.kind === 'meeting') return href(`/meetings/${fact.id}`);
  if (fact.kind === 'diplomat') return href(`/diplomats/${fact.id}`);
  if (fact.kind === 'country') return href(`/countries/${fact.id}`);
  if (PAIR_KINDS.includes(fact.kind) && fact.countries?.length === 2) {
    return href(`/relations/${fact.countries[0]}/${fact.countries[1]}`);
  }
  return null;
}

/** A fact of a row: a link to where it is shown, or its name and that it is no longer recorded. */
function factCell(fact) {
  if (factHref(fact)) return html`<a href=${factHref(fact)}>${fact.kind} ${fact.id}</a> `;
  return fact.countries?.length === 0 ? html`${fact.kind} ${fact.id} <small>(deleted since)</small> `
    : html`${fact.kind} ${fact.id} `;
}

export default async function importJobView({ root, params, query, signal }) {
  const outcome = OUTCOMES.includes(query.outcome) ? query.outcome : (query.outcome === 'ALL' ? null : 'REJECTED');
  const unknownOutcome = query.outcome && query.outcome !== 'ALL' && !OUTCOMES.includes(query.outcome);
  const flag = FLAGS.includes(query.flag) ? query.flag : null;
  const unknownFlag = Boolean(query.flag) && !flag;
  // the address of another page, outcome or flag of the report, the others kept
  const here = (changes) => href(`/imports/${params.id}`, { outcome: query.outcome, flag: flag || undefined, ...changes });
  const { page, notice: pageNotice } = pageOf(query);
  const state = { job: null, rows: null, error: null, rowsError: null, download: { busy: false, error: null } };
  // confirm: the question is asked; busy: the cancellation is being sent (a second click sends nothing); tried: one
  // was sent from this page, and the job's end then takes the focus that its controls had
  const cancel = { confirm: false, busy: false, error: null, tried: false };

  /**
   * Cancels the job. Following it stays the polls' (see follow): the answer adds who cancelled it to a job still
   * running, or is its end; one overtaken by a poll that saw the end, or sent before signing in or out, changes nothing.
   */
  async function cancelJob() {
    if (cancel.busy) return;
    const mine = loads;
    const current = () => !signal.aborted && mine === loads;
    Object.assign(cancel, { busy: true, error: null });
    update();
    try {
      const job = await post(`/api/imports/${encodeURIComponent(params.id)}/cancel`, undefined, { signal });
      if (!current()) return;
      cancel.tried = true;
      cancel.confirm = false;
      if (state.job.status === 'RUNNING') {
        state.job = job.status === 'RUNNING' ? { ...state.job, cancelledBy: job.cancelledBy } : job;
      }
    } catch (e) {
      if (e.name === 'AbortError' || !current()) return;
      cancel.error = e; // 403 for an editor, 409 for a job that ended meanwhile (the page shows its end as it comes)
      cancel.tried = cancel.tried || e.code === 'IMPORT_NOT_RUNNING';
    } finally {
      cancel.busy = false;
      if (current()) {
        update();
        (document.getElementById('cancel-problem') || document.querySelector('p#job-cancel') || focusEnd())?.focus();
      }
    }
  }

  /** What became of an ended job: why it ended, or its status. */
  const focusEnd = () => document.getElementById('job-error') || document.getElementById('job-status');

  function cancelControls() {
    const busy = cancel.busy ? 'true' : nothing;
    if (state.job.cancelledBy && !cancel.error) {
      return html`<p id="job-cancel" role="status" tabindex="-1">Cancelled by ${state.job.cancelledBy}: the job stops at its next row.</p>`;
    }
    return html`<div id="job-cancel" data-row-actions>${cancel.confirm ? html`<div class="actions" role="group" @keydown=${escapeKeeps}
        aria-label="Cancel import #${params.id}?"><span>Stop the job between two rows? What it imported stays.</span>
        <button type="button" id="cancel-confirm" aria-busy=${busy} aria-disabled=${busy} @click=${cancelJob}>Yes, cancel it</button>
        <button type="button" class="secondary outline" id="cancel-keep" data-keep aria-disabled=${busy} @click=${(event) => {
          if (!cancel.busy) replacing(() => { cancel.confirm = false; cancel.error = null; update(); }, '#cancel-job', '#job-cancel')(event);
        }}>Let it run</button></div>`
      : html`<p><button type="button" class="secondary outline" id="cancel-job"
        @click=${replacing(() => { cancel.confirm = true; update(); }, '#cancel-keep', '#job-cancel')}>Cancel the import…</button></p>`}
      ${rowProblem(cancel.error, 'cancel-problem', cancelJob)}</div>`;
  }

  /** For an ended job that was cancelled after its last row, or that a cancellation from this page came too late for. */
  function lateCancellation(job) {
    if (job.status !== 'SUCCEEDED' || !(job.cancelledBy || cancel.tried)) return nothing;
    return html`<p id="cancel-late" role="status">${job.cancelledBy ? `Cancelled by ${job.cancelledBy} after its last row:`
      : 'The cancellation came after its last row:'} the job ran to its end.</p>`;
  }

  function update() {
    if (signal.aborted) return;
    const job = state.job;
    const running = job?.status === 'RUNNING';
    const percent = job && job.rowsTotal ? Math.round((job.rowsDone / job.rowsTotal) * 100) : 0;
    render(html`
      <p><a href="#/imports">← Imports</a></p>
      <h1>Import #${params.id}</h1>
      ${!currentUser() ? signInNeeded('job-sign-in', 'an import job') : nothing}
      ${readError(state.error)}
      ${job ? html`
        <p id="job-status" data-status=${job.status} tabindex="-1">Format <code>${job.format}</code>, started by ${job.createdBy}
          at <span class="instant">${instant(job.startedAt)}</span>: <span class="badge" data-status=${job.status}
            data-rejected=${someRejected(job) ? 'some' : nothing}>${jobStatus(job)}</span>
          ${job.finishedAt ? html` at <span class="instant">${instant(job.finishedAt)}</span>` : nothing}</p>
        <label for="job-progress">Progress: <span id="job-progress-text">${number(job.rowsDone)} of ${number(job.rowsTotal)} rows (${percent} %)</span></label>
        <progress id="job-progress" max=${job.rowsTotal || 1} .value=${job.rowsDone} aria-valuetext="${number(job.rowsDone)} of ${number(job.rowsTotal)} rows"
          data-done=${job.rowsDone} data-total=${job.rowsTotal}></progress>
        <div role="status" class="visually-hidden">${running ? '' : `Import ${words(job.status).toLowerCase()}: ${number(job.rowsDone)} of ${number(job.rowsTotal)} rows${
          someRejected(job) ? `, ${number(job.outcomes.REJECTED)} rejected` : ''}.`}</div>
        ${someRejected(job) ? html`<p id="job-rejected" class="notice">${job.outcomes.REJECTED === job.rowsTotal
          ? 'Every row was rejected: the file recorded nothing.'
          : `${number(job.outcomes.REJECTED)} of ${number(job.rowsTotal)} rows were rejected and recorded nothing.`} Each rejected row's reason is in the
          report below.</p>` : nothing}
        ${job.error ? html`<div class="problem" role="alert" id="job-error" tabindex="-1"><p><strong>Why it ended:</strong> ${job.error}</p></div>` : nothing}
        <div class="table-wrap" tabindex="0" role="region" aria-label="Rows by outcome"><table id="job-outcomes"><caption class="visually-hidden">Rows by outcome</caption>
          <thead><tr>${OUTCOMES.map((o) => html`<th scope="col" class="num">${words(o)}</th>`)}</tr></thead>
          <tbody><tr>${OUTCOMES.map((o) => html`<td class="num" data-outcome=${o}>${job.outcomes?.[o] ?? 0}</td>`)}</tr></tbody>
        </table></div>
        ${running ? html`<p aria-busy="true">The job is running; this page follows it.</p>${cancelControls()}` : html`
          ${lateCancellation(job)}
          <section aria-labelledby="rows-title">
            <h2 id="rows-title">Row report${outcome ? `: ${words(outcome).toLowerCase()} rows` : ''}${flag
              ? `${outcome ? '' : ':'} flagged ${flag}` : ''}</h2>
            <nav class="actions" id="outcome-choice" aria-label="Rows of one outcome">${[...OUTCOMES, 'ALL'].map((o) => (o === (outcome || 'ALL')
              ? html`<strong aria-current="true">${words(o)}</strong>` : html`<a href=${here({ outcome: o, page: undefined })}>${words(o)}</a>`))}</nav>
            <form class="toolbar" id="flag-form" @submit=${(e) => {
              e.preventDefault();
              navigate(`/imports/${params.id}`, { outcome: query.outcome,
                flag: new FormData(e.target).get('flag') || undefined });
            }}><label for="flag-filter">Flagged</label>
              <select id="flag-filter" name="flag"><option value="" ?selected=${!flag}>with any flag or none</option>
                ${FLAGS.map((f) => html`<option value=${f} ?selected=${f === flag}>${f}</option>`)}</select>
              <button type="submit" class="outline">Show</button></form>
            ${pageNotice ? html`<p class="notice" role="status">${pageNotice}</p>` : nothing}
            ${unknownOutcome ? html`<p class="notice" role="status" id="outcome-notice">“${query.outcome}” is not an outcome:
              the rejected rows are shown.</p>` : nothing}
            ${unknownFlag ? html`<p class="notice" role="status" id="flag-notice">“${query.flag}” is not a flag: the rows
              are shown whatever their flags.</p>` : nothing}
            ${readError(state.rowsError)}
            ${state.rows?.content.length ? html`<p id="rows-count" role="status">${state.rows.page.totalElements} ${state.rows.page.totalElements === 1
              ? 'row' : 'rows'} in all; page ${page + 1} of ${state.rows.page.totalPages}.</p>` : nothing}
            ${state.rows ? (state.rows.content.length ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Rows"><table id="job-rows">
              <caption class="visually-hidden">Row report, page ${page + 1} of ${state.rows.page.totalPages}</caption>
              <thead><tr><th scope="col">Line</th><th scope="col">Outcome</th><th scope="col">Code</th><th scope="col">Detail</th>
                <th scope="col">Flags</th><th scope="col">Facts</th></tr></thead>
              <tbody>${state.rows.content.map((r) => html`<tr data-line=${r.line}><td class="num">${r.line}</td>
                <td><span class="badge" data-status=${r.outcome}>${words(r.outcome)}</span></td><td>${r.code || '—'}</td>
                <td>${r.detail || '—'}</td><td>${(r.flags || []).join(', ') || '—'}</td>
                <td>${(r.facts || []).map(factCell)}</td></tr>`)}</tbody>
            </table></div>
            <nav class="paging" aria-label="Pages of rows">
              ${page > 1 ? html`<a href=${here({ page: undefined })} id="first-page">« First</a>` : nothing}
              ${page === 0 ? html`<span aria-disabled="true">← Previous</span>`
                : html`<a href=${here({ page: page - 1 || undefined })}>← Previous</a>`}
              <span>Page ${page + 1} of ${state.rows.page.totalPages}</span>
              ${page + 1 >= state.rows.page.totalPages ? html`<span aria-disabled="true">Next →</span>`
                : html`<a href=${here({ page: page + 1 })}>Next →</a>`}
              ${page + 2 < state.rows.page.totalPages ? html`<a href=${here({ page: state.rows.page.totalPages - 1 })}
                id="last-page-link">Last »</a>` : nothing}
            </nav>
            ${csvDownload(state.download, update, { id: 'rows-csv', path: `/api/imports/${encodeURIComponent(params.id)}/rows`,
              query: { outcome: outcome || undefined, flag: flag || undefined }, fallbackName: `import-${params.id}-rows.csv` })}` : (state.rows.page.totalElements ? html`<p id="no-rows">${state.rows.page.totalElements} rows, on
              ${state.rows.page.totalPages} pages: page ${page + 1} is past the last. <a id="last-page"
                href=${here({ page: state.rows.page.totalPages - 1 || undefined })}>Go to the last page</a>.</p>`
              : html`<p id="no-rows">No ${outcome ? words(outcome).toLowerCase() : ''} row${flag ? ` flagged ${flag}` : ''}.</p>`)) : html`<p aria-busy="true">Loading the report…</p>`}
          </section>`}` : (state.error ? nothing : html`<p aria-busy="true">Loading…</p>`)}`, root);
  }

  const pause = (ms) => new Promise((resolve) => { setTimeout(resolve, ms); });
  let loads = 0;

  /** Reads the job, then follows it in the background; a newer load (after signing in or out) ends the older one. */
  async function load() {
    loads += 1;
    const mine = loads;
    const current = () => !signal.aborted && mine === loads;
    Object.assign(state, { job: null, rows: null, error: null, rowsError: null });
    Object.assign(cancel, { confirm: false, error: null, tried: false }); // signed in or out: asked anew
    update();
    if (!currentUser()) return; // asked of no one: the page says to sign in, and loads once signed in
    let job;
    try {
      job = await get(`/api/imports/${encodeURIComponent(params.id)}`, {}, { signal });
    } catch (e) {
      if (e.name === 'AbortError' || !current()) return;
      state.error = e;
      update();
      return;
    }
    if (!current()) return;
    state.job = job;
    update();
    follow(current);
  }

  /**
   * While the job runs, its progress, read every 0.4 s at first and less often as it goes on (every 2 s at most: a
   * long import is not asked a hundred and fifty times a minute); then the report of its rows.
   */
  async function follow(current) {
    let wait = 400;
    while (current() && state.job.status === 'RUNNING') {
      await pause(wait);
      wait = Math.min(Math.round(wait * 1.25), 2000);
      if (!current()) return;
      try {
        const job = await get(`/api/imports/${encodeURIComponent(params.id)}`, {}, { signal });
        if (!current()) return;
        // a poll sent before the job's end, answered after a cancellation's answer showed it, changes nothing
        if (state.job.status === 'RUNNING') state.job = job;
        state.error = null; // a poll that failed before spoke of then: the job is followed again
      } catch (e) {
        if (e.name === 'AbortError' || !current()) return;
        state.error = e;
      }
      update();
    }
    if (!current()) return;
    // a cancellation's controls had the focus: what became of the job takes it
    const lost = !document.activeElement || document.activeElement === document.body;
    if ((cancel.tried || cancel.error) && lost) focusEnd()?.focus();
    try {
      const rows = await get(`/api/imports/${encodeURIComponent(params.id)}/rows`, { outcome: outcome || undefined,
        flag: flag || undefined, page, size: 50 }, { signal });
      if (!current()) return;
      state.rows = rows;
    } catch (e) {
      if (e.name === 'AbortError' || !current()) return;
      state.rowsError = e;
    }
    update();
  }

  // signing in from this page (its own "Sign in" button after a 401 included) or out reads the job again
  onSignInOrOut(signal, () => load());
  await load();
}
