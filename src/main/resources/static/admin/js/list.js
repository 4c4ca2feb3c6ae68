// A list page: the API's filters as a form in the address (#/missions?country=KR&page=2), its page, the
// paging links, and the same rows as CSV. Each list module says which endpoint, filters and columns.
import { html, render, nothing } from 'lit-html';
import { get } from './api.js';
import { href, navigate } from './router.js';
import { number, pageOf, plural, words } from './format.js';
import { readError } from './forms.js';

const SIZES = [20, 50, 100, 200];

/** A filter's field; `errors`: what the API said of the parameter it gives, shown under it. */
function filterField(filter, value, errors = []) {
  const id = `filter-${filter.name}`;
  const invalid = errors.length > 0;
  let control;
  if (filter.options) {
    const options = filter.options.map((o) => (typeof o === 'object' ? o : { value: o, label: words(o) }));
    control = html`<select id=${id} name=${filter.name} aria-invalid=${invalid ? 'true' : nothing}
        aria-describedby=${invalid ? `${id}-error` : nothing}>
      <option value="" ?selected=${!value}>${filter.any || '(any)'}</option>
      ${options.map((o) => html`<option value=${o.value} ?selected=${String(o.value) === value}>${o.label}</option>`)}
    </select>`;
  } else {
    control = html`<input id=${id} name=${filter.name} type=${filter.type || 'text'} value=${value || ''}
      placeholder=${filter.placeholder || nothing} list=${filter.list || nothing} inputmode=${filter.inputmode || nothing} aria-invalid=${invalid ? 'true' : nothing}
      aria-describedby=${invalid ? `${id}-error` : nothing}>`;
  }
  return html`<div class="field"><label for=${id}>${filter.label}</label>${control}
    ${invalid ? html`<small id="${id}-error" class="field-error">“${value}” ${errors.join(' ')}</small>` : nothing}</div>`;
}

/**
 * config: {title, intro, path (the route), endpoint, filters [{name, label, options?, type?, inputmode?, toApi?}],
 * defaults {}, head (th cells), row(item) (a tr), empty (text), before(), afterFilters() (what the filters choose,
 * drawn below them: a chart of the list), after(), csv (true)}
 */
