// Who is signed in: login, logout and the /users/me of the current user.

import { api, ApiError, requestToken, storeTokens, storedTokens } from './api.js';

let mePromise = null;
const listeners = new Set();

/** The signed-in user's /users/me JSON, or null. Asked once, then remembered. */
export function currentUser() {
  if (!mePromise) {
    mePromise = storedTokens()
      ? api('/users/me').catch((e) => {
        if (e instanceof ApiError && e.status === 401) {
          storeTokens(null);
          return null;
        }
        throw e;
      })
      : Promise.resolve(null);
  }
  return mePromise;
}

/** Forgets the cached /users/me (after the user changed their settings). */
export function reloadUser() {
  mePromise = null;
  return currentUser();
}

/** The name of the signed-in user as known without any request (for the first paint). */
export function knownUsername() {
  const tokens = storedTokens();
  return tokens ? tokens.username : null;
}

export function isAdmin(user) {
  return !!user && user.role && user.role.id === 0;
}

export function onSessionChange(listener) {
  listeners.add(listener);
}

function changed() {
  mePromise = null;
  listeners.forEach((listener) => listener());
}

export async function login(username, password) {
  const token = await requestToken({ grant_type: 'password', username, password });
  storeTokens({ access: token.access_token, refresh: token.refresh_token, username });
  changed();
  const me = await currentUser();
  if (me) storeTokens({ ...storedTokens(), username: me.username, admin: isAdmin(me) });
  return me;
}

export async function logout() {
  if (storedTokens()) {
    try {
      await api('/users/revoke-token', { method: 'POST' });
    } catch {
      // the token is forgotten here whatever the server says
    }
  }
  storeTokens(null);
  changed();
}

window.addEventListener('kinema:session-ended', changed);
