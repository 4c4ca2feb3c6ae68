// A diplomat (#/diplomats/1) or a new one (#/diplomats/new). The edit sends If-Match with the version it
// was based on: when someone else changed the diplomat meanwhile the API answers 412, and the page says
// so and offers to load the latest version.
import { html, render, nothing } from 'lit-html';
import { request } from '../api.js';
import { editable } from '../editable.js';
import { countries } from '../countries.js';
import { href, navigate } from '../router.js';
import { formState, field, sourceFields, sourcesFrom, problem, submit, submitButton, readError, done, countryOptions }
  from '../forms.js';
import { onSignInOrOut } from '../auth.js';

export default async function diplomatView({ root, params, signal }) {
  const isNew = !params.id;
  const map = await countries();
  const options = countryOptions(map);
  const diplomat = editable(`/api/diplomats/${encodeURIComponent(params.id)}`, { signal });
  const form = formState('diplomat', { ruleFields: { R20: 'country' } });
  const removal = formState('delete-diplomat');

  const reloadLatest = () => diplomat.reloadLatest([form, removal], update, () => root.querySelector('#diplomat-form'), 'name');

  function body(values) {
    const kept = diplomat.data?.sources || [];
    const added = sourcesFrom(values) || [];
    return { name: values.name, country: values.country, title: values.title, organization: values.organization,
      sources: [...kept, ...added] };
  }

  const save = async (values) => {
    if (isNew) {
      const answer = await request('POST', '/api/diplomats', { body: body(values) });
      navigate(`/diplomats/${answer.data.id}`, {},
        { notice: `The diplomat ${answer.data.name} was added (id ${answer.data.id}).` });
      return answer.data;
    }
    return diplomat.write('PUT', body(values));
  };

  const remove = () => diplomat.write('DELETE').then(() => navigate('/diplomats', {},
    { notice: `The diplomat ${diplomat.data.name} (id ${params.id}) was deleted.` }));

  function update() {
    if (signal.aborted) return;
    const d = diplomat.data;
    if (!isNew && !d) {
      render(html`<p><a href=${href('/diplomats')}>← Diplomats</a></p><h1>Diplomat ${params.id}</h1>${readError(diplomat.error)}
        ${diplomat.error ? nothing : html`<p aria-busy="true">Loading…</p>`}`, root);
      return;
    }
    render(html`<p><a href=${href('/diplomats')}>← Diplomats</a></p>
      <h1>${isNew ? 'Add a diplomat' : d.name}</h1>
      ${!isNew ? html`<p id="diplomat-version">Version ${d.version}${diplomat.reloaded ? ' — the latest, loaded again' : ''}.
        <a href=${href('/meetings', { diplomat: params.id })}>Meetings ${d.name} took part in</a> ·
        <a href=${href('/meetings', { country: d.country })}>Meetings of ${map.get(d.country)?.name || d.country}</a></p>` : nothing}
      <form id="diplomat-form" @submit=${(e) => submit(e, form, update, save, { keep: true })} novalidate>
        ${problem(form, { onReload: reloadLatest })}
        ${done(form, `Saved: version ${form.done?.version}.`)}
        <div class="grid-2">
          ${field(form, { name: 'name', label: 'Name', required: true, value: d?.name })}
          ${field(form, { name: 'country', label: 'Country', options, required: true, value: d?.country })}
          ${field(form, { name: 'title', label: 'Title', value: d?.title, hint: 'The title held now; meetings keep the title held then.' })}
          ${field(form, { name: 'organization', label: 'Organization', value: d?.organization })}
        </div>
        ${d?.sources?.length ? html`<p>Sources kept: ${d.sources.map((s) => html`<a href=${s.url} rel="noopener">${s.title || s.publisher || s.url}</a> `)}</p>` : nothing}
        ${sourceFields(form)}
        ${submitButton(form, isNew ? 'Add the diplomat' : 'Save changes')}
      </form>
      ${!isNew ? html`<details id="delete-diplomat"><summary>Delete this diplomat</summary>
        <form @submit=${(e) => submit(e, removal, update, remove)}>
          ${problem(removal, { onReload: reloadLatest })}
          <p>Refused while a meeting or a head of mission refers to the diplomat (R21).</p>
          ${submitButton(removal, 'Delete the diplomat')}
        </form></details>` : nothing}`, root);
  }

  if (!isNew && !(await diplomat.loadFirst())) return;
  // a problem that asked to sign in says, once signed in, to submit again
  onSignInOrOut(signal, () => update());
  update();
}
