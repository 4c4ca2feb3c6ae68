// The shell: navigation, sign-in and sign-out, and the router that loads one module per view.
import { html, render, nothing } from 'lit-html';
import { currentRoute, match, takeNotice } from './router.js';
import { currentUser, signOut } from './auth.js';
import { openSignIn } from './views/sign-in.js';

const ROUTES = [
  ['/map', () => import('./views/map.js')],
  ['/relations/:a/:b', () => import('./views/relation.js')],
  ['/relations', () => import('./views/relations.js')],
  ['/countries/new', () => import('./views/country.js')],
  ['/countries/:code', () => import('./views/country.js')],
  ['/countries', () => import('./views/countries.js')],
  ['/missions/new', () => import('./views/mission-new.js')],
  ['/missions/:id', () => import('./views/mission.js')],
  ['/missions', () => import('./views/missions.js')],
  ['/meetings/new', () => import('./views/meeting-new.js')],
  ['/meetings/:id', () => import('./views/meeting.js')],
  ['/meetings', () => import('./views/meetings.js')],
  ['/diplomats/new', () => import('./views/diplomat.js')],
  ['/diplomats/:id', () => import('./views/diplomat.js')],
  ['/diplomats', () => import('./views/diplomats.js')],
  ['/milestones', () => import('./views/milestones.js')],
  ['/observations', () => import('./views/observations.js')],
  ['/imports/:id', () => import('./views/import-job.js')],
  ['/imports', () => import('./views/imports.js')],
  ['/changes', () => import('./views/changes.js')],
  ['/sign-in', () => import('./views/sign-in.js')],
];

const NAV = [
  ['/map', 'Map'],
  ['/relations', 'Relations'],
  ['/countries', 'Countries'],
  ['/missions', 'Missions'],
  ['/meetings', 'Meetings'],
  ['/diplomats', 'Diplomats'],
  ['/milestones', 'Milestones'],
  ['/observations', 'Observations'],
  ['/imports', 'Imports'],
  ['/changes', 'Changes'],
];

const main = document.getElementById('main');
let controller = null;
let first = true;

// the title follows the page's heading, also when the page itself changes it (another country chosen on
// the map, a diplomat renamed): a title naming what is no longer shown would mislead (WCAG 2.4.2)
new MutationObserver(() => {
  const heading = main.querySelector('h1');
  const title = heading ? `${heading.textContent.trim()} · Chancery admin` : null;
  if (title && document.title !== title) document.title = title;
}).observe(main, { childList: true, subtree: true, characterData: true });

function renderNav() {
  const { path } = currentRoute();
  const user = currentUser();
  render(html`
    ${NAV.map(([target, label]) => html`<li><a href="#${target}"
        aria-current=${path === target ? 'page' : path.startsWith(`${target}/`) ? 'true' : nothing}>${label}</a></li>`)}
    <li class="who">${user
      ? html`<span id="signed-in" tabindex="-1">Signed in as <strong id="signed-in-user">${user}</strong></span>
          <button type="button" class="outline secondary" id="sign-out" @click=${() => {
            signOut();
            document.getElementById('sign-in-button')?.focus(); // in place of the button pressed
          }}>Sign out</button>`
      : html`<button type="button" class="outline" id="sign-in-button" @click=${() => openSignIn()}>Sign in</button>`}
    </li>`, document.getElementById('nav-links'));
}

