// A country (#/countries/DD) or a new one (#/countries/new). Adding a country outside ISO 3166-1 and
// changing a country's name or lifetime need the ADMIN role. The change sends If-Match with the version it
// was based on: when someone else changed the country meanwhile the API answers 412, and the page offers
// the latest version. A lifetime that would leave a recorded fact outside it is refused (R20), naming it.
import { html, render, nothing } from 'lit-html';
import { request } from '../api.js';
import { editable } from '../editable.js';
import { forgetCountries } from '../countries.js';
import { href, navigate } from '../router.js';
import { formState, field, sourceFields, sourcesFrom, problem, submit, submitButton, readError, done } from '../forms.js';
import { onSignInOrOut } from '../auth.js';

export default async function countryView({ root, params, signal }) {
  const isNew = !params.code;
  const country = editable(`/api/countries/${encodeURIComponent(params.code)}`, { signal });
  // a lifetime refused (R20, R22) concerns the end of it that was changed, where only one was
  const changedEnd = (values) => {
    const changed = ['startedOn', 'endedOn'].filter((name) => (values[name] ?? null) !== (country.data?.[name] ?? null));
    return changed.length === 1 ? changed[0] : null;
  };
  const form = formState('country', { ruleFields: { R20: changedEnd, R22: changedEnd } });

  const reloadLatest = () => country.reloadLatest([form], update, () => root.querySelector('#country-form'), 'name');

  const save = async (values) => {
    const lifetime = { startedOn: values.startedOn ?? null, endedOn: values.endedOn ?? null };
    if (isNew) {
      const body = { code: values.code, alpha3: values.alpha3, numeric: values.numeric, name: values.name, ...lifetime,
        sources: sourcesFrom(values) };
      const answer = await request('POST', '/api/countries', { body });
      forgetCountries();
      navigate(`/countries/${answer.data.code}`, {},
        { notice: `The country ${answer.data.name} (${answer.data.code}) was added.` });
      return answer.data;
    }
    // a full replacement: the sources already recorded are sent again, with the one added here
    const sources = [...(country.data.sources || []), ...(sourcesFrom(values) || [])];
    const changed = await country.write('PUT', { name: values.name, ...lifetime, sources });
    forgetCountries();
    return changed;
  };

  function facts(c) {
    return html`<dl class="summary-grid" id="country-summary">
      <div><dt>Alpha-2 · alpha-3 · numeric</dt><dd>${c.code} · ${c.alpha3} · ${c.numeric || 'none'}</dd></div>
      <div><dt>Existed from</dt><dd>${c.startedOn || 'not known'}</dd></div>
      <div><dt>Existed until</dt><dd>${c.endedOn
        ? html`${c.endedOn} <span class="badge" data-status="FORMER">former state</span>` : 'it has not ended'}</dd></div>
    </dl>
    ${c.sources?.length ? html`<p>Sources: ${c.sources.map((s) => html`<a href=${s.url}
      rel="noopener">${s.title || s.publisher || s.url}</a> `)}</p>` : nothing}
    <p><a href=${href('/map', { country: c.code, asOf: c.endedOn || undefined })}>Map of its relations</a> ·
      <a href=${href('/relations', { country: c.code, asOf: c.endedOn || undefined })}>Relations</a> ·
      <a href=${href('/missions', { country: c.code })}>Missions</a> ·
      <a href=${href('/meetings', { country: c.code })}>Meetings</a> ·
      <a href=${href('/diplomats', { country: c.code })}>Diplomats</a> ·
      <a href=${href('/observations', { country: c.code, direction: 'SENDING' })}>Observations</a></p>`;
  }

  const lifetimeHint = 'A lifetime that would leave a recorded fact (an event, a mission, a meeting…) outside it is '
    + 'refused, naming the fact (R20).';

  function update() {
    if (signal.aborted) return;
    const c = country.data;
    if (!isNew && !c) {
      render(html`<p><a href=${href('/countries')}>← Countries</a></p><h1>Country ${params.code}</h1>${readError(country.error)}
        ${country.error ? nothing : html`<p aria-busy="true">Loading…</p>`}`, root);
      return;
    }
    render(html`<p><a href=${href('/countries')}>← Countries</a></p>
      <h1>${isNew ? 'Add a country' : c.name}</h1>
      ${isNew ? html`<p>For a state outside ISO 3166-1 — a historical state, an entity with a user-assigned code such as
          Kosovo (XK). Needs the ADMIN role.</p>` : facts(c)}
      ${isNew ? nothing : html`<h2>Change the name or lifetime</h2>
        <p id="country-version">Version ${c.version}${country.reloaded ? ' — the latest, loaded again' : ''}. Needs the ADMIN role.</p>`}
      <form id="country-form" @submit=${(e) => submit(e, form, update, save, { keep: true })} novalidate>
        ${problem(form, { onReload: reloadLatest })}
        ${done(form, `Saved: version ${form.done?.version}.`)}
        ${isNew ? html`<div class="grid-2">
          ${field(form, { name: 'code', label: 'Alpha-2 code', required: true, pattern: '[A-Za-z]{2}', placeholder: 'XK',
            hint: 'Two letters; stored in capitals.', autocomplete: 'off' })}
          ${field(form, { name: 'alpha3', label: 'Alpha-3 code', required: true, pattern: '[A-Za-z]{3}', placeholder: 'XKX',
            autocomplete: 'off' })}
          ${field(form, { name: 'numeric', label: 'Numeric code', pattern: '[0-9]{3}', inputmode: 'numeric',
            hint: 'Three digits, if it has one.', autocomplete: 'off' })}
          </div>` : nothing}
        ${field(form, { name: 'name', label: 'Name', required: true, value: c?.name })}
        <div class="grid-2">
          ${field(form, { name: 'startedOn', label: 'Existed from', type: 'date', value: c?.startedOn,
            hint: 'First day as a state; empty: not known.' })}
          ${field(form, { name: 'endedOn', label: 'Existed until', type: 'date', value: c?.endedOn,
            hint: `Last day as a state; empty: it has not ended. ${lifetimeHint}` })}
        </div>
        ${sourceFields(form)}
        ${submitButton(form, isNew ? 'Add the country' : 'Save changes')}
      </form>`, root);
  }

  if (!isNew && !(await country.loadFirst())) return;
  // a problem that asked to sign in says, once signed in, to submit again
  onSignInOrOut(signal, () => update());
  update();
}
