// The thin API client: every call goes to the public /api, every problem answer (RFC 9457) becomes an
// ApiError that a page can show in words — field errors next to their fields, rule violations with the
// rule id and code, 401 asking for sign-in, 403 saying the role is not enough (or, for a request refused for
// where it came from, what the server says), 404 saying what is missing.
import { authorization, signOut } from './auth.js';

export class ApiError extends Error {
  constructor(status, problem, fallback) {
    super(problem?.detail || fallback || `The server answered ${status}.`);
    this.name = 'ApiError';
    this.status = status;
    this.code = problem?.code || null;
    this.rule = problem?.rule || null;
    this.title = problem?.title || null;
    this.detail = problem?.detail || null;
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
  }

  get needsSignIn() {
    return this.status === 401;
  }

  /** A 403 for the user's role; not one for where the request came from (another site's page, another origin). */
  get roleNotEnough() {
    return this.status === 403 && (!this.detail || this.detail.startsWith('Your role'));
  }

  get versionMismatch() {
    return this.status === 412;
  }

  /** The sentence a person reads. */
  get words() {
    if (this.status === 0) {
      return 'The server could not be reached. Check the connection and try again.';
    }
    if (this.status === 401) {
      return 'Sign in as an editor to do this: the API refused the request without valid credentials.';
    }
    if (this.roleNotEnough) {
      return 'Your role is not enough for this: recording facts needs the EDITOR role, starting or cancelling '
        + 'an import or changing a country needs ADMIN.';
    }
    if (this.status === 403) {
      return `Refused where it came from: ${this.detail}`;
    }
    if (this.status === 412) {
      return 'Someone else changed this since you opened it, so your change was not saved.';
    }
    if (this.status === 404) {
      return this.detail || 'There is nothing at this address.';
    }
    if (this.rule) {
      return `${this.rule} ${this.code} — ${this.detail}`;
    }
    if (this.code === 'VALIDATION_FAILED') {
      return 'Some fields need another look: nothing was saved.';
    }
    if (this.code) {
      return `${this.code} — ${this.detail || this.title}`;
    }
    return this.message;
  }

  /** Messages for one form field: exact name, or a nested field under it (sources[0].url under sources). */
  errorsFor(name) {
    return this.errors.filter((e) => e.field === name).map((e) => e.message);
  }
}

function url(path, query) {
  const u = new URL(path, window.location.origin);
  if (query) {
    for (const [key, value] of Object.entries(query)) {
      if (value === undefined || value === null || value === '') continue;
      if (Array.isArray(value)) value.forEach((v) => u.searchParams.append(key, v));
      else u.searchParams.set(key, value);
    }
  }
  return u.pathname + u.search;
}

/**
 * One request. Answers {data, status, headers}; throws ApiError for any answer that is not 2xx.
 * credentials: 'omit' keeps the browser's own Basic prompt away (the API answers 401 with
 * WWW-Authenticate); the Authorization header is set here from the tab's credentials.
 */
export async function request(method, path, { query, body, raw, contentType, headers = {}, signal, accept,
  anonymous = false } = {}) {
  const h = { Accept: accept || 'application/json', ...headers };
  const auth = anonymous ? null : authorization();
  if (auth && !h.Authorization) h.Authorization = auth;
  let payload;
  if (raw !== undefined) {
    payload = raw;
    h['Content-Type'] = contentType || 'application/octet-stream';
  } else if (body !== undefined) {
    payload = JSON.stringify(body);
    h['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(url(path, query), { method, headers: h, body: payload, signal, credentials: 'omit' });
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, null, 'The server could not be reached.');
  }
  if (response.status === 401 && auth && !headers.Authorization) {
    // the tab's credentials are refused (the password changed, the user was removed): they are of no use for
    // anything, so they go; a read is public and is asked again without them
    signOut();
    if (method === 'GET') return request(method, path, { query, body, raw, contentType, headers, signal, accept });
  }
  if (response.status === 429 && auth && !headers.Authorization && method === 'GET') {
    // sign-ins of this user or from this address are locked for a while (too many failed, perhaps someone else's):
    // the credentials stay for the writes the lock will allow again, and a public read does without them; a read
    // that needs them (the change feed, the import jobs) says the lock's answer
    try {
      return await request(method, path, { query, contentType, headers, signal, accept, anonymous: true });
    } catch (e) {
      if (!(e instanceof ApiError) || e.status !== 401) throw e;
    }
  }
  const type = response.headers.get('Content-Type') || '';
  if (!response.ok) {
    let problem = null;
    if (type.includes('json')) {
      try { problem = await response.json(); } catch { problem = null; }
    }
    throw new ApiError(response.status, problem);
  }
  let data = null;
  if (response.status !== 204) {
    if (type.includes('json')) data = await response.json();
    else data = await response.text();
  }
  return { data, status: response.status, headers: response.headers };
}

export const get = (path, query, options = {}) => request('GET', path, { ...options, query }).then((r) => r.data);
export const post = (path, body, options = {}) => request('POST', path, { ...options, body }).then((r) => r.data);
export const del = (path, options = {}) => request('DELETE', path, options).then((r) => r.data);

/** Pages of a long list read at once after its first, which tells how many there are. */
const PAGES_AT_ONCE = 4;

/**
 * Every row of a paged list, 200 at a time (the API's largest page), in the list's order: the first page, then the
 * others four at a time rather than one after another (a pair's story, when the server cannot export it then).
 */
export async function all(path, query = {}, options = {}) {
  const first = await get(path, { ...query, size: 200, page: 0 }, options);
  const pages = [first.content];
  for (let from = 1; from < first.page.totalPages; from += PAGES_AT_ONCE) {
    const to = Math.min(from + PAGES_AT_ONCE, first.page.totalPages);
    const numbers = Array.from({ length: to - from }, (_, i) => from + i);
    const answers = await Promise.all(numbers.map((page) => get(path, { ...query, size: 200, page }, options)));
    pages.push(...answers.map((answer) => answer.content));
  }
  return pages.flat();
}

/** Every row of a list in one request: its CSV answer (RFC 4180), as objects keyed by the header row. */
export async function csv(path, query = {}, options = {}) {
  const text = await get(path, { ...query, format: 'csv' }, { ...options, accept: 'text/csv' });
  return parseCsv(text);
}

export function parseCsv(text) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i += 1; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(field); field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i += 1;
      record.push(field); field = '';
      records.push(record); record = [];
    } else {
      field += c;
    }
  }
  if (field !== '' || record.length) { record.push(field); records.push(record); }
  const [header, ...rows] = records;
  if (!header) return [];
  return rows.filter((r) => r.length > 1 || r[0] !== '')
    .map((r) => Object.fromEntries(header.map((name, i) => [name, r[i] === undefined || r[i] === '' ? null : r[i]])));
}
