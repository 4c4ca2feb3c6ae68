// A list's CSV saved with the tab's credentials. The lists an editor reads (import jobs, a job's row report, the change
// feed) answer 401 to a plain link, which the browser follows without the Authorization header this tab keeps.
import { html, nothing } from 'lit-html';
import { request } from './api.js';

/** Saves the list at `path` (its filters in `query`) as CSV, named as the server names it, else `fallbackName`. */
export async function downloadCsv(path, query, fallbackName) {
  const { data, headers } = await request('GET', path, { query: { ...query, format: 'csv' }, accept: 'text/csv' });
  const name = /filename="([^"]+)"/.exec(headers.get('Content-Disposition') || '')?.[1] || fallbackName;
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([data], { type: 'text/csv;charset=utf-8' }));
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // the browser has taken the file once the click's task is over; the address is of no use after
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
}

/**
 * The "Download all as CSV" button of a list an editor reads. `download` ({busy, error}) is kept by the page and
 * `update` draws the page again; a refusal (the credentials no longer valid, the server down) is said beside it.
 */
export function csvDownload(download, update, { id, path, query = {}, fallbackName }) {
  async function save() {
    if (download.busy) return;
    download.busy = true;
    download.error = null;
    update();
    try {
      await downloadCsv(path, query, fallbackName);
    } catch (e) {
      download.error = e;
    }
    download.busy = false;
    update();
  }
  // busy, the button says so but is not disabled: a disabled button loses the focus, to the page's body
  return html`<p class="actions csv-download"><button type="button" class="outline" id=${id}
      aria-disabled=${download.busy ? 'true' : nothing} aria-busy=${download.busy ? 'true' : nothing}
      aria-describedby=${download.error ? `${id}-error` : nothing}
      @click=${save}>Download all as CSV</button>
    <span class="visually-hidden" role="status" id="${id}-status">${download.busy ? 'Preparing the CSV…' : ''}</span>
    ${download.error ? html`<span class="field-error" role="alert" id="${id}-error">The CSV could not be saved:
      ${download.error.words || download.error.message}</span>` : nothing}</p>`;
}
