// Meetings (#/meetings?country=CU&country=KR&diplomat=2&from=2024-01-01&to=2024-12-31), newest first.
import { html, nothing } from 'lit-html';
import { get } from '../api.js';
import { listPage } from '../list.js';
import { href } from '../router.js';
import { fuzzy, words } from '../format.js';

export default async function meetingsView(context) {
  let diplomat = null;
  const list = await listPage(context, {
    title: 'Meetings',
    intro: 'Meetings between diplomats of different countries, newest first.',
    path: '/meetings',
    endpoint: '/api/meetings',
    before: () => html`<p><a role="button" href=${href('/meetings/new')}>Record a meeting…</a></p>
      ${diplomat ? html`<p id="meetings-of">The meetings <a href=${href(`/diplomats/${diplomat.id}`)}><bdi>${diplomat.name}</bdi></a>
        (${diplomat.country}) took part in.</p>` : nothing}`,
    filters: [
      { name: 'country', label: 'Countries (codes, comma-separated: all of them)', placeholder: 'CU,KR', multiple: true },
      { name: 'diplomat', label: 'Diplomat (id, as in #/diplomats/2)', placeholder: '2', inputmode: 'numeric' },
      { name: 'from', label: 'From', type: 'date' },
      { name: 'to', label: 'To', type: 'date' },
    ],
    head: html`<th scope="col">Date</th><th scope="col">Meeting</th><th scope="col">Where</th><th scope="col">Participants</th>`,
    row: (m) => html`<tr data-meeting=${m.id}>
      <td class="date">${fuzzy(m.date, m.datePrecision)}</td>
      <th scope="row"><a href=${href(`/meetings/${m.id}`)}>${m.title || `Meeting of ${m.countries.join(', ')}`}</a></th>
      <td>${m.city ? html`<bdi>${m.city}</bdi>, ` : ''}${m.country} <small>(${words(m.kind)})</small></td>
      <td>${m.participants.map((p, i) => html`${i ? '; ' : ''}<bdi>${p.name}</bdi> (${p.country})`)}</td></tr>`,
  });
  // the diplomat the filter names, by name: the list says whose meetings it shows (once the API took the filter: it
  // refuses a diplomat it does not know)
  const id = typeof context.query.diplomat === 'string' ? context.query.diplomat.trim() : '';
  if (/^[1-9]\d{0,17}$/.test(id) && list.data) {
    try {
      diplomat = await get(`/api/diplomats/${id}`, {}, { signal: context.signal });
      if (!context.signal.aborted) list.update();
    } catch (e) {
      // deleted meanwhile, or the page left: the list stands without the name
    }
  }
  return list;
}
