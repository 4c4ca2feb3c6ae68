// Countries (#/countries?q=kor&current=false): ISO 3166-1, the dissolved states of ISO 3166-3 and
// user-assigned codes, former states marked with their lifetimes.
import { html, nothing } from 'lit-html';
import { listPage } from '../list.js';
import { href } from '../router.js';

export default function countriesView(context) {
  return listPage(context, {
    title: 'Countries',
    intro: html`Every country Chancery knows, with its lifetime as a state. Former states are marked.
      An admin can <a href=${href('/countries/new')} id="add-country">add a country</a> outside ISO 3166-1, or open one
      to change its name or lifetime.`,
    path: '/countries',
    endpoint: '/api/countries',
    filters: [
      { name: 'q', label: 'Name or code', placeholder: 'kor' },
      { name: 'current', label: 'Which', any: 'Current and former',
        options: [{ value: 'true', label: 'Current only' }, { value: 'false', label: 'Former only' }] },
    ],
    head: html`<th scope="col">Code</th><th scope="col">Name</th><th scope="col">Alpha-3</th><th scope="col">Numeric</th>
      <th scope="col">Existed</th><th scope="col">Map</th>`,
    row: (c) => html`<tr data-code=${c.code} class=${c.former ? 'former' : ''}>
      <td>${c.code}</td>
      <th scope="row"><a href=${href(`/countries/${c.code}`)}>${c.name}</a>${c.former ? html` <span class="badge" data-status="FORMER">former state</span>` : nothing}</th>
      <td>${c.alpha3}</td><td>${c.numeric || '—'}</td>
      <td>${c.startedOn || c.endedOn ? html`<span class="date">${c.startedOn || '…'}</span> – <span class="date">${c.endedOn || ''}</span>`
        : 'lifetime not recorded'}</td>
      <td><a href=${href('/map', { country: c.code, asOf: c.endedOn || undefined })}>Map of its relations</a></td>
    </tr>`,
  });
}
