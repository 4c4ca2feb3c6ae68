// Record a meeting (#/meetings/new?countries=CU,KR): when and where, and who took part, chosen by search;
// at least two diplomats of two countries (R17).
import { html, render, nothing } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { post } from '../api.js';
import { countries } from '../countries.js';
import { href, navigate } from '../router.js';
import { today, PRECISIONS } from '../format.js';
import { formState, field, fieldMessages, sourceFields, sourcesFrom, problem, submit, submitButton, countryOptions }
  from '../forms.js';
import { diplomatSearch } from '../diplomat-search.js';
import { onSignInOrOut } from '../auth.js';

export default async function meetingNewView({ root, query, signal }) {
  const form = formState('meeting', { ruleFields: { TOO_FEW_PARTIES: 'participants', COUNTRY_NOT_IN_EXISTENCE: 'date' } });
  form.labels.participants = 'Participants'; // the fieldset's legend: the summary links to it
  const map = await countries();
  const options = countryOptions(map);
  const state = { participants: [], search: {} };

  const record = (values) => post('/api/meetings', {
    date: values.date, datePrecision: values.datePrecision, city: values.city, country: values.country,
    title: values.title, summary: values.summary,
    outcomes: values.outcomes ? values.outcomes.split('\n').map((o) => o.trim()).filter(Boolean) : undefined,
    participants: state.participants.map((p) => ({ diplomatId: p.id, title: p.titleAtMeeting?.trim() || undefined })),
    sources: sourcesFrom(values),
  }).then((meeting) => {
    // said once, where the focus goes (a status drawn with its text is not reliably read out; a reload says nothing)
    navigate(`/meetings/${meeting.id}`, {}, { notice: 'The meeting is recorded.' });
    return meeting;
  });

  function participantErrors(i) {
    return form.error?.errors?.filter((e) => e.field.startsWith(`participants[${i}]`)).map((e) => e.message) || [];
  }

  /** The focus goes to the next participant's Remove, the one before, or the search for another. */
  function removeParticipant(i) {
    state.participants.splice(i, 1);
    if (form.error?.errors) {
      // an answer's errors of a participant go with them; those of the participants below move up with them
      const errors = form.error.errors.flatMap((e) => {
        const at = /^participants\[(\d+)\](.*)$/.exec(e.field);
        if (!at || Number(at[1]) < i) return [e];
        return Number(at[1]) === i ? [] : [{ ...e, field: `participants[${Number(at[1]) - 1}]${at[2]}` }];
      });
      form.error = { ...form.error, errors };
    }
    update();
    const buttons = root.querySelectorAll('#participants button');
    (buttons[Math.min(i, buttons.length - 1)] || root.querySelector('#participant-search'))?.focus();
  }

  function update() {
    if (signal.aborted) return;
    const general = fieldMessages(form, 'participants');
    // a participant's field an answer names is listed by the participant's name and linked to their title's input
    state.participants.forEach((p, i) => {
      for (const name of [`participants[${i}].title`, `participants[${i}].diplomatId`]) {
        form.labels[name] = `Title of ${p.name}`;
        form.targets[name] = `participant-title-${i}`;
      }
      form.labels[`participants[${i}].diplomatId`] = p.name;
    });
    render(html`<p><a href=${href('/meetings')}>← Meetings</a></p>
      <h1>Record a meeting</h1>
      <form id="meeting-form" @submit=${(e) => submit(e, form, update, record, { keep: true })} novalidate>
        ${problem(form)}
        <div class="grid-3">
          ${field(form, { name: 'date', label: 'Date', type: 'date', required: true, max: today() })}
          ${field(form, { name: 'datePrecision', label: 'Date known to the', options: PRECISIONS.filter((p) => p !== 'DAY'), empty: 'Day (default)' })}
          ${field(form, { name: 'country', label: 'Country where it took place', options, required: true,
            value: (query.countries || '').split(',')[1] })}
          ${field(form, { name: 'city', label: 'City' })}
          ${field(form, { name: 'title', label: 'Title' })}
        </div>
        ${field(form, { name: 'summary', label: 'Summary', type: 'textarea' })}
        ${field(form, { name: 'outcomes', label: 'Outcomes', type: 'textarea', hint: 'One outcome a line.' })}
        <fieldset id="${form.id}-participants" tabindex="-1"
          aria-describedby="participants-help${general.length ? ' participants-error' : ''}">
          <legend>Participants <span class="required" aria-hidden="true">*</span></legend>
          <small id="participants-help">At least two diplomats of at least two countries (R17). The title is the one
            they held at the meeting; leave it empty for their present title.</small>
          ${general.length ? html`<p class="field-error" id="participants-error">${general.join(' ')}</p>` : nothing}
          <ol class="participants" id="participants">${repeat(state.participants, (p) => p.id, (p, i) => html`<li data-diplomat=${p.id}>
            <span><strong>${p.name}</strong> (${p.country})</span>
            <label class="visually-hidden" for="participant-title-${i}">Title of ${p.name} at the meeting</label>
            <input id="participant-title-${i}" name="participants[${i}].title" placeholder=${p.title || 'Title at the meeting'}
              aria-label="Title of ${p.name} at the meeting" .value=${p.titleAtMeeting || ''}
              aria-invalid=${participantErrors(i).length ? 'true' : nothing}
              aria-describedby=${participantErrors(i).length ? `participant-title-${i}-error` : nothing}
              @input=${(e) => { p.titleAtMeeting = e.target.value; }}>
            <button type="button" class="secondary outline" aria-label="Remove ${p.name}"
              @click=${() => removeParticipant(i)}>Remove</button>
            ${participantErrors(i).length ? html`<small class="field-error" id="participant-title-${i}-error">${participantErrors(i).join(' ')}</small>` : nothing}
          </li>`)}</ol>
          ${diplomatSearch(state.search, update, { id: 'participant-search', label: 'Add a participant', signal,
            countries: options, exclude: state.participants.map((p) => p.id),
            onPick: (d) => { state.participants.push(d); } })}
        </fieldset>
        ${sourceFields(form)}
        ${submitButton(form, 'Record the meeting')}
      </form>`, root);
  }
  // a problem that asked to sign in says, once signed in, to submit again
  onSignInOrOut(signal, () => update());
  update();
}
