// Logging in with the OAuth password grant of this instance.

import { h, field, errorBox, busy } from './dom.js';
import { login } from './session.js';
import { navigate, setTitle } from './main.js';

export async function render({ main, query, user, config }) {
  setTitle('Log in');
  const next = safeNext(query.get('next'));
  if (user) {
    main.append(h('h1', {}, 'Log in'), h('p', {}, `You are logged in as ${user.username}. `, h('a', { href: next }, 'Continue'), '.'));
    return;
  }
  const username = h('input', { id: 'login-username', name: 'username', autocomplete: 'username', required: true, autocapitalize: 'none', spellcheck: 'false' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', id: 'login-submit', class: 'button button-block' }, 'Log in');
  const messages = h('div', { class: 'form-messages' });
  const form = h('form', { class: 'card-panel login-form', novalidate: true },
    h('h1', {}, 'Log in'),
    h('p', { class: 'muted' }, `to ${config.instance.name}`),
    messages,
    field('Username or e-mail', username),
    field('Password', password),
    submit,
    config.signup?.allowed ? null : h('p', { class: 'muted small' }, 'Accounts on this instance are created by its administrators.'));
  main.append(h('div', { class: 'narrow' }, form));

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    messages.replaceChildren();
    if (!username.value.trim() || !password.value) {
      messages.append(errorBox('Enter your username and password.'));
      (username.value.trim() ? password : username).focus();
      return;
    }
    try {
      await busy(submit, () => login(username.value.trim(), password.value));
      navigate(next, { replace: true });
    } catch (e) {
      password.value = '';
      messages.append(errorBox(e.status === 400 || e.status === 401 ? new Error(e.message || 'Wrong username or password.') : e));
      password.focus();
    }
  });
}

/** Only paths of this site, never another origin. */
function safeNext(next) {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}
