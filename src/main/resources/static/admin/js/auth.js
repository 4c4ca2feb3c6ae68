// Credentials for this tab only: kept in sessionStorage (gone when the tab closes), sent as HTTP Basic.
const KEY = 'chancery.credentials';

export function currentUser() {
  const stored = read();
  return stored ? stored.user : null;
}

/** The Authorization header value, or null when nobody signed in in this tab. */
export function authorization() {
  const stored = read();
  return stored ? `Basic ${stored.basic}` : null;
}

export function basicOf(user, password) {
  // btoa takes Latin-1 only: encode the UTF-8 bytes of "user:password" first (RFC 7617, charset UTF-8)
  const bytes = new TextEncoder().encode(`${user}:${password}`);
  let binary = '';
  bytes.forEach((b) => { binary += String.fromCharCode(b); });
  return btoa(binary);
}

export function signIn(user, basic) {
  sessionStorage.setItem(KEY, JSON.stringify({ user, basic }));
  window.dispatchEvent(new CustomEvent('chancery:auth'));
}

/** Calls `then` each time someone signs in or out in this tab, until `signal` aborts (the page is left). */
export function onSignInOrOut(signal, then) {
  window.addEventListener('chancery:auth', then, { signal });
}

export function signOut() {
  sessionStorage.removeItem(KEY);
  window.dispatchEvent(new CustomEvent('chancery:auth'));
}

function read() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY));
  } catch {
    return null;
  }
}
