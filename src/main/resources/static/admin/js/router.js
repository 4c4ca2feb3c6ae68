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

/** Goes to a route (a new history entry, the view renders again). */
export function navigate(path, query) {
  const target = href(path, query);
  if (window.location.hash === target) {
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = target;
  }
}

/** Changes the address to a route without rendering again or adding history (a slider's position). */
export function replace(path, query) {
  window.history.replaceState(window.history.state, '', href(path, query));
}

/** Matches a path against patterns like /relations/:a/:b. */
export function match(pattern, path) {
  const names = [];
  const regex = new RegExp(`^${pattern.replace(/:([a-zA-Z]+)/g, (_, name) => {
    names.push(name);
    return '([^/]+)';
  })}/?$`);
  const found = regex.exec(path);
  if (!found) return null;
  return Object.fromEntries(names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
}
