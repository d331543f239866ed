// Playlists: the user's own (/my-library/video-playlists, with Watch later first and a form for a
// new one), a playlist's page (/my-library/video-playlists/{id}: its videos, "Play all", and for
// its owner editing, deleting, reordering and removing elements), and PeerTube's create and
// update routes.

import { api } from './api.js';
import { h, replace, field, filled, errorBox, successBox, busy, announce, icon, ICONS, formatNumber, formatDuration,
  PLAYLIST_PRIVACIES } from './dom.js';
import { thumbnail, accountPath } from './cards.js';
import { navigate, setTitle } from './main.js';
import { libraryTabs } from './library.js';
import { allElements, playlistWatchPath, unavailable } from './watch.js';

const WATCH_LATER = 2;

export function playlistPath(playlist) {
  return `/my-library/video-playlists/${playlist.shortUUID || playlist.uuid || playlist.id}`;
}

/** A playlist's card: its picture, name, size and privacy. */
export function playlistCard(playlist) {
  const href = playlistPath(playlist);
  const name = playlist.type?.id === WATCH_LATER ? 'Watch later' : playlist.displayName;
  return h('article', { class: 'playlist-card', 'data-playlist': playlist.uuid },
    h('a', { class: 'card-thumb playlist-thumb', href, tabindex: '-1', 'aria-hidden': 'true' },
      playlist.thumbnailPath ? thumbnail({ thumbnailPath: playlist.thumbnailPath }) : h('span', { class: 'playlist-thumb-empty' }, icon(ICONS.save, 36)),
      h('span', { class: 'duration' }, `${formatNumber(playlist.videosLength)} ${playlist.videosLength === 1 ? 'video' : 'videos'}`)),
    h('div', { class: 'card-body' },
      h('h3', { class: 'card-title' }, h('a', { href }, name)),
      playlist.ownerAccount ? h('p', { class: 'card-channel' }, playlist.ownerAccount.displayName || playlist.ownerAccount.name) : null,
      playlist.privacy && playlist.privacy.id !== 1 ? h('p', { class: 'card-badges' }, h('span', { class: 'badge' }, playlist.privacy.label)) : null));
}

export async function render(context) {
  if (context.view === 'playlist') return renderPlaylist(context);
  if (context.view === 'create') return renderCreate(context);
  if (context.view === 'update') return renderUpdate(context);
  return renderMine(context);
}

async function renderMine({ main, user, signal }) {
  setTitle('My playlists');
  const account = user.account?.name || user.username;
  const grid = h('div', { class: 'playlist-grid', id: 'my-playlists' });
  const form = createForm(user);
  main.append(h('h1', {}, 'Library'), libraryTabs(user, '/my-library/video-playlists'),
    h('details', { class: 'card-panel create-playlist', id: 'create-playlist' }, h('summary', {}, 'New playlist'), form),
    h('section', { 'aria-labelledby': 'my-playlists-title' }, h('h2', { id: 'my-playlists-title' }, 'My playlists'), grid));
  const page = await api(`/accounts/${encodeURIComponent(account)}/video-playlists?start=0&count=100&sort=-updatedAt`, { signal });
  const sorted = page.data.slice().sort((a, b) => (b.type?.id === WATCH_LATER) - (a.type?.id === WATCH_LATER));
  let watchLater = sorted.find((p) => p.type?.id === WATCH_LATER);
  if (!watchLater && user.specialPlaylists?.[0]) {
    watchLater = await api(`/video-playlists/${user.specialPlaylists[0].id}`, { signal }).catch(() => null);
    if (watchLater) sorted.unshift(watchLater);
  }
  replace(grid, sorted.length ? sorted.map(playlistCard) : h('p', { class: 'empty' }, 'You have no playlist yet.'));
}

