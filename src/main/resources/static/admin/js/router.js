// Hash routes (#/relations/CU/KR?asOf=1970-01-01): every view has a deep link that survives a reload.

/** The current route: path segments and query parameters of the hash. */
export function currentRoute() {
  const hash = window.location.hash.replace(/^#/, '') || '/map';
  const [path, search = ''] = hash.split('?');
  const query = Object.fromEntries(new URLSearchParams(search));
  const all = new URLSearchParams(search);
  return { path: path.startsWith('/') ? path : `/${path}`, query, all };
}

/** The hash of a path with a query (empty values left out). */
export function href(path, query = {}) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) value.forEach((v) => params.append(key, v));
    else params.set(key, value);
  }
  const search = params.toString();
  return `#${path}${search ? `?${search}` : ''}`;
}

let pendingNotice = null;

/**
 * Goes to a route (a new history entry, the view renders again); notice: what the new page says first, once (what
 * the write that left the old page did — a deletion, whose page is gone).
 */
export function navigate(path, query, { notice } = {}) {
  const target = href(path, query);
  pendingNotice = notice ? { path, text: notice } : null;
  if (window.location.hash === target) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = target;
  }
}

/** The notice a navigation to this path left for it, once. */
export function takeNotice(path) {
  const notice = pendingNotice?.path === path ? pendingNotice.text : null;
  pendingNotice = null;
  return notice;
}

/** Changes the address to a route without rendering again or adding history (a slider's position). */
export function replace(path, query) {
  window.history.replaceState(window.history.state, '', href(path, query));
}

/**
 * Records a choice the page has already shown as a new history entry, without rendering the view again: Back
 * returns to the route before it (the hashchange it fires renders that route).
 */
export function push(path, query) {
  const target = href(path, query);
  if (window.location.hash !== target) window.history.pushState(window.history.state, '', target);
}

// What a part of an address may hold, decoded: an :id is a number as the API's ids are; a code (:code, :a, :b)
// letters and digits. Anything else — a slash, a dot, a question mark written encoded — matches no page, so
// that no address makes a page read or write another resource than its own.
const SHAPES = { id: /^[0-9]{1,18}$/, other: /^[\p{L}\p{N}_-]{1,64}$/u };

/** Matches a path against patterns like /relations/:a/:b; null when a part has not the shape of its name. */
export function match(pattern, path) {
  const names = [];
  const regex = new RegExp(`^${pattern.replace(/:([a-zA-Z]+)/g, (_, name) => {
    names.push(name);
    return '([^/]+)';
  })}/?$`);
  const found = regex.exec(path);
  if (!found) return null;
  const values = [];
  for (let i = 0; i < names.length; i++) {
    let value;
    try {
      value = decodeURIComponent(found[i + 1]);
    } catch {
      return null;
    }
    if (!(SHAPES[names[i]] || SHAPES.other).test(value)) return null;
    values.push(value);
  }
  return Object.fromEntries(names.map((name, i) => [name, values[i]]));
}
