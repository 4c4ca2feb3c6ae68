// A diplomat (#/diplomats/1) or a new one (#/diplomats/new). The edit sends If-Match with the version it
// was based on: when someone else changed the diplomat meanwhile the API answers 412, and the page says
// so and offers to load the latest version.
import { html, render, nothing } from 'lit-html';
import { request, del } from '../api.js';
import { countries } from '../countries.js';
import { href, navigate } from '../router.js';
import { formState, field, sourceFields, sourcesFrom, problem, submit, submitButton, readError, done, countryOptions }
  from '../forms.js';

export default async function diplomatView({ root, params, signal }) {
  const isNew = !params.id;
  const map = await countries();
  const options = countryOptions(map);
  const state = { diplomat: null, etag: null, error: null, reloaded: false };
  const form = formState('diplomat', { ruleFields: { DIPLOMAT_NOT_OF_SENDING_COUNTRY: 'country' } });
  const removal = formState('delete-diplomat');

  async function load() {
    const answer = await request('GET', `/api/diplomats/${params.id}`, { signal });
    state.diplomat = answer.data;
    state.etag = answer.headers.get('ETag');
  }

  async function reloadLatest() {
    try {
      await load();
      form.error = null;
      form.done = null;
      state.reloaded = true;
    } catch (e) {
      form.error = e;
    }
    update();
    root.querySelector('#diplomat-form')?.reset();
    root.querySelector('#diplomat-form input[name=name]')?.focus();
  }

  function body(values) {
    const kept = state.diplomat?.sources || [];
    const added = sourcesFrom(values) || [];
    return { name: values.name, country: values.country, title: values.title, organization: values.organization,
      sources: [...kept, ...added] };
  }

  const save = async (values) => {
    state.reloaded = false;
    if (isNew) {
      const answer = await request('POST', '/api/diplomats', { body: body(values) });
      navigate(`/diplomats/${answer.data.id}`);
      return answer.data;
    }
    const answer = await request('PUT', `/api/diplomats/${params.id}`, { body: body(values),
      headers: state.etag ? { 'If-Match': state.etag } : {} });
    state.diplomat = answer.data;
    state.etag = answer.headers.get('ETag');
    return answer.data;
  };

  const remove = () => del(`/api/diplomats/${params.id}`, { headers: state.etag ? { 'If-Match': state.etag } : {} })
    .then(() => navigate('/diplomats'));

  function update() {
    if (signal.aborted) return;
    const d = state.diplomat;
    if (!isNew && !d) {
      render(html`<p><a href=${href('/diplomats')}>← Diplomats</a></p><h1>Diplomat ${params.id}</h1>${readError(state.error)}
        ${state.error ? nothing : html`<p aria-busy="true">Loading…</p>`}`, root);
      return;
    }
    render(html`<p><a href=${href('/diplomats')}>← Diplomats</a></p>
      <h1>${isNew ? 'Add a diplomat' : d.name}</h1>
      ${!isNew ? html`<p id="diplomat-version">Version ${d.version}${state.reloaded ? ' — the latest, loaded again' : ''}.
        <a href=${href('/meetings', { country: d.country })}>Meetings of ${d.country}</a></p>` : nothing}
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
      ${!isNew ? html`<details><summary>Delete this diplomat</summary>
        <form @submit=${(e) => submit(e, removal, update, remove)}>
          ${problem(removal, { onReload: reloadLatest })}
          <p>Refused while a meeting or a head of mission refers to the diplomat (R21).</p>
          ${submitButton(removal, 'Delete the diplomat')}
        </form></details>` : nothing}`, root);
  }

  if (!isNew) {
    try {
      await load();
    } catch (e) {
      if (e.name === 'AbortError') return;
      state.error = e;
    }
  }
  update();
}
