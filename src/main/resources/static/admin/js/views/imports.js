// Imports (#/imports): start an import job from a file (ADMIN) and list the jobs (EDITOR), newest first.
import { html, render, nothing } from 'lit-html';
import { get, request } from '../api.js';
import { currentUser, onSignInOrOut } from '../auth.js';
import { href, navigate } from '../router.js';
import { words, instant, number, plural, pageOf, someRejected, jobStatus } from '../format.js';
import { FieldRefusal, formState, field, fieldMessages, problem, submitButton, readError, signInNeeded }
  from '../forms.js';
import { csvDownload } from '../download.js';

const FILE_PROBLEMS = ['PAYLOAD_TOO_LARGE', 'UNSUPPORTED_MEDIA_TYPE'];

export default async function importsView({ root, query, signal }) {
  const { page, notice: pageNotice } = pageOf(query);
  const state = { formats: [], jobs: null, error: null, formatsError: null, download: { busy: false, error: null } };
  const form = formState('import');
  // the API names the file it refuses `body`
  form.targets.body = 'import-file';
  form.labels.body = 'File';

  async function upload(event) {
    event.preventDefault();
    const element = event.target;
    const data = new FormData(element);
    const file = data.get('file');
    const format = state.formats.find((f) => f.name === data.get('format'));
    form.error = null;
    if (!format || !file || !file.size) {
      form.error = !format ? new FieldRefusal('format', 'Choose the format of the file.')
        : new FieldRefusal('file', file && file.name ? 'The file chosen is empty: choose one that is not.' : 'Choose a file.',
          { target: 'import-file', label: 'File' });
      update();
      document.getElementById(`${form.id}-problem`)?.focus();
      return;
    }
    form.busy = true;
    update();
    try {
      // not aborted when the page is left: the file is sent all the same, but the page then left is not taken back
      const { data: job } = await request('POST', '/api/imports', { query: { format: format.name }, raw: file,
        contentType: format.mediaType });
      if (signal.aborted) return;
      navigate(`/imports/${job.id}`);
    } catch (e) {
      if (signal.aborted) return;
      form.error = e;
      form.busy = false;
      update();
      document.getElementById(`${form.id}-problem`)?.focus();
    }
  }

  function update() {
    if (signal.aborted) return;
    const jobs = state.jobs;
    const fileErrors = [...fieldMessages(form, 'file'), ...fieldMessages(form, 'body')];
    // a file too large, or of a type the format does not take: the file's fault, said at its field too
    if (FILE_PROBLEMS.includes(form.error?.code) && form.error.detail) fileErrors.push(form.error.detail);
    const pages = jobs?.page.totalPages ?? 0;
    const pastEnd = page > 0 && page >= pages;
    render(html`
      <h1>Imports</h1>
      <p>Load a whole data set at once: the job runs in the background through the same rules as every other write, and
        reports what became of each row. Starting an import needs the ADMIN role; reading jobs needs EDITOR.</p>
      <section aria-labelledby="upload-title">
        <h2 id="upload-title">Import a file</h2>
        ${readError(state.formatsError)}
        <form id="import-form" @submit=${upload} novalidate>
          ${problem(form)}
          <div class="grid-2">
            ${field(form, { name: 'format', label: 'Format', required: true,
              options: state.formats.map((f) => ({ value: f.name, label: `${f.name} — ${f.summary}` })) })}
            <div class="field">
              <label for="import-file">File <span class="required" aria-hidden="true">*</span></label>
              <input id="import-file" name="file" type="file" aria-required="true" accept=".csv,.ndjson,.jsonl,.txt,text/csv,application/x-ndjson"
                aria-describedby="import-file-hint${fileErrors.length ? ' import-file-error' : ''}"
                aria-invalid=${fileErrors.length ? 'true' : nothing}>
              <small id="import-file-hint">Sent as it is, with the format's media type.</small>
              ${fileErrors.length ? html`<small id="import-file-error" class="field-error">${fileErrors.join(' ')}</small>` : nothing}
            </div>
          </div>
          ${submitButton(form, 'Start the import')}
        </form>
        <details><summary>What each format expects</summary>
          <dl>${state.formats.map((f) => html`<dt><code>${f.name}</code> (${f.mediaType})</dt><dd>${f.summary}
            ${f.example ? html`<pre tabindex="0" role="region" aria-label="Example of ${f.name}"><code>${f.example}</code></pre>` : nothing}</dd>`)}</dl>
        </details>
      </section>
      <section aria-labelledby="jobs-title">
        <h2 id="jobs-title">Jobs</h2>
        ${pageNotice ? html`<p class="notice" role="status">${pageNotice}</p>` : nothing}
        ${readError(state.error)}
        ${!currentUser() ? signInNeeded('jobs-sign-in', 'import jobs') : nothing}
        ${jobs && pastEnd ? html`<p id="jobs-past-end" role="status">${jobs.page.totalElements
          ? html`${plural(jobs.page.totalElements, 'job')} in all, on ${plural(pages, 'page')}: page ${number(page + 1)} is past the last.
            <a href=${href('/imports', { page: pages > 1 ? pages - 1 : undefined })} id="last-page">Go to the last page</a>.`
          : html`No import yet: page ${number(page + 1)} is past the end. <a href=${href('/imports')} id="last-page">Go to the first page</a>.`}</p>`
        : jobs ? (jobs.content.length ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Import jobs"><table id="jobs-table"><caption class="visually-hidden">Import jobs</caption>
          <thead><tr><th scope="col">Job</th><th scope="col">Format</th><th scope="col">Status</th><th scope="col">Rows</th>
            <th scope="col">Rejected</th><th scope="col">By</th><th scope="col">Started</th><th scope="col">Finished</th></tr></thead>
          <tbody>${jobs.content.map((j) => html`<tr data-job=${j.id}>
            <th scope="row"><a href=${href(`/imports/${j.id}`)}>#${j.id}</a></th><td>${j.format}</td>
            <td><span class="badge" data-status=${j.status} data-rejected=${someRejected(j) ? 'some' : nothing}>${jobStatus(j)}</span></td>
            <td class="num">${number(j.rowsDone)} / ${number(j.rowsTotal)}</td><td class="num">${number(j.outcomes?.REJECTED ?? 0)}</td>
            <td>${j.createdBy}</td><td class="instant">${instant(j.startedAt)}</td><td class="instant">${instant(j.finishedAt)}</td></tr>`)}</tbody>
        </table></div>
        <nav class="paging" aria-label="Pages of jobs">
          ${page === 0 ? html`<span aria-disabled="true">← Newer</span>`
            : html`<a rel="prev" href=${href('/imports', { page: page - 1 || undefined })}>← Newer</a>`}
          <span>Page ${number(page + 1)} of ${number(pages)}</span>
          ${page + 1 >= pages ? html`<span aria-disabled="true">Older →</span>`
            : html`<a rel="next" href=${href('/imports', { page: page + 1 })}>Older →</a>`}
        </nav>
        ${csvDownload(state.download, update, { id: 'jobs-csv', path: '/api/imports', fallbackName: 'imports.csv' })}`
          : html`<p>No import yet.</p>`) : (state.error || !currentUser() ? nothing : html`<p aria-busy="true">Loading…</p>`)}
      </section>`, root);
  }

  update();
  await Promise.all([
    get('/api/imports/formats', {}, { signal }).then((f) => { state.formats = f; })
      .catch((e) => { if (e.name !== 'AbortError') state.formatsError = e; }),
    currentUser() ? get('/api/imports', { page, size: 20 }, { signal }).then((j) => { state.jobs = j; })
      .catch((e) => { if (e.name !== 'AbortError') state.error = e; }) : null,
  ]);
  update();
  onSignInOrOut(signal, onAuth);

  let auths = 0;

  /** Signed in or out: the jobs read again as the new user; an answer to an earlier sign-in or out changes nothing. */
  async function onAuth() {
    auths += 1;
    const mine = auths;
    state.jobs = null;
    state.error = null;
    form.error = null; // a refusal of the user before (a 403) is not this one's
    if (!currentUser()) {
      update();
      return;
    }
    try {
      const jobs = await get('/api/imports', { page, size: 20 }, { signal });
      if (mine !== auths) return;
      state.jobs = jobs;
      state.error = null;
    } catch (e) {
      if (e.name === 'AbortError' || mine !== auths) return;
      state.error = e;
    }
    update();
  }
}
