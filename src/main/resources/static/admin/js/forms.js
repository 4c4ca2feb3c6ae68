// Form pieces shared by every write: labelled fields that show their own errors, an error summary in
// words at the top (rule id and code, sign-in for 401, role for 403), and a submit helper that keeps
// the form as typed when the API refuses it (nothing is half-saved: the API answers all or nothing).
// A rule's refusal names no field, so each form says which of its fields a rule concerns: the refusal is
// shown next to that field too (a date after today, R3, next to the date typed after today).
import { html, nothing } from 'lit-html';
import { ApiError } from './api.js';
import { currentUser } from './auth.js';
import { today, words } from './format.js';

let forms = 0;

/**
 * A refusal the page makes itself, before sending anything, about one of its fields (no format chosen, no diplomat
 * chosen): shown next to that field and linked from the summary as the API's field errors are. target and label:
 * the id of the element to focus and its name in words, where the field is not drawn by `field` (a search that
 * chooses the value).
 */
export class FieldRefusal extends Error {
  constructor(field, message, { target, label } = {}) {
    super(message);
    this.name = 'FieldRefusal';
    this.field = field;
    this.target = target || null;
    this.label = label || null;
  }
}

/**
 * The state of one form on a page; labels and types are its fields' visible labels and input types by name,
 * kept as they are drawn; targets: the element that stands for a field an answer names where the page draws that
 * element itself (the file input for the API's `body`). ruleFields: the field a rule's refusal concerns, by problem
 * code, rule id or '*' (any rule), e.g. {R1: 'type', '*': 'date'}; a function of the values submitted and the error
 * answers it where it depends on them.
 */
export function formState(name, { ruleFields = {} } = {}) {
  forms += 1;
  return { id: `${name}-${forms}`, busy: false, error: null, done: null, labels: {}, types: {}, values: {}, targets: {},
    ruleFields };
}

