// Plan a mission (#/missions/new?sending=CU&receiving=KR): it starts PLANNED; opening it is the next step.
import { html, render } from 'lit-html';
import { post } from '../api.js';
import { countries } from '../countries.js';
import { navigate, href } from '../router.js';
import { MISSION_TYPES } from '../format.js';
import { formState, field, sourceFields, sourcesFrom, problem, submit, submitButton, countryOptions } from '../forms.js';
import { onSignInOrOut } from '../auth.js';

export default async function missionNewView({ root, query, signal }) {
  const form = formState('mission', { ruleFields: { SAME_COUNTRY: 'receivingCountry', INTERESTS_SECTION_NOT_ALLOWED: 'protectingPower' } });
  const map = await countries();
  const options = countryOptions(map);

  const plan = (values) => post('/api/missions', {
    sendingCountry: values.sendingCountry, receivingCountry: values.receivingCountry, type: values.type,
    city: values.city, plannedOpening: values.plannedOpening, protectingPower: values.protectingPower,
    sources: sourcesFrom(values),
  }).then((mission) => {
    // said once, where the focus goes (a status drawn with its text is not reliably read out; a reload says nothing)
    navigate(`/missions/${mission.id}`, {}, { notice: 'The mission is planned. Open it below once it opens.' });
    return mission;
  });

  function update() {
    if (signal.aborted) return;
    render(html`<p><a href=${href('/missions')}>← Missions</a></p>
      <h1>Plan a mission</h1>
      <p>A mission starts as planned; open it (or cancel it) on its own page. The rules of opening (R5–R9) are
        checked when it opens.</p>
      <form id="mission-form" @submit=${(e) => submit(e, form, update, plan, { keep: true })} novalidate>
        ${problem(form)}
        <div class="grid-2">
          ${field(form, { name: 'sendingCountry', label: 'Sending country', options, required: true, value: query.sending })}
          ${field(form, { name: 'receivingCountry', label: 'Receiving country', options, required: true, value: query.receiving })}
          ${field(form, { name: 'type', label: 'Type', options: MISSION_TYPES, required: true, value: query.type })}
          ${field(form, { name: 'city', label: 'City', hint: 'Leave empty where it is not known.' })}
          ${field(form, { name: 'plannedOpening', label: 'Planned opening', placeholder: '2024-07',
            hint: 'Optional: 2024, 2024-H1, 2024-Q3, 2024-07 or 2024-07-15.' })}
          ${field(form, { name: 'protectingPower', label: 'Protecting power', options,
            hint: 'For an interests section only: the third country that protects the sending country\'s interests.' })}
        </div>
        ${sourceFields(form)}
        ${submitButton(form, 'Plan the mission')}
      </form>`, root);
  }
  // a problem that asked to sign in says, once signed in, to submit again
  onSignInOrOut(signal, () => update());
  update();
}
