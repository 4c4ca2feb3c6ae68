// Relations as of a day (#/relations?country=US&status=SEVERED&asOf=1970-01-01): each pair's status at the end
// of that day; pairs with a country that did not exist then are left out by the API.
import { html, nothing } from 'lit-html';
import { listPage } from '../list.js';
import { href } from '../router.js';
import { words, fuzzy, RELATION_STATUSES } from '../format.js';

export default function relationsView(context) {
  const asOf = context.query.asOf;
  const country = context.query.country?.trim();
  return listPage(context, {
    title: 'Relations',
    intro: 'How each pair of countries stood at the end of a day (today unless you choose one).',
    path: '/relations',
    endpoint: '/api/relations',
    filters: [
      { name: 'country', label: 'Country (code)', placeholder: 'US' },
      { name: 'status', label: 'Diplomatic status', options: RELATION_STATUSES },
      { name: 'asOf', label: 'As of', type: 'date' },
    ],
    // a pair is listed from its first recorded event: "None" lists those of them without diplomatic relations that
    // day (consular relations only, say), never the pairs nothing was recorded for by then
    message: () => (context.query.status === 'NONE' ? html`<p class="notice" id="relations-none-note">The list
      holds the pairs with an event recorded by that day: a pair never recorded is not listed here.
      ${country ? html`Every country of the day, recorded or not, is on
        <a href=${href('/map', { country, asOf })}>the map of ${country}</a> (“The same day as a table”).`
        : 'Every country of a day, recorded or not, is on the map of one country (“The same day as a table”).'}</p>`
      : nothing),
    head: html`<th scope="col">Pair</th><th scope="col">Diplomatic</th><th scope="col">Since</th><th scope="col">Consular</th>`,
    row: (r) => html`<tr>
      <th scope="row"><a href=${href(`/relations/${r.countries[0]}/${r.countries[1]}`, { asOf })}>${r.countries.join(' – ')}</a></th>
      <td><span class="badge" data-status=${r.status}>${words(r.status)}</span></td>
      <td class="date">${fuzzy(r.since, r.sincePrecision)}</td><td>${words(r.consularStatus)}</td></tr>`,
  });
}
