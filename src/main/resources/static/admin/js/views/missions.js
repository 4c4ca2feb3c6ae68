// Missions (#/missions?country=KR&type=EMBASSY&status=OPEN&openOn=2024-06-01), with their current heads.
import { html, nothing } from 'lit-html';
import { listPage } from '../list.js';
import { href } from '../router.js';
import { words, fuzzy, MISSION_TYPES, MISSION_STATUSES } from '../format.js';

export default function missionsView(context) {
  return listPage(context, {
    title: 'Missions',
    intro: 'Embassies, legations, offices, interests sections and consular posts, with their heads.',
    path: '/missions',
    endpoint: '/api/missions',
    before: () => html`<p><a role="button" href=${href('/missions/new')}>Plan a mission…</a></p>`,
    filters: [
      { name: 'country', label: 'Either country', placeholder: 'KR' },
      { name: 'sending', label: 'Sending', placeholder: 'CU' },
      { name: 'receiving', label: 'Receiving' },
      { name: 'type', label: 'Type', options: MISSION_TYPES },
      { name: 'status', label: 'Status', options: MISSION_STATUSES },
      { name: 'openOn', label: 'Open on', type: 'date' },
    ],
    head: html`<th scope="col">Mission</th><th scope="col">From → in</th><th scope="col">Status today</th><th scope="col">Opened</th>
      <th scope="col">Closed</th><th scope="col">Current head</th>`,
    row: (m) => html`<tr data-mission=${m.id}>
      <th scope="row"><a href=${href(`/missions/${m.id}`)}>${words(m.type)}${m.city ? html`, <bdi>${m.city}</bdi>` : ''}</a></th>
      <td><a href=${href(`/relations/${m.sendingCountry}/${m.receivingCountry}`)}>${m.sendingCountry} → ${m.receivingCountry}</a></td>
      <td><span class="badge" data-status=${m.status}>${words(m.status)}</span>${m.status === 'PLANNED' && m.plannedOpening
        ? html`<br><small>planned ${m.plannedOpening}</small>` : nothing}</td>
      <td class="date">${fuzzy(m.openedOn, m.openedPrecision)}</td><td class="date">${fuzzy(m.closedOn, m.closedPrecision)}</td>
      <td>${m.currentHead ? html`<bdi>${m.currentHead.name}</bdi> (${words(m.currentHead.rank)})` : '—'}</td></tr>`,
  });
}