/** The fields of a playlist: name, description, privacy, channel (a public one needs one). */
function playlistForm(user, { playlist = null, submitLabel, save, done, cancel }) {
  const channels = user.videoChannels || [];
  const name = h('input', { id: 'playlist-name', maxlength: 120, required: true, value: playlist?.displayName || '' });
  const description = h('textarea', { id: 'playlist-description', rows: 3, maxlength: 1000 }, playlist?.description || '');
  const privacy = h('select', { id: 'playlist-privacy' },
    PLAYLIST_PRIVACIES.map(([value, label]) => h('option', { value, selected: value === (playlist?.privacy?.id || 3) }, label)));
  const channel = h('select', { id: 'playlist-channel' }, h('option', { value: '' }, 'None'),
    channels.map((c) => h('option', { value: c.id, selected: playlist?.videoChannel?.id === c.id }, c.displayName || c.name)));
  const submit = h('button', { type: 'submit', class: 'button', id: 'playlist-submit' }, submitLabel);
  const messages = h('div', { class: 'form-messages', 'aria-live': 'polite' });
  const form = h('form', { class: 'playlist-form', novalidate: true }, messages,
    h('div', { class: 'form-grid form-grid-2' }, field('Name', name), field('Privacy', privacy)),
    field('Description', description),
    field('Channel', channel, 'A public playlist is shown in one of your channels.'),
    h('div', { class: 'form-actions' }, submit,
      cancel ? h('button', { type: 'button', class: 'button button-secondary', onclick: cancel }, 'Cancel') : null));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    messages.replaceChildren();
    if (!filled(name, messages, 'Give the playlist a name.')) return;
    const body = { displayName: name.value.trim(), privacy: Number(privacy.value) };
    if (description.value.trim() || playlist?.description) body.description = description.value.trim();
    const channelId = Number(channel.value) || (body.privacy === 1 ? channels[0]?.id : null);
    body.videoChannelId = channelId || null;
    try {
      const answer = await busy(submit, () => save(body));
      await done(answer, body);
    } catch (e) {
      messages.append(errorBox(e));
    }
  });
  return form;
}

async function renderCreate({ main, user }) {
  setTitle('New playlist');
  main.append(h('h1', {}, 'New playlist'), h('div', { class: 'card-panel' }, createForm(user)));
}

/** The form of a new playlist, which opens the playlist once made. */
function createForm(user) {
  return playlistForm(user, {
    submitLabel: 'Create the playlist',
    save: (body) => api('/video-playlists', { method: 'POST', json: body }),
    done: (made) => navigate(playlistPath(made.videoPlaylist)),
  });
}

async function renderUpdate({ main, params, user, signal }) {
  const playlist = await api(`/video-playlists/${encodeURIComponent(params[0])}`, { signal });
  setTitle(`Edit ${playlist.displayName}`);
  main.append(h('h1', {}, `Edit “${playlist.displayName}”`), h('div', { class: 'card-panel' }, playlistForm(user, {
    playlist,
    submitLabel: 'Save',
    save: (body) => api(`/video-playlists/${playlist.uuid}`, { method: 'PUT', json: body }),
    done: () => navigate(playlistPath(playlist)),
  })));
}

function ownsPlaylist(playlist, user) {
  return !!user && !!playlist.ownerAccount && playlist.isLocal !== false
    && playlist.ownerAccount.name === (user.account?.name || user.username);
}

