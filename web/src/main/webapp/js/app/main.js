// The client's entry point: the header, the routes, and navigation with history.pushState.

import { api, storedTokens } from './api.js';
import { h, replace, errorBox, icon, ICONS } from './dom.js';
import { currentUser, isAdmin, knownUsername, logout, onSessionChange } from './session.js';
import { mountBell, stopBell } from './notifications.js';

const ROUTES = [
  { path: /^\/$/, page: './home.js' },
  { path: /^\/w\/p\/([^/]+)\/?$/, page: './watch.js', view: 'playlist' },
  { path: /^\/videos\/watch\/playlist\/([^/]+)\/?$/, page: './watch.js', view: 'playlist' },
  { path: /^\/w\/([^/]+)\/?$/, page: './watch.js' },
  { path: /^\/videos\/watch\/([^/]+)\/?$/, page: './watch.js' },
  { path: /^\/search\/?$/, page: './search.js' },
  { path: /^\/videos\/subscriptions\/?$/, page: './library.js', view: 'subscription-videos', login: true },
  { path: /^\/my-library\/?$/, redirect: '/my-library/video-playlists' },
  { path: /^\/my-library\/video-playlists\/?$/, page: './playlists.js', view: 'mine', login: true },
  { path: /^\/my-library\/video-playlists\/create\/?$/, page: './playlists.js', view: 'create', login: true },
  { path: /^\/my-library\/video-playlists\/update\/([^/]+)\/?$/, page: './playlists.js', view: 'update', login: true },
  { path: /^\/my-library\/video-playlists\/([^/]+)\/?$/, page: './playlists.js', view: 'playlist' },
  { path: /^\/my-library\/history\/videos\/?$/, page: './library.js', view: 'history', login: true },
  { path: /^\/my-library\/subscriptions\/?$/, page: './library.js', view: 'subscriptions', login: true },
  { path: /^\/my-account\/notifications\/?$/, page: './notifications.js', login: true },
  { path: /^\/c\/([^/]+)(?:\/videos)?\/?$/, page: './channel.js', view: 'channel' },
  { path: /^\/a\/([^/]+)(?:\/(?:videos|video-channels))?\/?$/, page: './channel.js', view: 'account' },
  { path: /^\/videos\/upload\/?$/, page: './upload.js', login: true },
  { path: /^\/login\/?$/, page: './login.js' },
  { path: /^\/my-videos\/?$/, page: './my-videos.js', login: true },
  { path: /^\/my-account\/?$/, page: './my-account.js', login: true },
  { path: /^\/admin\/?$/, redirect: '/admin/users' },
  { path: /^\/admin\/users\/?$/, page: './admin.js', view: 'users', admin: true },
  { path: /^\/admin\/settings\/?$/, page: './admin.js', view: 'settings', admin: true },
];

let configPromise = null;

/** GET /api/v1/config, asked once per page load (reset after the admin changes it). */
export function serverConfig(reload = false) {
  if (!configPromise || reload) {
    configPromise = api('/config', { auth: false }).catch((e) => {
      configPromise = null;
      throw e;
    });
  }
  return configPromise;
}

const main = document.getElementById('main');
let current = null;

/** Goes to a path of the client without reloading the page. */
export function navigate(path, { replace: replaceState = false } = {}) {
  if (replaceState) history.replaceState(null, '', path);
  else history.pushState(null, '', path);
  route();
}

/** Sets the document title as "Page – Instance". */
export function setTitle(page) {
  const instance = document.getElementById('instance-name').textContent;
  document.title = page ? `${page} – ${instance}` : instance;
}

