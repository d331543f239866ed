// Calls to Kinema's PeerTube-compatible REST API, with the OAuth tokens of the signed-in user.
// Tokens live in localStorage; a 401 invalid_token is answered by one refresh and a retry.

const TOKENS = 'kinema.tokens';
const CLIENT = 'kinema.oauthClient';

/** An API failure with PeerTube's error fields; its message is the readable `detail`. */
export class ApiError extends Error {
  constructor(status, body, fallback) {
    const invalid = body && body['invalid-params'] ? Object.values(body['invalid-params']) : [];
    const reasons = invalid.map((p) => `${p.param}: ${p.msg}`).join('; ');
    const detail = body && (body.detail || body.error) || reasons || fallback || `Request failed (HTTP ${status})`;
    super(reasons && !detail.includes(reasons) ? `${detail} (${reasons})` : detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = body && body.code;
    this.body = body;
  }
}

export function storedTokens() {
  try {
    return JSON.parse(localStorage.getItem(TOKENS)) || null;
  } catch {
    return null;
  }
}

export function storeTokens(tokens) {
  if (tokens) localStorage.setItem(TOKENS, JSON.stringify(tokens));
  else localStorage.removeItem(TOKENS);
}

async function readBody(response) {
  if (response.status === 204) return null;
  const text = await response.text();
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return { detail: response.ok ? null : text.slice(0, 200) };
  }
}

/** The OAuth client of this instance, asked once and remembered. */
export async function oauthClient() {
  const cached = sessionStorage.getItem(CLIENT);
  if (cached) return JSON.parse(cached);
  const client = await api('/oauth-clients/local', { auth: false });
  sessionStorage.setItem(CLIENT, JSON.stringify(client));
  return client;
}

/** POST /users/token with a form body; returns the token JSON or throws ApiError. */
export async function requestToken(fields) {
  const client = await oauthClient();
  const form = new URLSearchParams({ client_id: client.client_id, client_secret: client.client_secret, ...fields });
  const response = await fetch('/api/v1/users/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form,
  });
  const body = await readBody(response);
  if (!response.ok) throw new ApiError(response.status, body);
  return body;
}

let refreshing = null;

/** Trades the refresh token for new tokens; only one refresh runs at a time. */
export function refreshTokens() {
  if (!refreshing) {
    refreshing = (async () => {
      const tokens = storedTokens();
      if (!tokens || !tokens.refresh) throw new ApiError(401, { detail: 'Your session has ended. Please log in again.' });
      try {
        const fresh = await requestToken({ grant_type: 'refresh_token', refresh_token: tokens.refresh });
        const next = { ...tokens, access: fresh.access_token, refresh: fresh.refresh_token };
        storeTokens(next);
        return next;
      } catch (e) {
        if (e.status === 400 || e.status === 401) {
          storeTokens(null);
          window.dispatchEvent(new CustomEvent('kinema:session-ended'));
          throw new ApiError(401, { detail: 'Your session has ended. Please log in again.' });
        }
        throw e;
      }
    })().finally(() => { refreshing = null; });
  }
  return refreshing;
}

/** The Authorization header value, or null when nobody is signed in. */
export function authorization() {
  const tokens = storedTokens();
  return tokens && tokens.access ? `Bearer ${tokens.access}` : null;
}

/**
 * Calls /api/v1{path}. Options: method, json (a body sent as JSON), body, headers, auth (default
 * true: send the token if there is one), signal, response (true to get the Response back).
 */
export async function api(path, options = {}) {
  const { method = 'GET', json, body, headers = {}, auth = true, signal, response: wantResponse = false } = options;
  const send = async () => {
    const all = { Accept: 'application/json', ...headers };
    const token = auth ? authorization() : null;
    if (token) all.Authorization = token;
    let payload = body;
    if (json !== undefined) {
      all['Content-Type'] = 'application/json';
      payload = JSON.stringify(json);
    }
    return fetch(`/api/v1${path}`, { method, headers: all, body: payload, signal });
  };
  let response;
  try {
    response = await send();
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    throw new ApiError(0, { detail: 'The server could not be reached. Check your connection and try again.' });
  }
  if (response.status === 401 && auth && storedTokens()) {
    const body401 = await readBody(response.clone());
    if (!body401 || body401.code === 'invalid_token' || /token/i.test(body401.detail || '')) {
      await refreshTokens();
      response = await send();
    }
  }
  if (wantResponse && response.ok) return response;
  const result = await readBody(response);
  if (!response.ok) throw new ApiError(response.status, result);
  return result;
}
