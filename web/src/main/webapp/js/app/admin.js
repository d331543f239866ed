// Administration: the users of the instance, and the instance's settings.

import { api } from './api.js';
import { h, field, errorBox, successBox, busy, formatBytes, formatDate, announce } from './dom.js';
import { refreshInstance, setTitle, serverConfig } from './main.js';

const ROLES = [[0, 'Administrator'], [1, 'Moderator'], [2, 'User']];
const GB = 1024 ** 3;
const MB = 1024 ** 2;
const QUOTAS = [-1, 0, 100 * MB, 500 * MB, GB, 5 * GB, 20 * GB, 50 * GB, 100 * GB, 500 * GB, 1024 * GB];
const DAILY_QUOTAS = [-1, 0, 10 * MB, 50 * MB, 100 * MB, 500 * MB, 2 * GB, 5 * GB, 10 * GB, 50 * GB];

export async function render(context) {
  const { main, view } = context;
  main.append(h('nav', { class: 'tabs', 'aria-label': 'Administration' },
    tab('/admin/users', 'Users', view === 'users'), tab('/admin/settings', 'Settings', view === 'settings')));
  return view === 'settings' ? settings(context) : users(context);
}

function tab(href, label, current) {
  return h('a', { href, class: 'tab', 'aria-current': current ? 'page' : null }, label);
}

function quotaSelect(id, value, presets, label) {
  const values = presets.includes(value) ? presets : [...presets, value].sort((a, b) => a - b);
  return h('select', { id, 'aria-label': label },
    values.map((v) => h('option', { value: v, selected: v === value }, v < 0 ? 'Unlimited' : v === 0 ? 'None' : formatBytes(v))));
}

function roleSelect(id, value, label) {
  return h('select', { id, 'aria-label': label }, ROLES.map(([v, text]) => h('option', { value: v, selected: v === value }, text)));
}

// ---- users ---------------------------------------------------------------------------------

async function users({ main, user: me, signal }) {
  setTitle('Users');
  const messages = h('div', { class: 'form-messages', 'aria-live': 'polite' });
  const body = h('tbody', {});
  const total = h('p', { class: 'muted' });
  main.append(h('h1', {}, 'Users'), total, messages);

  const config = await serverConfig();
  main.append(createForm(config, messages, (created) => body.prepend(userRow(created, me, messages))));
  main.append(h('div', { class: 'table-wrap' }, h('table', { class: 'table' },
    h('caption', { class: 'visually-hidden' }, 'Users of this instance'),
    h('thead', {}, h('tr', {}, ['User', 'Role', 'Video quota', 'Daily quota', 'Used', 'Created', 'Actions']
      .map((title) => h('th', { scope: 'col' }, title)))),
    body)));
  const list = await api('/users?count=100&sort=-createdAt', { signal });
  total.textContent = `${list.total} ${list.total === 1 ? 'user' : 'users'}${list.total > list.data.length ? `, the ${list.data.length} newest shown` : ''}`;
  list.data.forEach((user) => body.append(userRow(user, me, messages)));
}

function userRow(user, me, messages) {
  const id = user.id;
  const role = roleSelect(`role-${id}`, user.role?.id ?? 2, `Role of ${user.username}`);
  const quota = quotaSelect(`quota-${id}`, user.videoQuota, QUOTAS, `Video quota of ${user.username}`);
  const daily = quotaSelect(`daily-${id}`, user.videoQuotaDaily, DAILY_QUOTAS, `Daily video quota of ${user.username}`);
  const save = h('button', { type: 'button', class: 'button button-small', 'aria-label': `Save ${user.username}` }, 'Save');
  const remove = h('button', { type: 'button', class: 'button button-danger button-small', 'aria-label': `Delete ${user.username}` }, 'Delete');
  const self = me && me.id === id;
  if (self) {
    remove.disabled = true;
    role.disabled = true;
  }
  const row = h('tr', {},
    h('th', { scope: 'row' }, h('span', { class: 'user-cell' }, h('strong', {}, user.username), h('span', { class: 'muted small' }, user.email || ''))),
    h('td', {}, role), h('td', {}, quota), h('td', {}, daily),
    h('td', {}, formatBytes(user.videoQuotaUsed || 0)),
    h('td', {}, formatDate(user.createdAt)),
    h('td', { class: 'actions' }, save, ' ', remove));
  save.addEventListener('click', async () => {
    try {
      await busy(save, () => api(`/users/${id}`, {
        method: 'PUT',
        json: { role: self ? undefined : Number(role.value), videoQuota: Number(quota.value), videoQuotaDaily: Number(daily.value) },
      }));
      messages.replaceChildren(successBox(`${user.username} was saved.`));
    } catch (e) {
      messages.replaceChildren(errorBox(e, `${user.username} could not be saved`));
    }
  });
  remove.addEventListener('click', async () => {
    if (!window.confirm(`Delete the user ${user.username}, with their channels and videos? This cannot be undone.`)) return;
    try {
      await busy(remove, () => api(`/users/${id}`, { method: 'DELETE' }));
      row.remove();
      messages.replaceChildren(successBox(`${user.username} was deleted.`));
      announce(`${user.username} was deleted.`);
    } catch (e) {
      messages.replaceChildren(errorBox(e, `${user.username} could not be deleted`));
    }
  });
  return row;
}

