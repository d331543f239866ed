// The signed-in user's own settings: profile, player preferences and password.

import { api } from './api.js';
import { h, field, errorBox, successBox, busy, formatBytes } from './dom.js';
import { reloadUser } from './session.js';
import { setTitle } from './main.js';

export async function render({ main: page, user }) {
  let main = page;
  setTitle('My account');
  const column = h('div', { class: 'page-column' }, h('h1', {}, 'My account'));
  main.append(column);
  main = column;

  const used = user.videoQuotaUsed || 0;
  const quota = user.videoQuota;
  main.append(h('section', { class: 'card-panel', 'aria-labelledby': 'acc-summary' },
    h('h2', { id: 'acc-summary' }, 'Summary'),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Username'), h('dd', {}, user.username),
      h('dt', {}, 'E-mail'), h('dd', {}, user.email || '—'),
      h('dt', {}, 'Role'), h('dd', {}, user.role?.label || ''),
      h('dt', {}, 'Storage used'), h('dd', {}, quota < 0 ? `${formatBytes(used)} (no limit)` : `${formatBytes(used)} of ${formatBytes(quota)}`,
        quota > 0 ? h('meter', { min: 0, max: quota, value: Math.min(used, quota), 'aria-label': 'Storage used', class: 'quota-meter' }) : null))));

  const displayName = h('input', { id: 'my-display-name', value: user.account?.displayName || '', maxlength: 120 });
  const description = h('textarea', { id: 'my-description', rows: 4, maxlength: 1000, value: user.account?.description || '' });
  const p2p = h('input', { type: 'checkbox', id: 'my-p2p', checked: !!user.p2pEnabled });
  const autoPlay = h('input', { type: 'checkbox', id: 'my-autoplay', checked: !!user.autoPlayVideo });
  const saveMessages = h('div', { class: 'form-messages' });
  const save = h('button', { type: 'submit', class: 'button', id: 'my-account-save' }, 'Save settings');
  const settings = h('form', { class: 'card-panel', 'aria-labelledby': 'acc-settings' },
    h('h2', { id: 'acc-settings' }, 'Profile and player'),
    field('Display name', displayName),
    field('Description', description),
    field('Use P2P in the player', p2p, 'Share the video with other viewers while you watch, which lightens the load on the server. Your IP address becomes visible to those peers.'),
    field('Start playing videos automatically', autoPlay),
    saveMessages,
    h('div', { class: 'form-actions' }, save));
  settings.addEventListener('submit', async (event) => {
    event.preventDefault();
    saveMessages.replaceChildren();
    try {
      await busy(save, () => api('/users/me', {
        method: 'PUT',
        json: { displayName: displayName.value.trim() || undefined, description: description.value, p2pEnabled: p2p.checked, autoPlayVideo: autoPlay.checked },
      }));
      await reloadUser();
      saveMessages.append(successBox('Your settings were saved.'));
    } catch (e) {
      saveMessages.append(errorBox(e));
    }
  });
  main.append(settings);

  const current = h('input', { type: 'password', id: 'my-current-password', autocomplete: 'current-password', required: true });
  const fresh = h('input', { type: 'password', id: 'my-new-password', autocomplete: 'new-password', required: true, minlength: 6 });
  const again = h('input', { type: 'password', id: 'my-new-password-again', autocomplete: 'new-password', required: true, minlength: 6 });
  const passwordMessages = h('div', { class: 'form-messages' });
  const change = h('button', { type: 'submit', class: 'button button-secondary' }, 'Change password');
  const passwordForm = h('form', { class: 'card-panel', 'aria-labelledby': 'acc-password', novalidate: true },
    h('h2', { id: 'acc-password' }, 'Password'),
    field('Current password', current), field('New password', fresh, 'At least 6 characters.'), field('New password again', again),
    passwordMessages, h('div', { class: 'form-actions' }, change));
  passwordForm.addEventListener('submit', async (event) => {
    event.preventDefault();
    passwordMessages.replaceChildren();
    if (fresh.value !== again.value) {
      passwordMessages.append(errorBox('The two new passwords differ.'));
      return;
    }
    try {
      await busy(change, () => api('/users/me', { method: 'PUT', json: { currentPassword: current.value, password: fresh.value } }));
      passwordForm.reset();
      passwordMessages.append(successBox('Your password was changed.'));
    } catch (e) {
      passwordMessages.append(errorBox(e));
    }
  });
  main.append(passwordForm);
}
