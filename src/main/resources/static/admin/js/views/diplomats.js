// Diplomats (#/diplomats?country=KR&q=chung).
import { html } from 'lit-html';
import { listPage } from '../list.js';
import { href } from '../router.js';

export default function diplomatsView(context) {
  return listPage(context, {
    title: 'Diplomats',
    path: '/diplomats',
    endpoint: '/api/diplomats',
    before: () => html`<p><a role="button" href=${href('/diplomats/new')}>Add a diplomat…</a></p>`,
    filters: [
      { name: 'q', label: 'Name', placeholder: 'chung' },
      { name: 'country', label: 'Country (code)', placeholder: 'KR' },
    ],
    head: html`<th scope="col">Name</th><th scope="col">Country</th><th scope="col">Title</th><th scope="col">Organization</th>`,
    row: (d) => html`<tr data-diplomat=${d.id}>
      <th scope="row"><a href=${href(`/diplomats/${d.id}`)}>${d.name}</a></th>
      <td>${d.country}</td><td>${d.title || '—'}</td><td>${d.organization || '—'}</td></tr>`,
  });
}