async function renderPlaylist({ main, params, user, signal }) {
  const id = params[0];
  const [playlist, elements] = await Promise.all([
    api(`/video-playlists/${encodeURIComponent(id)}`, { signal }),
    allElements(id, signal),
  ]);
  const watchLater = playlist.type?.id === WATCH_LATER;
  const name = watchLater ? 'Watch later' : playlist.displayName;
  setTitle(name);
  const mine = ownsPlaylist(playlist, user);
  const messages = h('div', { class: 'form-messages', 'aria-live': 'polite' });
  const list = h('ol', { class: 'playlist-elements', id: 'playlist-elements', 'aria-label': 'Videos of the playlist' });
  const firstPlayable = () => elements.find((e) => e.type === 0 && e.video);
  const playAll = h('a', { class: 'button', id: 'playlist-play-all', href: playlistWatchPath(playlist) }, icon(ICONS.play, 18), 'Play all');
  const count = h('span', {});
  const showCount = () => {
    count.textContent = `${formatNumber(elements.length)} ${elements.length === 1 ? 'video' : 'videos'}`;
    playAll.hidden = !firstPlayable();
  };
  const editArea = h('div', { class: 'card-panel', hidden: true });
  const tools = [];
  if (mine && !watchLater) {
    const edit = h('button', { type: 'button', class: 'button button-secondary', id: 'playlist-edit', 'aria-expanded': 'false' }, 'Edit');
    const remove = h('button', { type: 'button', class: 'button button-danger', id: 'playlist-delete' }, 'Delete');
    edit.addEventListener('click', () => {
      const open = editArea.hidden;
      editArea.hidden = !open;
      edit.setAttribute('aria-expanded', String(open));
      if (open) {
        replace(editArea, playlistForm(user, {
          playlist, submitLabel: 'Save',
          save: (body) => api(`/video-playlists/${playlist.uuid}`, { method: 'PUT', json: body }),
          done: () => navigate(playlistPath(playlist), { replace: true }),
          cancel: () => { editArea.hidden = true; edit.setAttribute('aria-expanded', 'false'); edit.focus(); },
        }));
        editArea.querySelector('input')?.focus();
      }
    });
    remove.addEventListener('click', () => {
      if (!confirm(`Delete the playlist “${playlist.displayName}”? The videos stay.`)) return;
      busy(remove, async () => {
        await api(`/video-playlists/${playlist.uuid}`, { method: 'DELETE' });
        navigate('/my-library/video-playlists', { replace: true });
      }).catch((e) => messages.append(errorBox(e)));
    });
    tools.push(edit, remove);
  }
  if (mine) main.append(libraryTabs(user, watchLater ? `/my-library/video-playlists/${playlist.id}` : null));
  main.append(
    h('header', { class: 'playlist-head' },
      h('div', { class: 'playlist-head-text' },
        h('p', { class: 'eyebrow' }, 'Playlist'),
        h('h1', {}, name),
        h('p', { class: 'muted' }, count,
          playlist.ownerAccount ? [' · by ', h('a', { href: accountPath(playlist.ownerAccount, playlist.isLocal) }, playlist.ownerAccount.displayName || playlist.ownerAccount.name)] : null,
          playlist.privacy ? [' · ', h('span', { class: 'badge' }, playlist.privacy.label)] : null),
        playlist.description ? h('p', { class: 'profile-description' }, playlist.description) : null),
      h('div', { class: 'form-actions' }, playAll, tools)),
    editArea, messages, list);

  const draw = () => {
    replace(list, elements.length
      ? elements.map((element, index) => elementItem(element, index))
      : h('li', { class: 'empty' }, mine ? 'No videos yet. Use “Save” under a video to add it here.' : 'No videos yet.'));
    showCount();
  };
  const move = async (index, by) => {
    const element = elements[index];
    const target = index + by;
    if (target < 0 || target >= elements.length) return;
    // PeerTube's reorder: the element at startPosition goes after insertAfterPosition (0: first)
    const insertAfter = by < 0 ? element.position - 2 : element.position + 1;
    await api(`/video-playlists/${playlist.uuid}/videos/reorder`, { method: 'POST',
      json: { startPosition: element.position, insertAfterPosition: Math.max(0, insertAfter), reorderLength: 1 } });
    elements.splice(index, 1);
    elements.splice(target, 0, element);
    elements.forEach((e, i) => { e.position = i + 1; });
    draw();
    list.children[target]?.querySelector(by < 0 ? '.element-up' : '.element-down')?.focus();
    announce(`Moved to position ${target + 1}`);
  };
  const elementItem = (element, index) => {
    const video = element.video;
    const title = video ? video.name : unavailable(element.type);
    const href = video ? playlistWatchPath(playlist, element.position) : null;
    const timing = [element.startTimestamp ? `from ${formatDuration(element.startTimestamp)}` : null,
      element.stopTimestamp ? `to ${formatDuration(element.stopTimestamp)}` : null].filter(Boolean).join(' ');
    const controls = [];
    if (mine) {
      const up = h('button', { type: 'button', class: 'button button-secondary button-small element-up', disabled: index === 0,
        'aria-label': `Move “${title}” up` }, icon(ICONS.up, 18));
      const down = h('button', { type: 'button', class: 'button button-secondary button-small element-down', disabled: index === elements.length - 1,
        'aria-label': `Move “${title}” down` }, icon(ICONS.down, 18));
      const remove = h('button', { type: 'button', class: 'button button-secondary button-small element-remove', 'aria-label': `Remove “${title}” from the playlist` }, 'Remove');
      up.addEventListener('click', () => busy(up, () => move(index, -1)).catch((e) => messages.append(errorBox(e))));
      down.addEventListener('click', () => busy(down, () => move(index, 1)).catch((e) => messages.append(errorBox(e))));
      remove.addEventListener('click', () => busy(remove, async () => {
        await api(`/video-playlists/${playlist.uuid}/videos/${element.id}`, { method: 'DELETE' });
        elements.splice(index, 1);
        elements.forEach((e, i) => { e.position = i + 1; });
        draw();
        announce(`Removed “${title}”`);
      }).catch((e) => messages.append(errorBox(e))));
      controls.push(up, down, remove);
    }
    return h('li', { class: 'playlist-element', 'data-position': element.position },
      h('span', { class: 'playlist-element-position', 'aria-hidden': 'true' }, String(index + 1)),
      video
        ? h('a', { class: 'history-thumb', href, tabindex: '-1', 'aria-hidden': 'true' }, thumbnail(video), h('span', { class: 'duration' }, formatDuration(video.duration)))
        : h('span', { class: 'history-thumb playlist-thumb-empty', 'aria-hidden': 'true' }),
      h('div', { class: 'history-body' },
        video ? h('a', { class: 'my-video-title', href }, title) : h('span', { class: 'muted' }, title),
        h('p', { class: 'card-meta' }, video?.channel ? video.channel.displayName || video.channel.name : '', timing ? ` · ${timing}` : '')),
      controls.length ? h('div', { class: 'element-controls' }, controls) : null);
  };
  draw();
  if (new URLSearchParams(location.search).get('saved')) messages.append(successBox('Saved.'));
}