function idOf(form, name) {
  return `${form.id}-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

/** The field of the form that the rule refusing its last submission concerns, or null. */
function ruleFieldOf(form) {
  const error = form.error;
  if (!(error instanceof ApiError) || !error.rule) return null;
  if (error.code === 'DATE_IN_FUTURE') {
    const day = today();
    const late = Object.keys(form.types).find((name) => form.types[name] === 'date' && form.values[name] > day);
    if (late) return late;
  }
  const fields = form.ruleFields;
  const concerned = fields[error.code] ?? fields[error.rule] ?? fields['*'] ?? null;
  return typeof concerned === 'function' ? concerned(form.values, error) : concerned;
}

/** For ruleFields: a refusal of a fact's days concerns its end where its words name the end's day (R22), else its start. */
export function endOrStart(end, start) {
  return (values, error) => (values[end] && error.detail?.includes(values[end]) ? end : start);
}

/** The messages to show next to one field: its own errors, and the refusal of a rule that concerns it. */
export function fieldMessages(form, name) {
  if (form.error instanceof FieldRefusal) return form.error.field === name ? [form.error.message] : [];
  if (!(form.error instanceof ApiError)) return [];
  const messages = form.error.errorsFor(name);
  if (ruleFieldOf(form) === name) messages.push(`${form.error.rule}: ${form.error.detail}`);
  return messages;
}

/**
 * A labelled input, select or textarea with its errors under it (aria-invalid, aria-describedby).
 * options: [{value, label}] or [value] for a select; type 'textarea' for a text area.
 */
export function field(form, { name, label, type = 'text', value, required = false, options, hint, placeholder,
  pattern, min, max, autocomplete, inputmode, list, empty = '(none)', refusedBy }) {
  const id = idOf(form, name);
  if (typeof label === 'string') form.labels[name] = label;
  form.types[name] = options ? 'select' : type;
  const errors = fieldMessages(form, name);
  // refusedBy: the id of what says why the field, though named by no message of its own, was refused with others
  // (a user name and password that do not go together)
  const invalid = errors.length > 0 || Boolean(refusedBy);
  const described = [hint ? `${id}-hint` : null, errors.length ? `${id}-error` : null, refusedBy || null]
    .filter(Boolean).join(' ');
  const v = value === null || value === undefined ? '' : String(value);
  let control;
  if (options) {
    const opts = options.map((o) => (typeof o === 'object' ? o : { value: o, label: words(o) }));
    // a value given (an address's `?sending=gr`) selects its option whatever its letter case; one that names no
    // option leaves the field to be chosen, never the first option in its place
    const chosen = opts.find((o) => String(o.value) === v) || opts.find((o) => String(o.value).toUpperCase() === v.toUpperCase());
    control = html`<select id=${id} name=${name} aria-required=${required ? 'true' : nothing} aria-invalid=${invalid ? 'true' : nothing}
        aria-describedby=${described || nothing}>
      ${required && chosen ? nothing : html`<option value="" ?selected=${!chosen}>${required ? 'Choose…' : empty}</option>`}
      ${opts.map((o) => html`<option value=${o.value} ?selected=${o === chosen}>${o.label}</option>`)}
    </select>`;
  } else if (type === 'textarea') {
    control = html`<textarea id=${id} name=${name} aria-required=${required ? 'true' : nothing} placeholder=${placeholder || nothing}
        aria-invalid=${invalid ? 'true' : nothing} aria-describedby=${described || nothing}>${v}</textarea>`;
  } else {
    control = html`<input id=${id} name=${name} type=${type} value=${v} aria-required=${required ? 'true' : nothing}
        placeholder=${placeholder || nothing} pattern=${pattern || nothing} min=${min ?? nothing} max=${max ?? nothing}
        autocomplete=${autocomplete || nothing} inputmode=${inputmode || nothing} list=${list || nothing}
        aria-invalid=${invalid ? 'true' : nothing} aria-describedby=${described || nothing}>`;
  }
  return html`<div class="field">
    <label for=${id}>${label}${required ? html` <span class="required" aria-hidden="true">*</span>` : nothing}</label>
    ${control}
    ${hint ? html`<small id="${id}-hint">${hint}</small>` : nothing}
    ${errors.length ? html`<small id="${id}-error" class="field-error">${errors.join(' ')}</small>` : nothing}
  </div>`;
}

/** The optional source of a fact: url, publisher, title, publishedOn as sources[0].… */
export function sourceFields(form) {
  return html`<details class="source">
    <summary>Source (optional)</summary>
    ${field(form, { name: 'sources[0].url', label: 'Source URL', type: 'url', placeholder: 'https://…' })}
    <div class="grid-2">
      ${field(form, { name: 'sources[0].publisher', label: 'Publisher' })}
      ${field(form, { name: 'sources[0].publishedOn', label: 'Published on', type: 'date' })}
    </div>
    ${field(form, { name: 'sources[0].title', label: 'Title' })}
  </details>`;
}

export function sourcesFrom(values) {
  const url = values['sources[0].url'];
  if (!url) return undefined;
  const source = { url };
  if (values['sources[0].publisher']) source.publisher = values['sources[0].publisher'];
  if (values['sources[0].title']) source.title = values['sources[0].title'];
  if (values['sources[0].publishedOn']) source.publishedOn = values['sources[0].publishedOn'];
  return [source];
}

/**
 * What a field holding something its type cannot read says: a date the calendar lacks (a 30 February) or half typed,
 * which the browser gives as empty, so that it would be left out unseen (an optional day then not recorded, or a
 * recorded one cleared).
 */
export function unreadable(input) {
  const what = input.type === 'date' ? 'is not a whole day of the calendar (a 30 February, a year half typed)'
    : input.type === 'number' ? 'is not a number' : 'cannot be read';
  return `${what}: correct it${input.required || input.getAttribute('aria-required') === 'true' ? ''
    : ', or clear it to leave it out'}.`;
}

/** The first control of the form whose content its type cannot read (see unreadable), refused in words; else null. */
export function unreadableField(element) {
  const input = [...element.querySelectorAll('input[name]')].find((control) => control.validity?.badInput);
  return input ? new FieldRefusal(input.name, unreadable(input)) : null;
}

/**
 * The day a row form's date control holds, for its write: undefined where it is empty (the answer then says it is
 * required); a day the calendar lacks or half typed is refused here, named as the answer names the field, and nothing
 * is sent.
 */
export function rowDay(input, field = 'date') {
  if (input.validity?.badInput) {
    throw new ApiError(400, { code: 'VALIDATION_FAILED', detail: 'Nothing was sent.',
      errors: [{ field, message: unreadable(input) }] });
  }
  return input.value || undefined;
}

/** The form's values by name; blank fields are left out. */
export function readForm(element) {
  const values = {};
  for (const [name, value] of new FormData(element).entries()) {
    if (typeof value === 'string') {
      const trimmed = value.trim();
      if (trimmed !== '') values[name] = trimmed;
    } else if (value && value.size !== undefined) {
      values[name] = value;
    }
  }
  return values;
}

/**
 * The error summary of a form, in words: a rule violation as "R5 RELATION_NOT_ESTABLISHED — …", field
 * errors listed with links to their fields (named by their labels where the form has them), sign-in offered
 * for 401, the role named for 403.
 */
export function problem(form, { onReload } = {}) {
  const error = form.error;
  if (!error) return nothing;
  const api = error instanceof ApiError ? error : null;
  const refusal = error instanceof FieldRefusal ? error : null;
  const fieldErrors = api ? api.errors : [];
  const ruleField = ruleFieldOf(form);
  const target = (name) => (refusal?.target && refusal.field === name ? refusal.target
    : form.targets?.[name] || idOf(form, name));
  const labelOf = (name) => (refusal?.label && refusal.field === name ? refusal.label : form.labels?.[name] || name);
  // listed in the order the page shows their fields (the answer lists them in its own order), those without one last
  const onPage = (e) => document.getElementById(target(e.field));
  // refused for want of credentials, and signed in since: the form need only be sent again
  const signedInSince = Boolean(api?.needsSignIn && currentUser());
  const listed = refusal ? [refusal] : [...fieldErrors].sort((x, y) => {
    const [a, b] = [onPage(x), onPage(y)];
    if (!a || !b) return (a ? 0 : 1) - (b ? 0 : 1);
    return a === b ? 0 : a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
  });
  return html`<div class="problem" role="alert" tabindex="-1" id="${form.id}-problem" data-code=${api?.code || nothing}
      data-rule=${api?.rule || nothing}>
    <p><strong>${signedInSince ? `Signed in as ${currentUser()}.` : api ? api.words : refusal ? 'Nothing was sent:'
      : error.message}</strong></p>
    ${listed.length ? html`<ul>${listed.map((e) => html`<li>
        <a href="#${target(e.field)}" @click=${(ev) => focusField(ev, target(e.field))}>${labelOf(e.field)}</a>: ${e.message}
      </li>`)}</ul>` : nothing}
    ${ruleField && form.labels[ruleField] ? html`<p>It concerns
        <a href="#${idOf(form, ruleField)}" @click=${(ev) => focusField(ev, idOf(form, ruleField))}>${form.labels[ruleField]}</a>.</p>`
      : nothing}
    ${signedInSince ? html`<p>Submit again.</p>` : api?.needsSignIn ? html`<p><button type="button" class="secondary"
        @click=${() => window.dispatchEvent(new CustomEvent('chancery:sign-in'))}>Sign in</button> then submit again.</p>`
      : nothing}
    ${api?.versionMismatch && onReload ? html`<p><button type="button" @click=${onReload}>Reload the latest version</button>
        (your edits here will be replaced by what is stored now)</p>` : nothing}
    ${api?.status === 0 || api?.status >= 500 ? html`<p>Nothing was saved. Try again in a moment.</p>` : nothing}
  </div>`;
}

function focusField(event, id) {
  const target = document.getElementById(id);
  if (target) {
    event.preventDefault();
    // a field in a collapsed section (a source's fields) is shown first: focus() cannot reach it closed
    for (let section = target.closest('details'); section; section = section.parentElement?.closest('details')) {
      section.open = true;
    }
    target.focus();
  }
}

/**
 * The problem answer of an action taken from a row of a table (delete an event, cancel a milestone), shown in
 * that row; 401 offers to sign in, and once signed in (the page draws the row again), to try the action again
 * (`retry`) with the same button, which the sign-in dialog gives the focus back to. The fields the answer names
 * are listed with their reasons, each linked to the row's control of that name (`fields`: API field → element id
 * and label, as `{date: ['end-3', 'Ended on']}`); `note` adds a sentence (that the fact changed meanwhile).
 */
export function rowProblem(error, id, retry, fields = {}, note = null) {
  if (!error) return nothing;
  const again = Boolean(error.needsSignIn && currentUser() && retry);
  const fieldErrors = error instanceof ApiError ? error.errors : [];
  const link = (name) => html`<a href="#${fields[name][0]}"
    @click=${(ev) => focusField(ev, fields[name][0])}>${fields[name][1]}</a>`;
  // a rule's refusal of the row's day (R3, R22) is listed as the day's reason, linked to it, as a field's is
  const ruleDay = rowRuleField(error) && fields[rowRuleField(error)] ? rowRuleField(error) : null;
  return html`<div class="problem" role="alert" tabindex="-1" id=${id} @keydown=${escapeKeepsBeside}>
    <p><strong>${again ? `Signed in as ${currentUser()}.` : error.words || error.message}</strong></p>
    ${fieldErrors.length || ruleDay ? html`<ul>${fieldErrors.map((e, i) => html`<li id="${id}-${i}">${fields[e.field]
      ? link(e.field) : e.field}: ${e.message}</li>`)}${ruleDay
      ? html`<li id="${id}-rule">${link(ruleDay)}: ${error.rule}: ${error.detail}</li>` : nothing}</ul>` : nothing}
    ${error.needsSignIn ? html`<p><button type="button" class="secondary" @click=${() => (again ? retry()
      : window.dispatchEvent(new CustomEvent('chancery:sign-in')))}>${again ? 'Try again' : 'Sign in'}</button>${again
      ? nothing : ' then try again.'}</p>` : nothing}${note ? html`<p>${note}</p>` : nothing}</div>`;
}

/** The rules whose refusal of a row form's write concerns its day, the one date a row form has: R3 and R22. */
const ROW_DAY_RULES = ['DATE_IN_FUTURE', 'COUNTRY_NOT_IN_EXISTENCE'];

/** The row form's control a rule's refusal concerns: its day for R3 and R22, else none. */
function rowRuleField(error) {
  return error instanceof ApiError && error.rule && ROW_DAY_RULES.includes(error.code) ? 'date' : null;
}

/**
 * The attributes of a row form's control that the problem answer `error` (shown by rowProblem as `problemId`) may
 * name: aria-invalid and aria-describedby, pointing to the reasons listed for it, as a form's field has them (a
 * rule's refusal of the row's day among them).
 */
export function rowControl(error, problemId, name) {
  const reasons = error instanceof ApiError
    ? error.errors.flatMap((e, i) => (e.field === name ? [`${problemId}-${i}`] : [])) : [];
  if (rowRuleField(error) === name) reasons.push(`${problemId}-rule`);
  return { invalid: reasons.length ? 'true' : nothing, describedBy: reasons.length ? reasons.join(' ') : nothing };
}

/**
 * A click handler for a control that its own click replaces (a "Cancel…" giving way to "Yes, cancel it" and "Keep
 * it", a "Keep it" giving the "Cancel…" back): after the change the focus goes to `target` within the same `host`
 * instead of falling to the page, where a keyboard or screen-reader user would lose their place.
 */
export function replacing(change, target, host = 'td') {
  return (event) => {
    const place = event.currentTarget.closest(host);
    change();
    place?.querySelector(target)?.focus();
  };
}

/**
 * Escape inside an inline question or row form does what its way back does (the button marked data-keep: "Keep it",
 * "Back", "Let it run"), unless that button is held while the write runs.
 */
export function escapeKeeps(event) {
  keepOn(event, event.currentTarget);
}

/**
 * Escape on a row's problem (where the focus goes when its question or form is refused) does what Escape inside the
 * question or form beside it does: the problem is drawn after it, in the same cell (or the element marked
 * data-row-actions that holds both); a problem drawn for a whole section or page goes back nowhere.
 */
function escapeKeepsBeside(event) {
  keepOn(event, event.currentTarget.parentElement?.closest('td, [data-row-actions]'));
}

function keepOn(event, scope) {
  if (event.key !== 'Escape' || event.defaultPrevented) return;
  const keep = scope?.querySelector('[data-keep]');
  if (!keep || keep.getAttribute('aria-disabled') === 'true') return;
  event.preventDefault();
  keep.click();
}

/** What the last write did, for screen readers and eyes. */
export function done(form, text) {
  if (!form.done) return nothing;
  return html`<p class="done" role="status" tabindex="-1" id="${form.id}-done">${text}</p>`;
}

export function submitButton(form, label) {
  return html`<button type="submit" ?disabled=${form.busy} aria-busy=${form.busy ? 'true' : 'false'}>${label}</button>`;
}

/**
 * Runs a form's write: keeps what was typed, shows the API's answer in words, focuses the error summary.
 * action(values, formElement) returns what the write answered; afterwards the form is reset unless keep.
 */
export async function submit(event, form, update, action, { keep = false } = {}) {
  event.preventDefault();
  const element = event.target.closest('form') || event.target;
  if (form.busy) return;
  form.busy = true;
  form.error = null;
  form.done = null;
  form.values = readForm(element);
  update();
  try {
    const refused = unreadableField(element);
    if (refused) throw refused;
    form.done = (await action(form.values, element)) ?? true;
    if (!keep) element.reset();
    // a form kept as typed keeps its fields, but the source it added is recorded now: sending it again would add it twice
    else element.querySelectorAll('[name^="sources["]').forEach((input) => { input.value = ''; });
  } catch (e) {
    if (e.name === 'AbortError') return;
    form.error = e;
  } finally {
    form.busy = false;
  }
  update();
  if (form.error) {
    document.getElementById(`${form.id}-problem`)?.focus();
  } else {
    // the focus goes to what the write did, which a screen reader then reads (a status drawn with its text already
    // in it is not always announced), or back to the form: whether the write was sent from the submit button, which
    // let the focus fall to the page while it was disabled, or with Enter from a field
    (document.getElementById(`${form.id}-done`) || element.querySelector('[type=submit]'))?.focus();
  }
}

/** A page-level error (a failed read) in words; a parameter refused is named with the reason. */
export function readError(error) {
  if (!error) return nothing;
  const api = error instanceof ApiError ? error : null;
  const refused = api?.code === 'VALIDATION_FAILED' && api.errors.length ? api.errors : null;
  return html`<div class="problem" role="alert"><p><strong>${refused ? 'The request was refused:' : api ? api.words : error.message}</strong></p>
    ${refused ? html`<ul>${refused.map((e) => html`<li><code>${e.field}</code> ${e.message}</li>`)}</ul>` : nothing}
    ${api?.needsSignIn ? html`<p><button type="button" @click=${() => window.dispatchEvent(new CustomEvent('chancery:sign-in'))}>Sign in</button></p>` : nothing}
  </div>`;
}

/**
 * For a page that reads what only an editor may (the jobs, a job, the change feed), while nobody is signed in: what
 * it needs, with a button that opens the sign-in dialog; the page asks nothing of the API meanwhile.
 */
export function signInNeeded(id, what) {
  return html`<p id=${id} class="sign-in-needed">Reading ${what} needs the EDITOR role.
    <button type="button" class="outline" @click=${() => window.dispatchEvent(new CustomEvent('chancery:sign-in'))}>Sign in</button></p>`;
}

/** The options of a country <select>: every country by name, former ones marked. */
export function countryOptions(map) {
  return [...map.values()].sort((x, y) => x.name.localeCompare(y.name, 'en'))
    .map((c) => ({ value: c.code, label: `${c.name} (${c.code})${c.former ? ', former' : ''}` }));
}