export async function listPage({ root, query, all, signal }, config) {
  const { page, notice: pageNotice } = pageOf(query);
  const size = SIZES.includes(Number(query.size)) ? Number(query.size) : 20;
  const notices = [pageNotice, query.size && !SIZES.includes(Number(query.size))
    ? `“${query.size}” rows per page is not offered (${SIZES.join(', ')}): 20 are shown.` : null].filter(Boolean);
  const state = { data: null, error: null };
  const filterValues = {};
  const apiQuery = { ...(config.defaults || {}) };
  // an order the address asks for (?sort=name,desc, as the API takes it) is the API's to follow or to refuse, in
  // words: it is kept by the paging links, the filter form and the CSV, and said above the list
  const sort = all.getAll('sort').filter(Boolean);
  if (sort.length) apiQuery.sort = sort;
  for (const filter of config.filters) {
    const value = filter.multiple ? all.getAll(filter.name).filter(Boolean) : query[filter.name];
    filterValues[filter.name] = Array.isArray(value) ? value.join(',') : value;
    if (value && value.length !== 0) apiQuery[filter.apiName || filter.name] = filter.toApi ? filter.toApi(value) : value;
  }

  // the API names the order it refused (field "sort"): the filter form does not ask for it again
  const sortRefused = () => (state.error?.errors || []).some((e) => e.field === 'sort');

  function search(event) {
    event.preventDefault();
    const data = new FormData(event.target);
    const next = {};
    for (const filter of config.filters) {
      const v = (data.get(filter.name) || '').trim();
      if (v) next[filter.name] = filter.multiple ? v.split(',').map((x) => x.trim()).filter(Boolean) : v;
    }
    if (size !== 20) next.size = size;
    if (sort.length && !sortRefused()) next.sort = sort;
    navigate(config.path, next);
  }

  /** The page typed in the paging bar (1 to the last: the browser refuses another before it is sent). */
  function jump(event) {
    event.preventDefault();
    const chosen = Number(new FormData(event.target).get('page'));
    // the address of the page shown asked again changes nothing, and nothing is read again
    window.location.hash = here({ page: chosen > 1 ? chosen - 1 : undefined });
  }

  const here = (changes) => href(config.path, { ...Object.fromEntries(config.filters
    .map((f) => [f.name, f.multiple ? all.getAll(f.name) : query[f.name]])), size: size === 20 ? undefined : size,
  sort: sort.length ? sort : undefined, ...changes });

  function update() {
    if (signal.aborted) return;
    const data = state.data;
    const total = data?.page?.totalElements ?? 0;
    const pages = data?.page?.totalPages ?? 0;
    const pastEnd = total > 0 && page >= pages; // an address kept from a longer list, or typed
    const csvQuery = new URLSearchParams();
    for (const [k, v] of Object.entries(apiQuery)) (Array.isArray(v) ? v : [v]).forEach((x) => csvQuery.append(k, x));
    csvQuery.set('format', 'csv');
    render(html`
      <h1 aria-describedby=${data ? 'list-count-words' : nothing}>${config.title}</h1>
      ${config.intro ? html`<p>${config.intro}</p>` : nothing}
      ${config.before ? config.before(state) : nothing}
      <form class="filters" role="search" aria-label="Filter ${config.title.toLowerCase()}" @submit=${search}>
        ${config.filters.map((f) => filterField(f, filterValues[f.name],
          (state.error?.errors || []).filter((e) => e.field === (f.apiName || f.name)).map((e) => e.message)))}
        <button type="submit">Filter</button>
        <a href=${href(config.path)}>Clear</a>
      </form>
      ${readError(state.error)}
      ${notices.map((notice) => html`<p class="notice" role="status">${notice}</p>`)}
      ${config.afterFilters ? config.afterFilters(state) : nothing}
      ${sort.length && (!state.error || sortRefused()) ? html`<p class="notice" role="status" id="list-sort">${
        sortRefused() ? 'The order the address asks for' : 'Sorted by'}
        ${sort.map((s, i) => html`${i ? ', then ' : ''}<code>${s}</code>`)}${
        sortRefused() ? ' is not one this list offers (above).' : ', as the address asks.'}
        <a href=${here({ sort: undefined, page: undefined })}>The list's own order</a></p>` : nothing}
      ${config.message ? config.message(state) : nothing}
      ${!data && !state.error ? html`<p aria-busy="true">Loading…</p>` : nothing}
      ${data ? html`
        <p id="list-count" role="status"><span id="list-count-words">${total === 0 ? (config.empty || 'Nothing matches.')
            : pastEnd ? html`${number(total)} in all, on ${plural(pages, 'page')}: page ${number(page + 1)} is past the last.`
            : html`${number(total)} in all; page ${number(page + 1)} of ${number(pages)}.`}</span>${pastEnd ? html`
              <a href=${here({ page: pages > 1 ? pages - 1 : undefined })} id="last-page">Go to the last page</a>.` : nothing}
          ${config.csv === false ? nothing : html`<a href="${config.endpoint}?${csvQuery.toString()}" download>Download all as CSV</a>`}</p>
        ${total && !pastEnd ? html`<div class="table-wrap" tabindex="0" role="region" aria-label=${config.title}><table id="list-table">
          <caption class="visually-hidden">${config.title}, page ${number(page + 1)} of ${number(pages)}</caption>
          <thead><tr>${config.head}</tr></thead>
          <tbody>${data.content.map((item) => config.row(item, state))}</tbody>
        </table></div>` : nothing}
        <nav class="paging" aria-label="Pages">
          ${page > 1 && pages > 2 ? html`<a href=${here({ page: undefined })} id="first-page">« First</a>` : nothing}
          ${page === 0 ? html`<span aria-disabled="true">← Previous</span>` : html`<a rel="prev"
            href=${here({ page: Math.min(page, pages) > 1 ? Math.min(page, pages) - 1 : undefined })}>← Previous</a>`}
          ${pages && !pastEnd ? html`<span>Page ${number(page + 1)} of ${number(pages)}</span>` : nothing}
          ${page + 1 >= pages ? html`<span aria-disabled="true">Next →</span>`
            : html`<a href=${here({ page: page + 1 })} rel="next">Next →</a>`}
          ${page + 2 < pages ? html`<a href=${here({ page: pages - 1 })} id="last-page-link">Last »</a>` : nothing}
          ${pages > 2 ? html`<form class="page-jump" @submit=${jump}><label for="page-jump">Page</label>
            <input id="page-jump" name="page" type="number" inputmode="numeric" required min="1" max=${pages} step="1"
              .value=${String(Math.min(page, pages - 1) + 1)}>
            <button type="submit" class="secondary outline">Go</button></form>` : nothing}
          <span>Rows per page: ${SIZES.map((s) => (s === size ? html`<strong aria-current="true">${s}</strong> `
            : html`<a href=${here({ size: s === 20 ? undefined : s, page: undefined })}>${s}</a> `))}</span>
        </nav>` : nothing}
      ${config.after ? config.after(state) : nothing}`, root);
  }

  state.reload = async () => {
    try {
      state.data = await get(config.endpoint, { ...apiQuery, page, size, sort: sort.length ? sort : config.sort }, { signal });
      state.error = null;
    } catch (e) {
      if (e.name === 'AbortError') return;
      state.error = e;
      state.data = null;
    }
    update();
  };
  state.update = update;
  update();
  await state.reload();
  return state;
}
