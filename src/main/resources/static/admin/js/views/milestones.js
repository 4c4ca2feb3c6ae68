// Milestones (#/milestones?status=OVERDUE&country=CU): what was planned, by when, and whether it happened.
// Overdue ones come first and stand out; a milestone without a mission is achieved or cancelled here, and any
// milestone planned by mistake deleted.
import { html, nothing } from 'lit-html';
import { get, post, del } from '../api.js';
import { onSignInOrOut } from '../auth.js';
import { listPage } from '../list.js';
import { href } from '../router.js';
import { rowProblem, rowControl, rowDay, replacing, escapeKeeps, readError } from '../forms.js';
import { number, words, today, MILESTONE_STATUSES } from '../format.js';

export default async function milestonesView(context) {
  const { query, signal } = context;
  const overdue = { rows: null, total: 0, error: null };
  // acting: the row whose action is being sent (a second click sends nothing)
  const actions = { open: null, confirm: null, error: null, errorKey: null, done: null, gone: null, acting: null };
  let list = null;

  /**
   * Whether the milestone `m` of a refused action is no longer as its row shows it: another client achieved,
   * cancelled or deleted it meanwhile (then the refusal is about the row, not about what was typed).
   */
  async function changedMeanwhile(m) {
    try {
      const now = await get(`/api/milestones/${m.id}`, {}, { signal });
      return now.status !== m.status || now.achievedOn !== m.achievedOn;
    } catch (e) {
      return e.status === 404; // gone; a read that failed otherwise leaves the refusal in its row, as it came
    }
  }

  /** Whether the action of the row `key` is being sent, for its button's `aria-busy`. */
  const busy = (key) => (actions.acting === key ? 'true' : nothing);
  /** Whether an action of any row is being sent: every row's button to send one says it takes none meanwhile. */
  const held = () => (actions.acting ? 'true' : nothing);

  /** An action taken from the row `key` (of the milestone `m`), where its problem is shown. */
  async function act(key, m, action, text, formOf) {
    if (actions.acting) return; // a double click sends the action once
    // tried again after signing in: a form's action is sent again as the form now reads (submitted anew)
    actions.retry = () => {
      const form = formOf?.();
      return form ? form.requestSubmit() : act(key, m, action, text, formOf);
    };
    actions.error = null;
    actions.errorKey = key;
    actions.done = null;
    actions.gone = null;
    actions.changed = false;
    actions.acting = key;
    list.update(); // its button says it is busy
    try {
      await action();
      actions.open = null;
      actions.confirm = null;
      actions.done = text;
      await Promise.all([loadOverdue(), list.reload()]);
      // the row that held the focus changed or moved: what was done takes it
      document.getElementById('milestone-action-done')?.focus();
    } catch (e) {
      if (e.status === 404 || (e.status === 409 && await changedMeanwhile(m))) {
        // the milestone is gone or changed meanwhile: the lists show the milestones as they stand now, and why, above
        // them (its row may have left the overdue table, or no longer offer the action)
        actions.open = null;
        actions.confirm = null;
        actions.errorKey = null;
        actions.gone = e;
        actions.changed = e.status === 409;
        await Promise.all([loadOverdue(), list.reload()]);
      } else {
        actions.error = e;
        list.update();
      }
      document.getElementById('milestone-action-problem')?.focus();
    } finally {
      // only once the lists show what the action did: a button of the row as it was takes no second click
      actions.acting = null;
      list.update();
    }
  }

  /** The actions of a row; an overdue milestone is listed twice (`table` tells which), its actions open in one. */
  function rowActions(m, table) {
    const key = `${table}-${m.id}`;
    return html`${actionsOf(m, key)}${actions.errorKey === key ? rowProblem(actions.error, 'milestone-action-problem', actions.retry,
      { date: [`achieve-${key}`, 'Achieved on'] }) : nothing}`;
  }

  function actionsOf(m, key) {
    if (actions.confirm === `delete-${key}`) {
      return html`<div class="actions" role="group" @keydown=${escapeKeeps} aria-label="Delete “${m.title}”?"
          aria-describedby="deleting-${key}">
        <small id="deleting-${key}">For a milestone planned by mistake: it is removed from the record, as if never
          planned.</small>
        <button type="button" aria-busy=${busy(key)} aria-disabled=${held()}
          @click=${() => act(key, m, () => del(`/api/milestones/${m.id}`), `“${m.title}” deleted.`)}>Yes, delete</button>
        <button type="button" class="secondary outline" data-keep
          @click=${replacing(() => { actions.confirm = null; list.update(); }, '[data-action=delete]')}>Keep it</button></div>`;
    }
    const remove = html`<button type="button" class="secondary outline" aria-label="Delete “${m.title}”…" data-action="delete"
      @click=${replacing(() => { actions.confirm = `delete-${key}`; list.update(); }, '[data-keep]')}>Delete…</button>`;
    if (m.status === 'ACHIEVED' || m.status === 'CANCELLED') return html`<div class="actions">${remove}</div>`;
    if (actions.open === key) {
      const date = rowControl(actions.errorKey === key ? actions.error : null, 'milestone-action-problem', 'date');
      return html`<form class="actions" @keydown=${escapeKeeps} @submit=${(e) => {
        e.preventDefault();
        const input = e.target.elements.date;
        act(key, m, () => post(`/api/milestones/${m.id}/achieve`, { date: rowDay(input) }),
          `“${m.title}” achieved on ${input.value}.`,
          () => document.getElementById(`achieve-${key}`)?.form);
      }} novalidate><label class="visually-hidden" for="achieve-${key}">Achieved on</label>
        <input id="achieve-${key}" type="date" name="date" max=${today()} aria-invalid=${date.invalid}
          aria-describedby=${date.describedBy}>
        <button type="submit" aria-busy=${busy(key)} aria-disabled=${held()}>Achieved</button>
        <button type="button" class="secondary outline" data-keep
          @click=${replacing(() => { actions.open = null; list.update(); }, '[data-action=achieve]')}>Back</button></form>`;
    }
    if (actions.confirm === key) {
      return html`<div class="actions" role="group" @keydown=${escapeKeeps} aria-label="Cancel “${m.title}”?">
        <button type="button" aria-busy=${busy(key)} aria-disabled=${held()}
          @click=${() => act(key, m, () => post(`/api/milestones/${m.id}/cancel`), `“${m.title}” cancelled.`)}>Yes, cancel it</button>
        <button type="button" class="secondary outline" data-keep
          @click=${replacing(() => { actions.confirm = null; list.update(); }, '[data-action=cancel]')}>Keep it</button></div>`;
    }
    return html`<div class="actions">
      ${m.missionId ? nothing : html`<button type="button" class="outline" aria-label="Achieve “${m.title}”…" data-action="achieve"
        @click=${replacing(() => { actions.open = key; list.update(); }, 'input')}>Achieve…</button>`}
      <button type="button" class="secondary outline" aria-label="Cancel “${m.title}”…" data-action="cancel"
        @click=${replacing(() => { actions.confirm = key; list.update(); }, '[data-keep]')}>Cancel…</button>
      ${remove}</div>`;
  }

  const row = (m, table = 'all') => html`<tr class=${m.status === 'OVERDUE' ? 'overdue' : ''} data-milestone=${m.id} data-status=${m.status}>
    <th scope="row"><bdi>${m.title}</bdi></th>
    <td><a href=${href(`/relations/${m.countries[0]}/${m.countries[1]}`)}>${m.countries.join(' – ')}</a></td>
    <td><span class="date">${m.target}</span><br>
      <small><span class="date">${m.targetStart}</span> – <span class="date">${m.targetEnd}</span></small></td>
    <td><span class="badge" data-status=${m.status}>${words(m.status)}</span></td>
    <td class="date">${m.achievedOn ? `${m.achievedOn}${m.onTime === false ? ' (late)' : ''}` : '—'}</td>
    <td>${m.missionId ? html`<a href=${href(`/missions/${m.missionId}`)}>mission ${m.missionId}</a>` : 'by hand'}</td>
    <td>${rowActions(m, table)}</td></tr>`;
  const head = html`<th scope="col">Milestone</th><th scope="col">Pair</th><th scope="col">Target</th><th scope="col">Status</th>
    <th scope="col">Achieved</th><th scope="col">Achieved by</th><th scope="col">Actions</th>`;

  /** The most overdue milestones shown above the list, the API's largest page: the others are a link away. */
  const OVERDUE_SHOWN = 200;

  async function loadOverdue() {
    if (query.status) return;
    try {
      const page = await get('/api/milestones', { status: 'OVERDUE', country: query.country, size: OVERDUE_SHOWN },
        { signal });
      overdue.rows = page.content;
      overdue.total = page.page?.totalElements ?? page.content.length;
      overdue.error = null;
    } catch (e) {
      if (e.name !== 'AbortError') {
        overdue.rows = [];
        overdue.error = e; // said where the overdue table would be: the list below it is not all there is
      }
    }
  }

  // a row's problem that asked to sign in offers to try again once signed in
  onSignInOrOut(signal, () => list?.update());
  // the overdue table and the list are read side by side; the list's page shows the table once it is read
  const overdueRead = loadOverdue().then(() => list?.update());
  list = await listPage(context, {
    title: 'Milestones',
    intro: 'Planned steps of relations, ordered by the end of their target; overdue ones first.',
    path: '/milestones',
    endpoint: '/api/milestones',
    filters: [
      { name: 'status', label: 'Status', options: MILESTONE_STATUSES },
      { name: 'country', label: 'Country (code)', placeholder: 'CU' },
    ],
    message: () => html`${actions.gone ? rowProblem(actions.gone, 'milestone-action-problem', null, {}, actions.changed
      ? 'The milestone changed meanwhile: the lists show the milestones as they stand now.' : null) : nothing}${actions.done ? html`<p class="done" role="status" tabindex="-1" id="milestone-action-done">${actions.done}</p>` : nothing}
      ${!query.status && !overdue.rows && !overdue.error ? html`<p aria-busy="true" id="overdue-loading">Reading the
        overdue milestones…</p>` : nothing}
      ${!query.status && overdue.error ? html`<section aria-labelledby="overdue-title" class="overdue-first">
        <h2 id="overdue-title">Overdue</h2><p>The overdue milestones could not be read (they are in the list below,
        ordered by their target):</p>${readError(overdue.error)}</section>` : nothing}
      ${!query.status && overdue.rows?.length ? html`<section aria-labelledby="overdue-title" class="overdue-first">
        <h2 id="overdue-title">Overdue (${number(overdue.total)})</h2>
        ${overdue.total > overdue.rows.length ? html`<p id="overdue-more">The ${overdue.rows.length} whose target ended
          first are shown here: <a href=${href('/milestones', { status: 'OVERDUE', country: query.country })}>all
          ${number(overdue.total)} overdue milestones</a>, page by page.</p>` : nothing}
        <div class="table-wrap" tabindex="0" role="region" aria-label="Overdue milestones, table"><table id="overdue-table"><caption class="visually-hidden">Overdue milestones</caption><thead><tr>${head}</tr></thead>
          <tbody>${overdue.rows.map((m) => row(m, 'overdue'))}</tbody></table></div>
        <h2>All milestones</h2></section>` : nothing}`,
    head,
    row: (m) => row(m),
  });
  await overdueRead;
  list.update(); // the overdue table, if it was read after the list's last drawing
}