function createForm(config, pageMessages, onCreated) {
  const username = h('input', { id: 'new-username', required: true, maxlength: 50, pattern: '[a-z0-9._]+', autocomplete: 'off', autocapitalize: 'none' });
  const email = h('input', { id: 'new-email', type: 'email', required: true, autocomplete: 'off' });
  const password = h('input', { id: 'new-password', type: 'password', required: true, minlength: 6, autocomplete: 'new-password' });
  const role = roleSelect('new-role', 2);
  const quota = quotaSelect('new-quota', config.user?.videoQuota ?? -1, QUOTAS);
  const daily = quotaSelect('new-daily', config.user?.videoQuotaDaily ?? -1, DAILY_QUOTAS);
  const messages = h('div', { class: 'form-messages' });
  const submit = h('button', { type: 'submit', class: 'button', id: 'new-user-submit' }, 'Create user');
  const form = h('form', { class: 'form-grid', novalidate: true },
    field('Username', username, 'Lower-case letters, digits, dots and underscores.'), field('E-mail', email),
    field('Password', password, 'At least 6 characters.'), field('Role', role),
    field('Video quota', quota), field('Daily video quota', daily),
    h('div', { class: 'form-wide' }, messages, h('div', { class: 'form-actions' }, submit)));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    messages.replaceChildren();
    try {
      await busy(submit, () => api('/users', {
        method: 'POST',
        json: { username: username.value.trim(), email: email.value.trim(), password: password.value, role: Number(role.value),
          videoQuota: Number(quota.value), videoQuotaDaily: Number(daily.value) },
      }));
      const created = await api(`/users?search=${encodeURIComponent(username.value.trim())}&count=5`);
      const user = created.data.find((u) => u.username === username.value.trim());
      if (user) onCreated(user);
      pageMessages.replaceChildren(successBox(`${username.value.trim()} was created.`));
      form.reset();
    } catch (e) {
      messages.append(errorBox(e));
    }
  });
  return h('details', { class: 'card-panel create-user' }, h('summary', {}, 'Create a user'), form);
}

// ---- settings ------------------------------------------------------------------------------

async function settings({ main, signal }) {
  setTitle('Instance settings');
  const column = h('div', { class: 'page-column page-column-left' }, h('h1', {}, 'Instance settings'));
  main.append(column);
  const custom = await api('/config/custom', { signal });
  const instance = custom.instance || {};
  const name = h('input', { id: 'cfg-name', value: instance.name || '', required: true, maxlength: 120 });
  const short = h('input', { id: 'cfg-short-description', value: instance.shortDescription || '', maxlength: 250 });
  const description = h('textarea', { id: 'cfg-description', rows: 5, maxlength: 10000, value: instance.description || '' });
  const terms = h('textarea', { id: 'cfg-terms', rows: 5, maxlength: 10000, value: instance.terms || '' });
  const signup = h('input', { type: 'checkbox', id: 'cfg-signup', checked: !!custom.signup?.enabled });
  const limit = h('input', { type: 'number', id: 'cfg-signup-limit', min: -1, step: 1, value: custom.signup?.limit ?? -1 });
  const quota = quotaSelect('cfg-quota', custom.user?.videoQuota ?? -1, QUOTAS);
  const daily = quotaSelect('cfg-daily', custom.user?.videoQuotaDaily ?? -1, DAILY_QUOTAS);
  const p2p = h('input', { type: 'checkbox', id: 'cfg-p2p', checked: !!custom.defaults?.p2p?.webapp?.enabled });
  const messages = h('div', { class: 'form-messages' });
  const save = h('button', { type: 'submit', class: 'button', id: 'cfg-save' }, 'Save settings');
  const form = h('form', { class: 'settings-form', novalidate: true },
    h('fieldset', { class: 'card-panel' }, h('legend', {}, 'Instance'),
      field('Name', name), field('Short description', short, 'One sentence, shown under the name.'),
      field('Description', description, 'Plain text.'), field('Terms of use', terms, 'Plain text.')),
    h('fieldset', { class: 'card-panel' }, h('legend', {}, 'Registrations'),
      field('Anyone may create an account', signup),
      field('Maximum number of users', limit, '-1 for no limit.')),
    h('fieldset', { class: 'card-panel' }, h('legend', {}, 'New users'),
      h('div', { class: 'form-grid' }, field('Default video quota', quota), field('Default daily video quota', daily))),
    h('fieldset', { class: 'card-panel' }, h('legend', {}, 'Player'),
      field('Peer-to-peer streaming', p2p, 'Viewers share video segments with each other (WebRTC). Each user can still turn it off for themselves.')),
    messages,
    h('div', { class: 'form-actions sticky-actions' }, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    messages.replaceChildren();
    if (!name.value.trim()) {
      messages.append(errorBox('The instance needs a name.'));
      name.focus();
      return;
    }
    const enabled = p2p.checked;
    try {
      await busy(save, () => api('/config/custom', {
        method: 'PUT',
        json: {
          instance: { name: name.value.trim(), shortDescription: short.value, description: description.value, terms: terms.value },
          signup: { enabled: signup.checked, limit: Number(limit.value) },
          user: { videoQuota: Number(quota.value), videoQuotaDaily: Number(daily.value) },
          defaults: { p2p: { webapp: { enabled }, embed: { enabled } } },
        },
      }));
      await refreshInstance();
      messages.append(successBox('The settings were saved.'));
      announce('The settings were saved.');
    } catch (e) {
      messages.append(errorBox(e));
    }
  });
  column.append(form);
}