async function route() {
  if (current) {
    current.controller.abort();
    current.cleanups.forEach((cleanup) => {
      try { cleanup(); } catch (e) { console.error(e); }
    });
  }
  const context = { controller: new AbortController(), cleanups: [] };
  current = context;
  const path = decodeURI(location.pathname);
  const match = ROUTES.map((r) => ({ route: r, params: path.match(r.path) })).find((m) => m.params);
  markCurrentNav();

  if (!match) return notFound();
  const { route: target, params } = match;
  if (target.redirect) return navigate(target.redirect, { replace: true });
  if ((target.login || target.admin) && !storedTokens()) {
    return navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`, { replace: true });
  }
  main.setAttribute('aria-busy', 'true');
  try {
    const [module, user, config] = await Promise.all([import(target.page), currentUser(), serverConfig()]);
    if (context !== current) return;
    if (target.admin && !isAdmin(user)) {
      replace(main, h('h1', {}, 'Administrators only'),
        h('p', {}, 'This page is for the administrators of this instance.'));
      setTitle('Administrators only');
      return;
    }
    if (target.login && !user) {
      return navigate(`/login?next=${encodeURIComponent(location.pathname)}`, { replace: true });
    }
    replace(main);
    await module.render({
      main,
      params: params.slice(1).map((p) => p),
      view: target.view,
      query: new URLSearchParams(location.search),
      user,
      config,
      signal: context.controller.signal,
      onLeave: (cleanup) => context.cleanups.push(cleanup),
    });
  } catch (e) {
    if (e.name === 'AbortError' || context !== current) return;
    showFailure(e);
  } finally {
    if (context === current) main.removeAttribute('aria-busy');
  }
  if (context === current && !location.hash) focusMain();
}

let firstRoute = true;

/** Moves focus to the new page's heading after a navigation, as a page load would. */
function focusMain() {
  if (firstRoute) {
    firstRoute = false;
    return;
  }
  const heading = main.querySelector('h1');
  const target = heading || main;
  if (heading) heading.setAttribute('tabindex', '-1');
  target.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

/** A page that could not be shown: not found, not allowed, or another failure, with the server's reason. */
function showFailure(e) {
  if (e.status === 404) {
    replace(main, h('h1', {}, 'Not found'), h('p', {}, e.message),
      h('p', {}, h('a', { href: '/' }, 'Go to the home page')));
    setTitle('Not found');
  } else if ((e.status === 401 || e.status === 403) && !storedTokens()) {
    replace(main, h('h1', {}, 'Please log in'), h('p', {}, e.message),
      h('p', {}, h('a', { class: 'button', href: `/login?next=${encodeURIComponent(location.pathname)}` }, 'Log in')));
    setTitle('Please log in');
  } else {
    if (!e.status) console.error(e);
    replace(main, h('h1', {}, e.status === 403 ? 'Not allowed' : 'Something went wrong'), errorBox(e));
    setTitle('Error');
  }
}

function notFound() {
  replace(main, h('h1', {}, 'Page not found'),
    h('p', {}, 'There is nothing at this address. ', h('a', { href: '/' }, 'Go to the home page'), '.'));
  setTitle('Page not found');
}

// ---- header --------------------------------------------------------------------------------

const nav = document.getElementById('main-nav');

function navLink(href, label, extra = {}) {
  return h('li', {}, h('a', { href, class: 'nav-link', ...extra }, label));
}

async function renderNav() {
  const tokens = storedTokens();
  const draw = (user) => {
    const name = user ? user.username : knownUsername();
    const admin = user ? isAdmin(user) : !!(tokens && tokens.admin);
    const items = [navLink('/', 'Home')];
    if (name) {
      items.push(navLink('/videos/subscriptions', 'Subscriptions'),
        navLink('/my-library/video-playlists', 'Library', { 'data-prefix': '/my-library' }),
        navLink('/videos/upload', 'Upload'), navLink('/my-videos', 'My videos'));
      if (admin) items.push(navLink('/admin/users', 'Admin', { 'data-prefix': '/admin' }));
      const bell = h('li', { class: 'nav-bell' });
      items.push(bell,
        h('li', { class: 'nav-user' }, h('a', { href: '/my-account', class: 'nav-link nav-account', 'aria-label': `My account (${name})` },
          h('span', { class: 'avatar', 'aria-hidden': 'true' }, name.slice(0, 1).toUpperCase()), h('span', { class: 'nav-username' }, name))),
        h('li', {}, h('button', { type: 'button', class: 'nav-link nav-button', onclick: onLogout }, 'Log out')));
    } else {
      items.push(h('li', { class: 'nav-user' }, h('a', { href: '/login', class: 'nav-link nav-login' }, 'Log in')));
    }
    replace(nav, h('ul', {}, items));
    const bellSlot = nav.querySelector('.nav-bell');
    if (bellSlot) mountBell(bellSlot);
    else stopBell();
    markCurrentNav();
  };
  draw(null);
  if (tokens) {
    try {
      draw(await currentUser());
    } catch {
      // the header keeps the name it knew; pages report their own errors
    }
  }
}

async function onLogout() {
  await logout();
  navigate('/');
}

/** The header's search box: PeerTube's /search?search=… */
function renderSearchBox() {
  const slot = document.getElementById('header-search');
  if (!slot) return;
  const input = h('input', { type: 'search', name: 'search', id: 'search-input', placeholder: 'Search videos, channels, playlists',
    autocomplete: 'off', enterkeyhint: 'search', 'aria-label': 'Search' });
  const form = h('form', { role: 'search', class: 'search-form', action: '/search', method: 'get' }, input,
    h('button', { type: 'submit', class: 'search-submit', 'aria-label': 'Search' }, icon(ICONS.search, 20)));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const terms = input.value.trim();
    if (!terms) {
      input.focus();
      return;
    }
    navigate(`/search?search=${encodeURIComponent(terms)}`);
  });
  replace(slot, form);
  window.addEventListener('popstate', fillSearchBox);
}

/** The box shows the terms of the search page it is on. */
export function fillSearchBox() {
  const input = document.getElementById('search-input');
  if (input && location.pathname.startsWith('/search')) input.value = new URLSearchParams(location.search).get('search') || '';
}

function markCurrentNav() {
  const path = location.pathname;
  nav.querySelectorAll('a').forEach((link) => {
    const href = link.getAttribute('href');
    const prefix = link.dataset.prefix;
    const active = href === path || (prefix && path.startsWith(prefix));
    if (active) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
}

async function renderInstanceName(reload = false) {
  const element = document.getElementById('instance-name');
  const cached = localStorage.getItem('kinema.instanceName');
  if (cached) element.textContent = cached;
  try {
    const config = await serverConfig(reload);
    element.textContent = config.instance.name;
    localStorage.setItem('kinema.instanceName', config.instance.name);
    const footer = document.getElementById('footer-name');
    if (footer) footer.textContent = config.instance.name;
  } catch {
    // the cached or default name stays
  }
}

/** After the admin renamed the instance. */
export function refreshInstance() {
  return renderInstanceName(true);
}

// ---- link handling -------------------------------------------------------------------------

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest('a[href]');
  if (!link || link.target || link.hasAttribute('download') || link.dataset.external !== undefined) return;
  const url = new URL(link.href, location.href);
  if (url.origin !== location.origin) return;
  if (!ROUTES.some((r) => r.path.test(decodeURI(url.pathname)))) return;
  event.preventDefault();
  if (url.pathname + url.search === location.pathname + location.search && !url.hash) return;
  navigate(url.pathname + url.search + url.hash);
});

window.addEventListener('popstate', route);
onSessionChange(renderNav);

renderInstanceName();
renderSearchBox();
renderNav();
route();
