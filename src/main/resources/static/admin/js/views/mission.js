// One mission (#/missions/5): its facts and heads, and what can happen to it next: open, close or cancel it,
// appoint a head (a diplomat of the sending country, found by search), end a head's functions; and a head or the
// mission itself recorded by mistake deleted.
import { html, render, nothing } from 'lit-html';
import { request, post, del } from '../api.js';
import { countries } from '../countries.js';
import { href, navigate } from '../router.js';
import { words, fuzzy, today, closingReason, CLOSING_REASONS, HEAD_RANKS, PRECISIONS, CONSULAR_TYPES }
  from '../format.js';
import {
  FieldRefusal, formState, field, fieldMessages, endOrStart, sourceFields, sourcesFrom, problem, submit, submitButton, readError, done,
  rowProblem, replacing, escapeKeeps,
} from '../forms.js';
import { diplomatChoice } from '../diplomat-search.js';
import { onSignInOrOut } from '../auth.js';

export default async function missionView({ root, params, signal }) {
  // appointOpen: the appointing form stays open once opened, whatever its refusals and choices redraw
  const state = { mission: null, error: null, names: new Map(), chosen: null, search: {},
    appointOpen: false,
    // a deletion asked from a row of the heads ('head-3') or of the mission ('mission'): the question asked
    // (confirm), the one being sent (acting: a second click sends nothing), its refusal (actionError, in the place
    // of actionKey), what was done (actionDone) or that the head was gone meanwhile (actionGone)
    confirm: null, acting: null, actionKey: null, actionError: null, actionChanged: false, actionDone: null,
    actionGone: null, retry: null };
  const onTheDate = { ruleFields: { '*': 'date' } };
  // a refusal that names the closing typed concerns it (R12 before the opening, R22 after a country's end)
  const pastClosing = { ruleFields: { '*': endOrStart('closedOn', 'date') } };
  const forms = { open: formState('open', pastClosing), close: formState('close', onTheDate), cancel: formState('cancel'),
    appoint: formState('appoint', { ruleFields: { DIPLOMAT_NOT_OF_SENDING_COUNTRY: 'diplomatId', AGREMENT_REQUIRED: 'agrementOn',
      RELATION_NOT_ESTABLISHED: 'startedOn', HEAD_OF_MISSION_OVERLAP: 'startedOn', COUNTRY_NOT_IN_EXISTENCE: endOrStart('endedOn', 'startedOn') } }),
    end: formState('end', { ruleFields: { R12: 'headId', '*': 'date' } }) }; // R12: the head ended meanwhile

  async function load() {
    try {
      const [answer, map] = await Promise.all([request('GET', `/api/missions/${encodeURIComponent(params.id)}`, { signal }), countries()]);
      state.mission = answer.data;
      state.names = map;
      state.error = null;
    } catch (e) {
      if (e.name === 'AbortError') return;
      state.error = e;
      if (e.status === 404) state.mission = null; // deleted meanwhile: the page says so instead of what it was
    }
  }

  /**
   * A refusal may come of another client's write (the mission opened, closed or cancelled meanwhile, a head ended):
   * the page reloads the mission and, if it changed, says so above what happens next — with the refusal itself
   * when the form it answered is gone with the mission's new state.
   */
  async function reloadOnRefusal(e, form) {
    if (e.status === 404 || e.status === 409) {
      const before = JSON.stringify(dependedOn(form));
      await load();
      if (state.mission && JSON.stringify(dependedOn(form)) !== before) state.changed = { error: e, form };
    }
    throw e;
  }

  /** What a form's write depends on: the mission's status and dates; for a head's, its heads too. */
  function dependedOn(form) {
    const m = state.mission;
    if (!m) return null;
    const status = [m.status, m.openedOn, m.closedOn];
    return form === forms.appoint || form === forms.end ? [status, m.heads.map((h) => [h.id, h.endedOn])] : status;
  }

  const after = async (answer) => { await load(); return answer; };
  const id = params.id;
  // a past mission opens with its closing: the rules see it open only until then (a later embassy, a later severance)
  const open = (v) => post(`/api/missions/${id}/open`, {
    date: v.date, datePrecision: v.datePrecision, closedOn: v.closedOn || undefined,
    closedPrecision: v.closedPrecision || undefined, closingReason: v.closingReason || undefined, // refused without closedOn
  }).then(after);
  const close = (v) => post(`/api/missions/${id}/close`, { date: v.date, datePrecision: v.datePrecision, reason: v.reason })
    .then(after);
  const cancel = () => post(`/api/missions/${id}/cancel`).then(after);
  const appoint = (v) => {
    if (!state.chosen) {
      return Promise.reject(new FieldRefusal('diplomatId', 'Choose the diplomat who heads the mission (search by name).',
        { target: 'head-search', label: searchLabel() }));
    }
    return post(`/api/missions/${id}/heads`, {
      diplomatId: state.chosen.id, rank: v.rank, agrementOn: v.agrementOn, startedOn: v.startedOn,
      datePrecision: v.datePrecision, endedOn: v.endedOn, endedPrecision: v.endedPrecision, sources: sourcesFrom(v),
    }).then(async (head) => { state.chosen = null; await load(); return head; });
  };
  const endHead = (v) => (v.headId
    ? post(`/api/missions/${id}/heads/${v.headId}/end`, { date: v.date, datePrecision: v.datePrecision }).then(after)
    : Promise.reject(new FieldRefusal('headId', 'Choose the head whose functions ended.')));

  // one write's confirmation at a time: the last one says what the page now shows
  const send = (form, action) => async (event) => {
    Object.values(forms).filter((other) => other !== form).forEach((other) => { other.done = null; });
    state.changed = null;
    Object.assign(state, { actionDone: null, actionGone: null, actionKey: null, actionError: null, actionChanged: false });
    const element = event.target.closest('form') || event.target;
    await submit(event, form, update, (values) => action(values).catch((e) => reloadOnRefusal(e, form)));
    if (state.changed) {
      // the head chosen was one of the heads as they were: chosen again, not resent (what is typed elsewhere stays)
      if (form === forms.end && element.isConnected) element.reset();
      if (!document.getElementById(`${form.id}-problem`)) document.getElementById('mission-changed')?.focus();
    }
  };

  /** Whether the deletion `key` is being sent, for its button's `aria-busy`. */
  const busy = (key) => (state.acting === key ? 'true' : nothing);
  /** Whether a deletion is being sent: every button to send one says it takes none meanwhile. */
  const held = () => (state.acting ? 'true' : nothing);

  /** What a deletion depends on: the mission's heads and its links to the missions it superseded or was superseded by. */
  const referred = () => (state.mission ? [state.mission.heads.map((h) => h.id), state.mission.predecessorId,
    state.mission.successorId] : null);

  /**
   * A deletion asked from the row `key` ('head-3') or of the mission ('mission'), where its refusal is shown; `then`:
   * what follows once it is done. A head gone meanwhile (404), or one refused as the mission changed meanwhile, is
   * said above the heads as they stand now; the mission gone meanwhile, by the page that says it is not there.
   */
  async function act(key, action, then) {
    if (state.acting) return; // a double click sends the deletion once
    state.retry = () => act(key, action, then); // tried again after signing in
    Object.assign(state, { acting: key, actionKey: key, actionError: null, actionChanged: false, actionDone: null,
      actionGone: null, changed: null });
    Object.values(forms).forEach((form) => { form.done = null; }); // what is done is said of the last write alone
    update(); // its button says it is busy
    try {
      await action();
      state.confirm = null;
      await then();
    } catch (e) {
      if (e.name === 'AbortError') return;
      const before = JSON.stringify(referred());
      if (e.status === 404 || e.status === 409 || e.status === 412) await load();
      // a deletion sent with the mission's version the page showed (If-Match): 412 if it changed since
      const changed = e.status === 412
        || (e.status === 409 && Boolean(state.mission) && JSON.stringify(referred()) !== before);
      if (key !== 'mission' && (e.status === 404 || changed)) {
        Object.assign(state, { confirm: null, actionKey: null, actionGone: { error: e, changed } });
      } else {
        state.actionError = e;
        state.actionChanged = changed;
      }
      update();
      root.querySelector(key === 'mission' ? '#mission-delete-problem' : '#head-action-problem')?.focus();
    } finally {
      // only once the page shows what the deletion did: a button of the row as it was takes no second click
      state.acting = null;
      update();
    }
  }

  // sent with the mission's version the page showed, which every change of its heads moves: 412 if it changed since
  const deleteHead = (h) => act(`head-${h.id}`, () => del(`/api/missions/${id}/heads/${h.id}`,
    { headers: { 'If-Match': `"${state.mission.version}"` } }), async () => {
    state.actionDone = `The head of mission ${h.name} (${words(h.rank)}, from ${fuzzy(h.startedOn, h.startedPrecision)}) deleted.`;
    await load();
    update();
    root.querySelector('#head-action-done')?.focus();
  });

  const deleteMission = (m) => act('mission', () => del(`/api/missions/${id}`,
    { headers: { 'If-Match': `"${m.version}"` } }), async () => {
    // the page is gone with the mission: the pair's page says what was deleted, where the focus goes
    navigate(`/relations/${m.sendingCountry}/${m.receivingCountry}`, {}, { notice: `The ${words(m.type).toLowerCase()} of `
      + `${name(m.sendingCountry)} in ${m.city || name(m.receivingCountry)} (mission ${id}) was deleted.` });
  });

  /** The problem of the last deletion in the row `key`, or of the mission ('mission'). */
  function actionProblem(key, problemId) {
    return state.actionKey === key ? rowProblem(state.actionError, problemId, state.retry, {}, state.actionChanged
      ? 'The mission changed meanwhile: the page shows it as it stands now.' : null) : nothing;
  }

  /** Above the heads: what the last deletion of a head did, or that the head was gone or changed meanwhile. */
  function headActionDone() {
    if (state.actionGone) {
      return rowProblem(state.actionGone.error, 'head-action-problem', null, {}, state.actionGone.changed
        ? 'The mission changed meanwhile: the page shows it as it stands now.' : 'The page shows the heads as they stand now.');
    }
    return state.actionDone ? html`<p class="done" role="status" tabindex="-1" id="head-action-done">${state.actionDone}</p>`
      : nothing;
  }

  /** A head's "Delete…", or the question it asks: for a head recorded by mistake. */
  function headActions(h) {
    const key = `head-${h.id}`;
    const label = `${h.name}, ${words(h.rank)}, from ${fuzzy(h.startedOn, h.startedPrecision)}`;
    if (state.confirm === key) {
      return html`<div class="actions" role="group" @keydown=${escapeKeeps} aria-label="Delete the head of mission ${label}?"
          aria-describedby="${key}-deleting">
        <small id="${key}-deleting">For a head recorded by mistake: removed from the record, as if never recorded (a head
          whose functions ended is ended instead).</small>
        <button type="button" aria-busy=${busy(key)} aria-disabled=${held()} @click=${() => deleteHead(h)}>Yes, delete</button>
        <button type="button" class="secondary outline" data-keep
          @click=${replacing(() => { state.confirm = null; update(); }, '[data-action=delete]')}>Keep it</button></div>`;
    }
    return html`<button type="button" class="secondary outline" aria-label="Delete the head of mission ${label}…"
      data-action="delete" @click=${replacing(() => { state.confirm = key; update(); }, '[data-keep]')}>Delete…</button>`;
  }

  /** The mission's "Delete…", or the question it asks: for a mission recorded by mistake, whatever its status. */
  function missionDelete(m) {
    const place = '#mission-delete';
    return html`<section aria-labelledby="mission-delete-title">
      <h2 id="mission-delete-title">Recorded by mistake</h2>
      <div id="mission-delete" data-row-actions>${state.confirm === 'mission'
        ? html`<div class="actions" role="group" @keydown=${escapeKeeps} aria-label="Delete this mission?"
            aria-describedby="mission-deleting">
          <small id="mission-deleting">It is removed from the record, as if never recorded${m.predecessorId
            && m.status === 'OPEN' ? ': what its opening closed in its place opens again, where it can' : ''}. Refused
            while a head of mission is recorded on it, a milestone or an accreditation refers to it, or another mission
            superseded it (R21).</small>
          <button type="button" aria-busy=${busy('mission')} aria-disabled=${held()}
            @click=${() => deleteMission(m)}>Yes, delete</button>
          <button type="button" class="secondary outline" data-keep
            @click=${replacing(() => { state.confirm = null; update(); }, '[data-action=delete]', place)}>Keep it</button></div>`
        : html`<button type="button" class="secondary outline" aria-label="Delete this mission…" data-action="delete"
            @click=${replacing(() => { state.confirm = 'mission'; update(); }, '[data-keep]', place)}>Delete…</button>`}
        ${actionProblem('mission', 'mission-delete-problem')}</div>
    </section>`;
  }

  const name = (code) => state.names.get(code)?.name || code;
  const searchLabel = () => `Diplomat of ${name(state.mission.sendingCountry)}`;
  // a diplomat chosen answers the refusal to appoint none (the search it pointed to gives way to the choice)
  const pick = (diplomat) => {
    state.chosen = diplomat;
    if (forms.appoint.error instanceof FieldRefusal) forms.appoint.error = null;
  };

  /** That the mission changed meanwhile; the refusal too when the form that was refused is no longer drawn. */
  function changedNotice(m, consular, serving) {
    if (!state.changed) return nothing;
    const { error, form } = state.changed;
    const drawn = { open: m.status === 'PLANNED', cancel: m.status === 'PLANNED', close: m.status === 'OPEN',
      appoint: !consular && m.status !== 'CANCELLED', end: serving.length > 0 }[Object.keys(forms).find((k) => forms[k] === form)];
    const text = 'The mission changed meanwhile: the page shows it as it stands now.';
    return drawn ? html`<p class="notice" id="mission-changed" tabindex="-1">${text}</p>`
      : rowProblem(error, 'mission-changed', null, {}, text);
  }

  function update() {
    if (signal.aborted) return;
    const m = state.mission;
    if (!m) {
      render(html`<p><a href=${href('/missions')}>← Missions</a></p><h1>Mission ${id}</h1>${readError(state.error)}
        ${state.error ? nothing : html`<p aria-busy="true">Loading…</p>`}`, root);
      return;
    }
    const consular = CONSULAR_TYPES.includes(m.type);
    const serving = m.heads.filter((h) => !h.endedOn);
    render(html`
      <p><a href=${href(`/relations/${m.sendingCountry}/${m.receivingCountry}`)}>← ${name(m.sendingCountry)} – ${name(m.receivingCountry)}</a></p>
      <h1>${words(m.type)} of ${name(m.sendingCountry)} in ${m.city || name(m.receivingCountry)}</h1>
      <dl class="summary-grid" id="mission-summary">
        <div><dt>Status</dt><dd><span class="badge" data-status=${m.status} id="mission-status">${words(m.status)}</span></dd></div>
        <div><dt>Sending → receiving</dt><dd>${m.sendingCountry} → ${m.receivingCountry}</dd></div>
        <div><dt>City</dt><dd>${m.city || 'not known'}</dd></div>
        <div><dt>Planned opening</dt><dd>${m.plannedOpening || '—'}</dd></div>
        <div><dt>Opened</dt><dd id="mission-opened">${fuzzy(m.openedOn, m.openedPrecision)}</dd></div>
        <div><dt>Closed</dt><dd>${fuzzy(m.closedOn, m.closedPrecision)}${m.closingReason ? html`<br><small
          title=${CLOSING_REASONS[m.closingReason] ? m.closingReason : nothing}>${closingReason(m.closingReason)}</small>` : nothing}</dd></div>
        ${m.protectingPower ? html`<div><dt>Protecting power</dt><dd>${name(m.protectingPower)}</dd></div>` : nothing}
        ${m.predecessorId ? html`<div><dt>Succeeds</dt><dd><a href=${href(`/missions/${m.predecessorId}`)}>mission ${m.predecessorId}</a></dd></div>` : nothing}
        ${m.successorId ? html`<div><dt>Superseded by</dt><dd><a href=${href(`/missions/${m.successorId}`)}>mission ${m.successorId}</a></dd></div>` : nothing}
      </dl>
      ${m.sources?.length ? html`<p>Sources: ${m.sources.map((s) => html`<a href=${s.url} rel="noopener">${s.title || s.publisher || s.url}</a> `)}</p>` : nothing}

      <h2>Heads of mission</h2>
      ${headActionDone()}
      ${m.heads.length ? html`<div class="table-wrap" tabindex="0" role="region" aria-label="Heads of mission"><table id="heads-table"><caption class="visually-hidden">Heads of mission</caption>
        <thead><tr><th scope="col">Head</th><th scope="col">Rank</th><th scope="col">Agrément</th><th scope="col">Started</th><th scope="col">Ended</th><th scope="col">Actions</th></tr></thead>
        <tbody>${m.heads.map((h) => html`<tr data-head=${h.id}><th scope="row"><a href=${href(`/diplomats/${h.diplomatId}`)}>${h.name}</a></th>
          <td>${words(h.rank)}</td><td class="date">${h.agrementOn || '—'}</td><td class="date">${fuzzy(h.startedOn, h.startedPrecision)}</td>
          <td class="date">${h.endedOn ? fuzzy(h.endedOn, h.endedPrecision) : 'serving'}</td>
          <td>${headActions(h)}${actionProblem(`head-${h.id}`, 'head-action-problem')}</td></tr>`)}</tbody>
      </table></div>` : html`<p>None recorded.</p>`}

      ${changedNotice(m, consular, serving)}
      <h2>What happens next</h2>
      ${m.status === 'PLANNED' ? html`
        <details open id="open-mission"><summary>Open the mission</summary>
          <form id="open-form" @submit=${send(forms.open, open)} novalidate>
            ${problem(forms.open)}
            <div class="grid-2">
              ${field(forms.open, { name: 'date', label: 'Opened on', type: 'date', required: true, max: today() })}
              ${field(forms.open, { name: 'datePrecision', label: 'Date known to the', options: PRECISIONS.filter((p) => p !== 'DAY'), empty: 'Day (default)' })}
            </div>
            <fieldset><legend>A past mission: it has closed since</legend>
              <div class="grid-3">
                ${field(forms.open, { name: 'closedOn', label: 'Closed on', type: 'date', max: today(),
                  hint: 'Recorded with the opening, so that a later embassy of the direction or a later severance does not stand in its way.' })}
                ${field(forms.open, { name: 'closedPrecision', label: 'Closing known to the', options: PRECISIONS.filter((p) => p !== 'DAY'), empty: 'Day (default)' })}
                ${field(forms.open, { name: 'closingReason', label: 'Reason for closing' })}
              </div>
            </fieldset>
            ${submitButton(forms.open, 'Open it')}
          </form>
        </details>
        <details id="cancel-mission"><summary>Cancel the plan</summary>
          <form id="cancel-form" @submit=${send(forms.cancel, cancel)}>
            ${problem(forms.cancel)}
            <p>The mission will never open: its status becomes Cancelled.</p>
            ${submitButton(forms.cancel, 'Cancel the mission')}
          </form>
        </details>` : nothing}
      ${m.status === 'OPEN' ? html`
        <details open id="close-mission"><summary>Close the mission</summary>
          <form id="close-form" @submit=${send(forms.close, close)} novalidate>
            ${problem(forms.close)}
            <div class="grid-3">
              ${field(forms.close, { name: 'date', label: 'Closed on', type: 'date', required: true, max: today() })}
              ${field(forms.close, { name: 'datePrecision', label: 'Date known to the', options: PRECISIONS.filter((p) => p !== 'DAY'), empty: 'Day (default)' })}
              ${field(forms.close, { name: 'reason', label: 'Reason' })}
            </div>
            ${submitButton(forms.close, 'Close it')}
          </form>
        </details>` : nothing}
      ${m.status === 'CANCELLED' ? html`<p>The mission is cancelled: nothing more happens to it.</p>` : nothing}
      ${m.status === 'CLOSED' ? html`<p>The mission is closed: nothing more happens to it, but the heads it had may still be
        recorded, each with the day their functions ended.</p>` : nothing}
      ${done(forms.open, forms.open.done?.status === 'CLOSED' ? `The mission is recorded: open from ${fuzzy(
        forms.open.done.openedOn, forms.open.done.openedPrecision)} until ${fuzzy(forms.open.done.closedOn,
        forms.open.done.closedPrecision)}.` : 'The mission is open.')}${done(forms.close, 'The mission is closed.')}${done(forms.cancel, 'The mission is cancelled.')}

      ${consular ? html`<p>Heads of mission are for diplomatic missions only (R15), not consular posts.</p>`
        : m.status !== 'CANCELLED' ? html`
        <details id="appoint-head" ?open=${Boolean(forms.appoint.error) || state.appointOpen}
          @toggle=${(e) => { state.appointOpen = e.target.open; }}><summary>${m.status === 'CLOSED' ? 'Record a past head of mission' : 'Appoint a head of mission'}</summary>
          <form id="appoint-form" @submit=${send(forms.appoint, appoint)} novalidate>
            ${problem(forms.appoint)}
            ${done(forms.appoint, `${forms.appoint.done?.name || 'The head'} appointed.`)}
            ${diplomatChoice(state.search, update, { chosen: state.chosen, chosenId: 'chosen-diplomat', what: 'Head',
              onClear: () => { state.chosen = null; }, id: 'head-search', label: searchLabel(),
              country: m.sendingCountry, signal, onPick: pick,
              errorId: fieldMessages(forms.appoint, 'diplomatId').length ? 'appoint-diplomat-error' : undefined })}
            ${fieldMessages(forms.appoint, 'diplomatId').length ? html`<p class="field-error" id="appoint-diplomat-error">${fieldMessages(forms.appoint, 'diplomatId').join(' ')}</p>` : nothing}
            <div class="grid-2">
              ${field(forms.appoint, { name: 'rank', label: 'Rank', options: HEAD_RANKS, required: true })}
              ${field(forms.appoint, { name: 'agrementOn', label: 'Agrément on', type: 'date',
                hint: 'An ambassador or envoy needs the receiving state\'s agrément on or before the start (R14).' })}
              ${field(forms.appoint, { name: 'startedOn', label: 'Took up functions on', type: 'date', required: true, max: today() })}
              ${field(forms.appoint, { name: 'datePrecision', label: 'Start known to the', options: PRECISIONS.filter((p) => p !== 'DAY'), empty: 'Day (default)',
                hint: 'Year or month: the date is the first day of that period.' })}
              ${field(forms.appoint, { name: 'endedOn', label: 'Ended on (for a past head)', type: 'date' })}
              ${field(forms.appoint, { name: 'endedPrecision', label: 'End known to the', options: PRECISIONS.filter((p) => p !== 'DAY'), empty: 'Day (default)' })}
            </div>
            ${sourceFields(forms.appoint)}
            ${submitButton(forms.appoint, 'Appoint')}
          </form>
        </details>` : nothing}
      ${done(forms.end, 'The head\'s functions ended.')}
      ${serving.length ? html`<details id="end-head"><summary>End a head's functions</summary>
        <form id="end-head-form" @submit=${send(forms.end, endHead)} novalidate>
          ${problem(forms.end)}
          <div class="grid-2">
            ${field(forms.end, { name: 'headId', label: 'Head', required: true,
              value: serving.length === 1 && state.changed?.form !== forms.end ? serving[0].id : undefined,
              options: serving.map((h) => ({ value: h.id, label: `${h.name} (${words(h.rank)}, since ${fuzzy(h.startedOn, h.startedPrecision)})` })) })}
            ${field(forms.end, { name: 'date', label: 'Ended on', type: 'date', required: true, max: today() })}
            ${field(forms.end, { name: 'datePrecision', label: 'Date known to the', options: PRECISIONS.filter((p) => p !== 'DAY'), empty: 'Day (default)' })}
          </div>
          ${submitButton(forms.end, 'End functions')}
        </form></details>` : nothing}
      ${missionDelete(m)}`, root);
  }

  // a problem that asked to sign in says, once signed in, to submit again
  onSignInOrOut(signal, () => update());
  update();
  await load();
  update();
}
