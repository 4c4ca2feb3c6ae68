// Sign-in: a dialog (from any page) and a page (#/sign-in). The credentials are checked against the API
// (a read that needs the EDITOR role) and kept in sessionStorage for this tab only.
import { html, render, nothing } from 'lit-html';
import { request, ApiError } from '../api.js';
import { basicOf, signIn, currentUser } from '../auth.js';
import { FieldRefusal, formState, field, problem, submitButton, readForm } from '../forms.js';

/** A user name and password that do not go together: both fields are marked, the problem says why. */
class WrongCredentials extends Error {
  constructor() {
    super('Wrong user name or password.');
    this.name = 'WrongCredentials';
  }
}

/** Checks user and password; answers the role found, or throws an Error in words. */
async function check(user, password) {
  const basic = basicOf(user, password);
  try {
    await request('GET', '/api/imports', { query: { size: 1 }, headers: { Authorization: `Basic ${basic}` } });
    return { basic, role: 'EDITOR' };
  } catch (e) {
    if (e instanceof ApiError && e.roleNotEnough) return { basic, role: 'READER' };
    if (e instanceof ApiError && e.status === 401) throw new WrongCredentials();
    throw e;
  }
}

/** The sign-in form; `wanted()` says whether a check that comes back is still asked for (its dialog still open). */
function signInForm(form, update, onSignedIn, wanted = () => true) {
  const submit = async (event) => {
    event.preventDefault();
    const values = readForm(event.target);
    values.password = event.target.elements.password.value; // as typed: a password may begin or end with a space
    form.busy = true;
    form.error = null;
    update();
    try {
      // nothing to check without both: said at the empty field, not as a wrong password
      if (!values.user) throw new FieldRefusal('user', 'Type your user name.');
      if (!values.password) throw new FieldRefusal('password', 'Type your password.');
      const { basic, role } = await check(values.user, values.password);
      if (!wanted()) return; // closed (Escape, Cancel) while the check ran: the user did not sign in after all
      signIn(values.user, basic);
      form.done = role;
      event.target.reset();
      onSignedIn(role);
    } catch (e) {
      form.error = e;
    } finally {
      form.busy = false;
      update();
      if (form.error) document.getElementById(`${form.id}-problem`)?.focus();
      // on the page, to what it did beside the form (the dialog has none: closed, it gives the focus back itself)
      else if (form.done) event.target.parentElement?.querySelector(':scope > #sign-in-done')?.focus();
    }
  };
  const wrong = form.error instanceof WrongCredentials ? `${form.id}-problem` : undefined;
  return html`<form @submit=${submit} id=${form.id} novalidate>
    ${problem(form)}
    ${field(form, { name: 'user', label: 'User name', required: true, autocomplete: 'username', refusedBy: wrong })}
    ${field(form, { name: 'password', label: 'Password', type: 'password', required: true,
      autocomplete: 'current-password', refusedBy: wrong })}
    <p><small>Kept for this browser tab only, and sent to the API as HTTP Basic credentials with each request.
      Reading needs no sign-in.</small></p>
    ${submitButton(form, 'Sign in')}
  </form>`;
}

let dialog = null;
let opener = null;
let openerRegion = null; // the form's problem that offered to sign in: drawn again without its button once signed in
let openings = 0; // a check that comes back after its dialog was closed, even if opened again since, signs nobody in

/**
 * Opens the sign-in dialog over the current page. Closed, it gives the focus back to what opened it, or, when a
 * sign-in replaced that, to the form's problem it was in (which then says to submit again), else (the header's
 * "Sign in") to the header saying who is signed in. Closed with Escape, the dialog says so (its close event) a moment
 * later: opened again before that (a quick user, the same button), the focus belongs to the new opening, and the late
 * event gives nothing back.
 */
export function openSignIn() {
  if (!dialog) {
    dialog = document.createElement('dialog');
    dialog.id = 'sign-in-dialog';
    dialog.setAttribute('aria-labelledby', 'sign-in-dialog-title');
    dialog.addEventListener('close', () => {
      if (!dialog.open) giveTheFocusBack();
    });
    document.body.append(dialog);
  }
  if (!dialog.open) {
    opener = document.activeElement;
    openerRegion = opener?.closest?.('[role="alert"]') || null;
    openings += 1;
  }
  const opening = openings;
  const form = formState('sign-in-dialog');
  const close = () => {
    dialog.close();
    giveTheFocusBack(); // at once: the close event comes later, after what the page does next
  };
  const update = () => render(html`<article>
      <header><h2 id="sign-in-dialog-title">Sign in</h2></header>
      ${signInForm(form, update, close, () => dialog.open && openings === opening)}
      <footer><button type="button" class="secondary outline" @click=${close}>Cancel</button></footer>
    </article>`, dialog);
  update();
  if (!dialog.open) {
    // the dialog's form is drawn again in place: what was typed before it was last closed (a refused password) goes
    dialog.querySelector('form')?.reset();
    dialog.showModal();
  }
  dialog.querySelector('input[name=user]')?.focus();
}

/**
 * For half a minute after signing in from a page's own button, a redraw of the page that replaces its heading (the
 * reads it can now make answering, which a busy server may take seconds to answer) gives the focus to the new
 * heading where it fell to the page's body; focus the user moved elsewhere stays, and another page is left alone.
 */
function keepOnTheHeading() {
  const main = document.querySelector('main');
  if (!main) return;
  const watch = new MutationObserver(() => {
    const heading = main.querySelector('h1');
    if (heading && (!document.activeElement || document.activeElement === document.body)) {
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    }
  });
  watch.observe(main, { childList: true, subtree: true });
  setTimeout(() => watch.disconnect(), 30_000);
  window.addEventListener('hashchange', () => watch.disconnect(), { once: true });
}

function giveTheFocusBack() {
  if (!opener) return;
  const region = openerRegion?.isConnected ? openerRegion : null;
  // signed in from a page's own "Sign in" (signInNeeded), the button is gone once the page has drawn what it can now
  // read: the focus goes to the page's heading, which stays, not to a button about to be removed (the focus would fall
  // to the page's body); the dialog cancelled, the button stays and takes it back
  const heading = currentUser() && opener.closest?.('.sign-in-needed') ? document.querySelector('main h1') : null;
  heading?.setAttribute('tabindex', '-1');
  if (heading) keepOnTheHeading();
  const target = heading || (opener.isConnected ? opener
    : region || document.getElementById('signed-in') || document.getElementById('sign-in-button'));
  opener = null;
  openerRegion = null;
  target?.focus();
}

export default async function signInPage({ root, query }) {
  const form = formState('sign-in');
  // only a route of this page: a javascript: or outside address would run or leave with the credentials at hand
  const back = /^#\/[\w\-/?=&%.,:]*$/.test(query.return || '') ? query.return : '#/map';
  const update = () => render(html`<h1>Sign in</h1>
    ${currentUser() && !form.done ? html`<p>You are signed in as <strong>${currentUser()}</strong>.</p>` : nothing}
    ${form.done ? html`<p role="status" tabindex="-1" id="sign-in-done">Signed in${form.done === 'READER'
      ? ', but this user has no EDITOR role: it may read, not write' : ''}. <a href=${back}>Go on</a>.</p>` : nothing}
    ${signInForm(form, update, () => {})}`, root);
  update();
}
