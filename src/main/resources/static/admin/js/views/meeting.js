// One meeting (#/meetings/9): who met whom, where and when, with what outcome; an editor may delete it.
import { html, render, nothing } from 'lit-html';
import { get, del } from '../api.js';
import { href, navigate } from '../router.js';
import { words, fuzzy } from '../format.js';
import { formState, problem, submit, submitButton, readError } from '../forms.js';
import { onSignInOrOut } from '../auth.js';

export default async function meetingView({ root, params, signal }) {
  const state = { meeting: null, error: null };
  const form = formState('delete-meeting');
  const remove = () => del(`/api/meetings/${encodeURIComponent(params.id)}`).then(() => navigate('/meetings', {}, {
    notice: `The meeting ${state.meeting.title ? `“${state.meeting.title}”` : `of ${state.meeting.countries.join(', ')}`}`
      + ` (id ${params.id}) was deleted.`,
  }));

  function update() {
    if (signal.aborted) return;
    const m = state.meeting;
    render(html`<p><a href=${href('/meetings')}>← Meetings</a></p>
      <h1>${m ? (m.title || `Meeting of ${m.countries.join(', ')}`) : `Meeting ${params.id}`}</h1>
      ${readError(state.error)}
      ${m ? html`
        <dl class="summary-grid" id="meeting-summary">
          <div><dt>Date</dt><dd>${fuzzy(m.date, m.datePrecision)}</dd></div>
          <div><dt>Where</dt><dd>${m.city ? html`<bdi>${m.city}</bdi>, ` : ''}${m.country}</dd></div>
          <div><dt>Kind</dt><dd>${words(m.kind)}${m.hostCountry ? ` (host ${m.hostCountry})` : ''}</dd></div>
          <div><dt>Countries</dt><dd>${m.countries.map((c, i) => html`${i ? ', ' : ''}${c}`)}</dd></div>
        </dl>
        ${m.countries.length === 2 ? html`<p><a href=${href(`/relations/${m.countries[0]}/${m.countries[1]}`)}>The relation ${m.countries.join(' – ')}</a></p>` : nothing}
        <h2>Participants</h2>
        <ul id="participants">${m.participants.map((p) => html`<li><a href=${href(`/diplomats/${p.diplomatId}`)}><bdi>${p.name}</bdi></a>
          (${p.country})${p.title ? html`, <bdi>${p.title}</bdi>` : ''}</li>`)}</ul>
        ${m.summary ? html`<h2>Summary</h2><p>${m.summary}</p>` : nothing}
        ${m.outcomes?.length ? html`<h2>Outcomes</h2><ul>${m.outcomes.map((o) => html`<li>${o}</li>`)}</ul>` : nothing}
        ${m.sources?.length ? html`<h2>Sources</h2><ul>${m.sources.map((s) => html`<li><a href=${s.url} rel="noopener"><bdi>${
          s.title || s.url}</bdi></a>${s.publisher ? html`, <bdi>${s.publisher}</bdi>` : nothing}${
          s.publishedOn ? `, ${s.publishedOn}` : ''}</li>`)}</ul>` : nothing}
        <details><summary>Delete this meeting</summary>
          <form @submit=${(e) => submit(e, form, update, remove)}>
            ${problem(form)}
            <p>The meeting and its participants are removed; the pairs' meeting counts follow.</p>
            ${submitButton(form, 'Delete the meeting')}
          </form></details>` : (state.error ? nothing : html`<p aria-busy="true">Loading…</p>`)}`, root);
  }
  // a problem that asked to sign in says, once signed in, to submit again
  onSignInOrOut(signal, () => update());
  update();
  try {
    state.meeting = await get(`/api/meetings/${encodeURIComponent(params.id)}`, {}, { signal });
  } catch (e) {
    if (e.name === 'AbortError') return;
    state.error = e;
  }
  update();
}