async function route() {
  // the focus where this navigation found it: moved elsewhere than the page's body while the page loads (the
  // header's "Sign in", its dialog), it is left there; the first page of a visit leaves it at the document's start
  const from = { initial: first, focused: document.activeElement };
  first = false;
  renderNav();
  if (controller) controller.abort();
  controller = new AbortController();
  const { signal } = controller;
  const { path, query, all } = currentRoute();
  const notice = takeNotice(path);
  let params = null;
  let loader = null;
  for (const [pattern, load] of ROUTES) {
    params = match(pattern, path);
    if (params) {
      loader = load;
      break;
    }
  }
  const root = document.createElement('div');
  root.className = 'view';
  main.replaceChildren(root);
  if (!loader) {
    render(html`<h1 tabindex="-1">Not found</h1><p>There is no page at <code>${path}</code>.
      Go to the <a href="#/map">map</a>.</p>`, root);
    focusHeading(from);
    return;
  }
  main.setAttribute('aria-busy', 'true');
  const drawn = waitingFor(root);
  let module;
  try {
    module = await loader();
  } catch (e) {
    if (signal.aborted) return;
    drawn();
    // the page's code did not arrive (the server is down or the connection dropped): said in words
    console.warn('The page could not be loaded', e);
    render(html`<h1 tabindex="-1">The page could not be loaded</h1><div class="problem" role="alert">
      <p>The server could not be reached. Check the connection and try again.</p></div>`, root);
    main.removeAttribute('aria-busy');
    focusHeading(from);
    return;
  }
  try {
    if (signal.aborted) return;
    await module.default({ root, params, query, all, signal, path });
  } catch (e) {
    if (e.name === 'AbortError' || signal.aborted) return;
    console.warn('The view could not be shown', e);
    render(html`<h1 tabindex="-1">Something went wrong</h1><div class="problem" role="alert">
      <p>${e.words || e.message}</p></div>`, root);
  } finally {
    if (!signal.aborted) {
      main.removeAttribute('aria-busy');
      drawn();
    }
  }
  if (signal.aborted) return;
  focusHeading(from);
  if (notice) {
    // above the page, where the focus goes: what the write that led here did
    const said = document.createElement('p');
    said.className = 'done';
    said.id = 'route-notice';
    said.setAttribute('role', 'status');
    said.tabIndex = -1;
    said.textContent = notice;
    main.insertBefore(said, root);
    said.focus();
  }
}

/**
 * Says "Loading…" (and so does the title) above the view `root` until the view draws something in it: its code and
 * its first data may take seconds to come on a slow connection, and a blank page with the last page's title would
 * look like this one. Answers what takes the words away at once.
 */
function waitingFor(root) {
  const waiting = document.createElement('p');
  waiting.id = 'page-loading';
  waiting.setAttribute('aria-busy', 'true');
  waiting.textContent = 'Loading…';
  root.before(waiting);
  if (!root.querySelector('h1')) document.title = 'Loading… · Chancery admin';
  const drawn = () => {
    observer.disconnect();
    waiting.remove();
  };
  const observer = new MutationObserver(() => {
    if (root.children.length) drawn();
  });
  observer.observe(root, { childList: true });
  return drawn;
}

/**
 * After a navigation, focus goes to the new page's heading and the title names it; unless the focus is in the new
 * page already (the old page's content is gone): one who tabbed into it while it loaded is not sent back to its top;
 * or was moved elsewhere while the page loaded (`from.focused`: where the navigation found it), or this is the
 * visit's first page.
 */
function focusHeading(from) {
  const heading = main.querySelector('h1');
  if (heading) {
    document.title = `${heading.textContent.trim()} · Chancery admin`;
    const active = document.activeElement;
    const movedMeanwhile = active !== from.focused && active && active !== document.body;
    if (!from.initial && !main.contains(active) && !movedMeanwhile) {
      heading.setAttribute('tabindex', '-1');
      heading.focus({ preventScroll: false });
    }
  }
}

// A link to a place on the page (the skip link's #main, an error summary's field) moves the focus there and
// leaves the address alone: every other hash is a route, and the router would answer "Not found".
document.addEventListener('click', (event) => {
  const link = event.target.closest?.('a[href^="#"]');
  if (!link || event.defaultPrevented || link.getAttribute('href').startsWith('#/')) return;
  event.preventDefault();
  const target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
  if (!target) return;
  if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
});
// A link drawn as a button ("Plan a mission…") is announced as a button: Space follows it, as it presses a button
document.addEventListener('keydown', (event) => {
  const link = event.target.closest?.('a[role="button"][href]');
  if (!link || event.key !== ' ' || event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
  event.preventDefault();
  if (!event.repeat) link.click(); // a Space held down follows it once, as a button is pressed once
});
window.addEventListener('hashchange', route);
window.addEventListener('chancery:auth', renderNav);
window.addEventListener('chancery:sign-in', () => openSignIn());
if (!window.location.hash) window.history.replaceState(null, '', '#/map');
route();
