// The signed-in user's videos: their state, editing of title/description/privacy, deletion.

import { api } from './api.js';
import { h, replace, field, privacySelect, errorBox, successBox, busy, formatViews, timeElement, formatDuration, announce } from './dom.js';
import { thumbnail, watchPath } from './cards.js';
import { setTitle } from './main.js';

const PAGE = 20;

export async function render({ main, signal }) {
  setTitle('My videos');
  const count = h('p', { class: 'muted' });
  const messages = h('div', { class: 'form-messages', 'aria-live': 'polite' });
  const list = h('ul', { class: 'my-videos', 'aria-label': 'My videos' });
  const more = h('button', { type: 'button', class: 'button button-secondary more-button', hidden: true }, 'Show more');
  main.append(h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'My videos'), count),
    h('a', { class: 'button', href: '/videos/upload' }, 'Upload a video')), messages, list, h('div', { class: 'more' }, more));

  let start = 0;
  let total = 0;
  const load = async () => {
    const page = await api(`/users/me/videos?sort=-publishedAt&start=${start}&count=${PAGE}`, { signal });
    total = page.total;
    page.data.forEach((video) => list.append(row(video, messages, () => {
      total--;
      count.textContent = summary(total);
    })));
    start += page.data.length;
    more.hidden = start >= total || page.data.length === 0;
    count.textContent = summary(total);
    if (total === 0) replace(list, h('li', { class: 'empty' }, 'You have not uploaded any video yet.'));
  };
  more.addEventListener('click', () => busy(more, load).catch((e) => messages.append(errorBox(e))));
  await load();
}

function summary(total) {
  return `${total} ${total === 1 ? 'video' : 'videos'}`;
}

function stateBadge(video) {
  const state = video.state || { id: 1, label: 'Published' };
  const kind = state.id === 1 ? 'ok' : state.id === 7 ? 'error' : 'pending';
  const text = state.id === 2 && video.transcodingProgress != null ? `${state.label} (${Math.round(video.transcodingProgress)}%)` : state.label;
  return h('span', { class: `badge badge-${kind}` }, text);
}

function row(video, messages, onDeleted) {
  const title = h('a', { href: watchPath(video), class: 'my-video-title' }, video.name);
  const badges = h('p', { class: 'card-badges' }, stateBadge(video), h('span', { class: 'badge' }, video.privacy.label));
  const meta = h('p', { class: 'card-meta' }, formatViews(video.views), ' · ', timeElement(video.publishedAt));
  const editButton = h('button', { type: 'button', class: 'button button-secondary button-small', 'aria-expanded': 'false' }, 'Edit');
  const deleteButton = h('button', { type: 'button', class: 'button button-danger button-small' }, 'Delete');
  editButton.setAttribute('aria-label', `Edit “${video.name}”`);
  deleteButton.setAttribute('aria-label', `Delete “${video.name}”`);
  const editArea = h('div', { class: 'edit-area', hidden: true });
  const item = h('li', { class: 'my-video' },
    h('a', { class: 'my-video-thumb card-thumb', href: watchPath(video), tabindex: '-1', 'aria-hidden': 'true' },
      thumbnail(video), h('span', { class: 'duration' }, formatDuration(video.duration))),
    h('div', { class: 'my-video-body' }, title, meta, badges,
      video.state?.id === 7 && video.transcodingError ? h('p', { class: 'error-text' }, video.transcodingError) : null),
    h('div', { class: 'my-video-actions' }, editButton, deleteButton),
    editArea);

  editButton.addEventListener('click', async () => {
    if (!editArea.hidden) {
      editArea.hidden = true;
      editButton.setAttribute('aria-expanded', 'false');
      return;
    }
    try {
      const details = await busy(editButton, () => api(`/videos/${video.uuid}`));
      replace(editArea, editForm(details, (changed) => {
        video.name = changed.name;
        title.textContent = changed.name;
        badges.lastChild.textContent = changed.privacyLabel;
        editArea.hidden = true;
        editButton.setAttribute('aria-expanded', 'false');
        editButton.focus();
        messages.replaceChildren(successBox(`“${changed.name}” was saved.`));
      }));
      editArea.hidden = false;
      editButton.setAttribute('aria-expanded', 'true');
      editArea.querySelector('input').focus();
    } catch (e) {
      messages.replaceChildren(errorBox(e));
    }
  });

  deleteButton.addEventListener('click', async () => {
    if (!window.confirm(`Delete “${video.name}”? This cannot be undone.`)) return;
    try {
      await busy(deleteButton, () => api(`/videos/${video.uuid}`, { method: 'DELETE' }));
      const next = item.nextElementSibling || item.previousElementSibling;
      item.remove();
      onDeleted();
      messages.replaceChildren(successBox(`“${video.name}” was deleted.`));
      announce(`${video.name} was deleted.`);
      (next?.querySelector('.my-video-title') || document.querySelector('h1')).focus();
    } catch (e) {
      messages.replaceChildren(errorBox(e));
    }
  });
  return item;
}

function editForm(video, onSaved) {
  const id = video.uuid.slice(0, 8);
  const name = h('input', { id: `edit-name-${id}`, value: video.name, required: true, maxlength: 120 });
  const description = h('textarea', { id: `edit-description-${id}`, rows: 4, maxlength: 10000, value: video.description || '' });
  const privacy = privacySelect(`edit-privacy-${id}`, video.privacy.id);
  const messages = h('div', { class: 'form-messages' });
  const save = h('button', { type: 'submit', class: 'button button-small' }, 'Save');
  const form = h('form', { class: 'edit-form', 'aria-label': `Edit ${video.name}` },
    field('Title', name), field('Privacy', privacy), field('Description', description), messages,
    h('div', { class: 'form-actions' }, save));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    messages.replaceChildren();
    try {
      await busy(save, () => api(`/videos/${video.uuid}`, {
        method: 'PUT',
        json: { name: name.value.trim(), description: description.value, privacy: Number(privacy.value) },
      }));
      onSaved({ name: name.value.trim(), privacyLabel: privacy.selectedOptions[0].textContent });
    } catch (e) {
      messages.append(errorBox(e));
    }
  });
  return form;
}
