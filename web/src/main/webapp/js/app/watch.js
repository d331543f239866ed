// The watch page: the player (mounted by /js/player.js), the video's details, its actions (like,
// dislike, subscribe, save to a playlist), downloads and comments. A video still being processed
// shows its progress instead, polled every 2 seconds. A password-protected video asks for its
// password first, which then goes with every request about it. On /w/p/{playlist} the page plays
// a playlist: its elements beside the video, each from its start to its stop timestamp, then the
// next one.

import { mountPlayer } from '/js/player.js';
import { api, ApiError } from './api.js';
import { h, replace, icon, ICONS, formatViews, formatDate, formatBytes, formatNumber, formatDuration, spokenDuration,
  errorBox, field, filled, busy, announce, handleOf, PLAYLIST_PRIVACIES } from './dom.js';
import { accountPath, channelPath, thumbnail } from './cards.js';
import { navigate, setTitle } from './main.js';
import { processingPanel, PUBLISHED, FAILED } from './processing.js';
import { renderComments, canManageVideo } from './comments.js';

const POLL_MS = 2000;
const WATCHING_EVERY_MS = 5000;
export const PASSWORD_HEADER = 'x-peertube-video-password';

export async function render(context) {
  const { main, params, view, signal } = context;
  if (view === 'playlist') return renderPlaylist(context, params[0]);
  const { video, password } = await openVideo(main, params[0], signal);
  if (!video) return;
  return renderVideo(context, video, { password });
}

/** The video's details; for a password-protected video, after its password was given. */
async function openVideo(main, id, signal) {
  try {
    return { video: await api(`/videos/${encodeURIComponent(id)}`, { signal }), password: null };
  } catch (e) {
    if (!(e instanceof ApiError) || e.code !== 'video_requires_password') throw e;
  }
  setTitle('Password required');
  return new Promise((resolve, reject) => {
    const input = h('input', { type: 'password', id: 'video-password', autocomplete: 'off', required: true });
    const submit = h('button', { type: 'submit', class: 'button button-block', id: 'video-password-submit' }, 'Watch the video');
    const messages = h('div', { class: 'form-messages' });
    const form = h('form', { class: 'card-panel password-form', novalidate: true },
      h('h1', {}, 'This video is protected by a password'),
      h('p', { class: 'muted' }, 'Enter the password its owner gave you to watch it.'),
      messages, field('Password', input), submit);
    main.append(h('div', { class: 'narrow' }, form));
    input.focus();
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      messages.replaceChildren();
      if (!input.value) {
        messages.append(errorBox('Enter the password.'));
        input.focus();
        return;
      }
      try {
        const video = await busy(submit, () => api(`/videos/${encodeURIComponent(id)}`,
          { signal, headers: { [PASSWORD_HEADER]: input.value } }));
        replace(main);
        resolve({ video, password: input.value });
      } catch (e) {
        if (e.name === 'AbortError') return reject(e);
        messages.append(errorBox(e.code === 'incorrect_video_password' ? new Error('This password is not the right one.') : e));
        input.select();
      }
    });
  });
}

/** The playlist being played: its elements beside the video, and what plays next. */
async function renderPlaylist(context, playlistId) {
  const { main, query, signal } = context;
  const [playlist, elements] = await Promise.all([
    api(`/video-playlists/${encodeURIComponent(playlistId)}`, { signal }),
    allElements(playlistId, signal),
  ]);
  const playable = elements.filter((e) => e.type === 0 && e.video);
  if (!playable.length) {
    setTitle(playlist.displayName);
    main.append(h('h1', {}, playlist.displayName), h('p', { class: 'empty' }, 'This playlist has no video you can watch.'));
    return;
  }
  const asked = Number(query.get('playlistPosition')) || 0;
  const current = playable.find((e) => e.position >= asked) || playable[0];
  const next = playable.find((e) => e.position > current.position) || null;
  const video = await api(`/videos/${current.video.uuid}`, { signal });
  const panel = playlistPanel(playlist, elements, current);
  return renderVideo(context, video, {
    playlist: { playlist, element: current, next, panel },
    start: current.startTimestamp || 0,
    stop: current.stopTimestamp || null,
  });
}

export async function allElements(playlistId, signal) {
  const all = [];
  for (let start = 0; ; start += 100) {
    const page = await api(`/video-playlists/${encodeURIComponent(playlistId)}/videos?start=${start}&count=100`, { signal });
    all.push(...page.data);
    if (page.data.length < 100 || all.length >= page.total) return all;
  }
}

export function playlistWatchPath(playlist, position) {
  return `/w/p/${playlist.shortUUID || playlist.uuid}${position ? `?playlistPosition=${position}` : ''}`;
}

function playlistPanel(playlist, elements, current) {
  return h('aside', { class: 'playlist-panel', 'aria-labelledby': 'playlist-panel-title' },
    h('div', { class: 'playlist-panel-head' },
      h('h2', { id: 'playlist-panel-title' }, h('a', { href: `/my-library/video-playlists/${playlist.shortUUID || playlist.uuid}` }, playlist.displayName)),
      h('p', { class: 'muted small' }, `${playlist.ownerAccount?.displayName || ''} · ${current.position} / ${elements.length}`)),
    h('ol', { class: 'playlist-panel-list', id: 'playlist-elements' }, elements.map((element) => {
      const isCurrent = element === current;
      const label = element.video ? element.video.name : unavailable(element.type);
      return h('li', { class: `playlist-panel-item${isCurrent ? ' current' : ''}`, 'data-position': element.position },
        h('span', { class: 'playlist-panel-position', 'aria-hidden': 'true' }, isCurrent ? '▶' : String(element.position)),
        element.video
          ? h('a', { href: playlistWatchPath(playlist, element.position), 'aria-current': isCurrent ? 'true' : null },
            h('span', { class: 'playlist-panel-thumb' }, thumbnail(element.video)),
            h('span', { class: 'playlist-panel-name' }, label,
              h('span', { class: 'muted small' }, formatDuration(element.video.duration))))
          : h('span', { class: 'muted' }, label));
    })));
}

export function unavailable(type) {
  return { 1: 'Deleted video', 2: 'Private video', 3: 'Unavailable video' }[type] || 'Unavailable video';
}

async function renderVideo({ main, config, user, signal, onLeave }, video, { password = null, playlist = null, start = 0, stop = null }) {
  setTitle(video.name);
  const passwordHeaders = password ? { [PASSWORD_HEADER]: password } : {};
  const stage = h('div', { class: 'player-stage' });
  const primary = h('div', { class: 'watch-primary' }, stage);
  const layout = h('div', { class: `watch${playlist ? ' watch-with-playlist' : ''}` }, primary, playlist ? playlist.panel : null);
  main.append(layout);
  const resumeNote = h('p', { class: 'resume-note', hidden: true });
  primary.append(resumeNote, details(video, user, passwordHeaders, signal));
  const commentsSection = h('section', { class: 'watch-section comments', 'aria-labelledby': 'comments-title' });
  primary.append(commentsSection);
  renderComments(commentsSection, { video, user, headers: passwordHeaders, signal, canManage: canManageVideo(video, user) })
    .catch((e) => { if (e.name !== 'AbortError') commentsSection.append(errorBox(e, 'The comments could not be loaded')); });

  let player = null;
  let timer = null;
  let watching = null;
  onLeave(() => {
    clearTimeout(timer);
    clearInterval(watching);
    if (player) player.destroy();
  });

  const keepsHistory = user && user.videosHistoryEnabled !== false;
  const reportWatching = (media) => {
    if (!keepsHistory || !media || !(media.currentTime > 0)) return;
    api(`/videos/${video.uuid}/watching`, { method: 'PUT', json: { currentTime: Math.floor(media.currentTime) } })
      .catch(() => {});
  };

  const mount = async (published) => {
    replace(stage);
    const container = h('div', { class: 'player-container' });
    stage.append(container);
    stage.classList.add('has-player');
    let from = start || startTime();
    const resumeAt = published.userHistory?.currentTime;
    if (!from && !playlist && resumeAt > 0 && resumeAt < (published.duration || 0) - 5) {
      from = resumeAt;
      replace(resumeNote, `Resuming where you stopped, at ${formatDuration(resumeAt)}. `,
        h('button', { type: 'button', class: 'link-button', onclick: () => { if (player) player.media.currentTime = 0; resumeNote.hidden = true; } },
          'Start from the beginning'));
      resumeNote.hidden = false;
    }
    try {
      const autoplay = playlist ? true : user ? !!user.autoPlayVideo : !!config.defaults?.player?.autoPlay;
      player = await mountPlayer(container, {
        video: published, config, user, autoplay, start: from, password,
        onTheatre: (on) => layout.classList.toggle('watch-theatre', on),
      });
      if (signal.aborted) return player.destroy();
      const media = player.media;
      if (keepsHistory) {
        watching = setInterval(() => { if (!media.paused) reportWatching(media); }, WATCHING_EVERY_MS);
        media.addEventListener('pause', () => reportWatching(media));
      }
      if (playlist) followPlaylist(media, playlist, stop);
    } catch (e) {
      console.error(e);
      replace(stage, h('div', { class: 'processing', role: 'alert' },
        h('p', { class: 'processing-title' }, 'The player could not start'), h('p', { class: 'processing-note' }, e.message || String(e))));
    }
  };

  if (video.state.id === PUBLISHED) {
    await mount(video);
    return;
  }
  const status = processingPanel(video);
  stage.append(status.element);
  const poll = async () => {
    if (signal.aborted) return;
    try {
      const fresh = await api(`/videos/${video.uuid}`, { signal, headers: passwordHeaders });
      status.update(fresh);
      if (fresh.state.id === PUBLISHED) {
        await mount(fresh);
        replaceDownloads(main, fresh);
        return;
      }
      if (fresh.state.id === FAILED) return;
    } catch (e) {
      if (e.name === 'AbortError') return;
      status.error(e);
    }
    timer = setTimeout(poll, POLL_MS);
  };
  if (video.state.id !== FAILED) timer = setTimeout(poll, POLL_MS);
}

/** In a playlist: at the element's stop timestamp or the video's end, the next element plays. */
function followPlaylist(media, { playlist, next }, stop) {
  let done = false;
  const advance = () => {
    if (done) return;
    done = true;
    if (next) {
      announce(`Next in the playlist: ${next.video.name}`);
      navigate(playlistWatchPath(playlist, next.position));
    }
  };
  if (stop) {
    media.addEventListener('timeupdate', () => {
      if (media.currentTime >= stop) {
        media.pause();
        advance();
      }
    });
  }
  media.addEventListener('ended', advance);
}

/** ?start=90 or ?start=1m30s on the watch URL. */
function startTime() {
  const query = new URLSearchParams(location.search);
  return parseTime(query.get('start') || query.get('t'));
}

export function parseTime(value) {
  if (!value) return 0;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const match = value.match(/^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/);
  if (!match) return 0;
  return (Number(match[1]) || 0) * 3600 + (Number(match[2]) || 0) * 60 + (Number(match[3]) || 0);
}

function details(video, user, headers, signal) {
  const channel = video.channel;
  const account = video.account;
  const isLocal = video.isLocal;
  const description = video.description
    ? h('div', { class: 'description' }, video.description)
    : h('p', { class: 'description muted' }, 'No description.');
  return h('div', { class: 'watch-details' },
    h('h1', { class: 'watch-title' }, video.name),
    h('div', { class: 'watch-bar' },
      h('p', { class: 'watch-meta' },
        h('span', {}, formatViews(video.views)), h('span', { 'aria-hidden': 'true' }, ' · '),
        h('span', {}, 'Published ', h('time', { datetime: video.publishedAt }, formatDate(video.publishedAt))),
        video.privacy && video.privacy.id !== 1 ? [h('span', { 'aria-hidden': 'true' }, ' · '), h('span', { class: 'badge' }, video.privacy.label)] : null),
      actions(video, user, headers, signal)),
    h('div', { class: 'watch-owner' },
      h('span', { class: 'avatar avatar-large', 'aria-hidden': 'true' }, (channel.displayName || channel.name).slice(0, 1).toUpperCase()),
      h('div', { class: 'watch-owner-text' },
        h('a', { class: 'owner-channel', href: channelPath(channel, isLocal) }, channel.displayName || channel.name),
        h('p', { class: 'owner-account' }, 'By ', h('a', { href: accountPath(account, isLocal) }, account.displayName || account.name),
          h('span', { class: 'muted' }, ` @${account.name}@${account.host}`)),
        h('p', { class: 'owner-followers muted small', id: 'channel-followers' })),
      subscribeButton(video, user, signal)),
    h('section', { class: 'watch-section', 'aria-label': 'Description' }, description),
    video.tags && video.tags.length
      ? h('section', { class: 'watch-section', 'aria-labelledby': 'tags-title' },
        h('h2', { id: 'tags-title', class: 'visually-hidden' }, 'Tags'),
        h('ul', { class: 'tags' }, video.tags.map((tag) => h('li', { class: 'tag' }, tag))))
      : null,
    h('dl', { class: 'facts' },
      fact('Category', video.category && video.category.id != null ? video.category.label : null),
      fact('Licence', video.licence && video.licence.id != null ? video.licence.label : null),
      fact('Language', video.language && video.language.id != null ? video.language.label : null),
      fact('Duration', video.duration ? spokenDuration(video.duration) : null)),
    downloads(video));
}

function loginLink(label, extra = {}) {
  return h('a', { class: 'button button-secondary button-small', href: `/login?next=${encodeURIComponent(location.pathname + location.search)}`, ...extra }, label);
}

/** Like, dislike (with the counts, pressed as the viewer rated) and save to a playlist. */
function actions(video, user, headers, signal) {
  const counts = { like: video.likes || 0, dislike: video.dislikes || 0 };
  let rating = 'none';
  const likeCount = h('span', { class: 'rate-count', id: 'like-count' }, formatNumber(counts.like));
  const dislikeCount = h('span', { class: 'rate-count', id: 'dislike-count' }, formatNumber(counts.dislike));
  const like = h('button', { type: 'button', class: 'button button-secondary button-small rate-button', id: 'like-button', 'aria-pressed': 'false',
    title: 'I like this video' }, icon(ICONS.like, 18), h('span', { class: 'visually-hidden' }, 'Like'), likeCount);
  const dislike = h('button', { type: 'button', class: 'button button-secondary button-small rate-button', id: 'dislike-button', 'aria-pressed': 'false',
    title: 'I dislike this video' }, icon(ICONS.dislike, 18), h('span', { class: 'visually-hidden' }, 'Dislike'), dislikeCount);
  const show = () => {
    like.setAttribute('aria-pressed', String(rating === 'like'));
    dislike.setAttribute('aria-pressed', String(rating === 'dislike'));
    likeCount.textContent = formatNumber(counts.like);
    dislikeCount.textContent = formatNumber(counts.dislike);
  };
  const rate = (wanted) => async () => {
    if (!user) return navigate(`/login?next=${encodeURIComponent(location.pathname + location.search)}`);
    const next = rating === wanted ? 'none' : wanted;
    const before = { rating, like: counts.like, dislike: counts.dislike };
    if (rating !== 'none') counts[rating]--;
    if (next !== 'none') counts[next]++;
    rating = next;
    show();
    try {
      await api(`/videos/${video.uuid}/rate`, { method: 'PUT', json: { rating: next }, headers });
      announce(next === 'none' ? 'Rating removed' : next === 'like' ? 'You like this video' : 'You dislike this video');
    } catch (e) {
      ({ rating } = before);
      counts.like = before.like;
      counts.dislike = before.dislike;
      show();
      announce(`The rating could not be saved: ${e.message}`);
    }
  };
  like.addEventListener('click', rate('like'));
  dislike.addEventListener('click', rate('dislike'));
  if (user) {
    // the buttons wait for the viewer's rating, so that a click never races with it
    like.disabled = true;
    dislike.disabled = true;
    api(`/users/me/videos/${video.id}/rating`, { signal, headers }).then((r) => {
      rating = r.rating || 'none';
      show();
    }).catch(() => {}).finally(() => {
      like.disabled = false;
      dislike.disabled = false;
    });
  }
  const group = h('div', { class: 'watch-actions' },
    h('div', { class: 'rate-group', role: 'group', 'aria-label': 'Rating' }, like, dislike),
    user ? saveToPlaylist(video, user, signal) : loginLink([icon(ICONS.save, 18), ' Save'], { id: 'save-button' }));
  return group;
}

/** Subscribe or unsubscribe to the video's channel, with its follower count. */
function subscribeButton(video, user, signal) {
  const channel = video.channel;
  const handle = `${channel.name}@${channel.host}`;
  const wrapper = h('div', { class: 'subscribe' });
  const followers = () => document.getElementById('channel-followers');
  const showCount = (count) => {
    const target = followers();
    if (target) target.textContent = `${formatNumber(count)} ${count === 1 ? 'subscriber' : 'subscribers'}`;
  };
  let count = null;
  api(`/video-channels/${encodeURIComponent(handleOf(channel, video.isLocal))}`, { signal }).then((c) => {
    count = c.followersCount || 0;
    showCount(count);
  }).catch(() => {});
  const owns = user && (user.videoChannels || []).some((c) => c.name === channel.name && (c.host || channel.host) === channel.host);
  if (!user) {
    wrapper.append(loginLink('Subscribe', { id: 'subscribe-button' }));
    return wrapper;
  }
  if (owns) return wrapper;
  let subscribed = false;
  const button = h('button', { type: 'button', class: 'button button-small', id: 'subscribe-button', 'aria-pressed': 'false' }, 'Subscribe');
  const show = () => {
    button.textContent = subscribed ? 'Subscribed' : 'Subscribe';
    button.setAttribute('aria-pressed', String(subscribed));
    button.classList.toggle('button-secondary', subscribed);
    button.title = subscribed ? `Unsubscribe from ${channel.displayName || channel.name}` : `Subscribe to ${channel.displayName || channel.name}`;
  };
  button.addEventListener('click', () => busy(button, async () => {
    try {
      if (subscribed) await api(`/users/me/subscriptions/${encodeURIComponent(handle)}`, { method: 'DELETE' });
      else await api('/users/me/subscriptions', { method: 'POST', json: { uri: handle } });
      subscribed = !subscribed;
      if (count !== null) showCount(count += subscribed ? 1 : -1);
      show();
      announce(subscribed ? `Subscribed to ${channel.displayName || channel.name}` : 'Unsubscribed');
    } catch (e) {
      announce(e.message);
      wrapper.append(errorBox(e));
    }
  }));
  button.disabled = true;
  api(`/users/me/subscriptions/exist?uris=${encodeURIComponent(handle)}`, { signal }).then((exists) => {
    subscribed = !!exists[handle];
    show();
  }).catch(() => {}).finally(() => { button.disabled = false; });
  wrapper.append(button);
  return wrapper;
}

/** "Save": Watch later and the user's playlists as checkboxes, and a form to make a new one. */
function saveToPlaylist(video, user, signal) {
  const button = h('button', { type: 'button', class: 'button button-secondary button-small', id: 'save-button', 'aria-expanded': 'false',
    'aria-controls': 'save-panel' }, icon(ICONS.save, 18), 'Save');
  const list = h('ul', { class: 'save-list', 'aria-label': 'Playlists' });
  const messages = h('div', { class: 'form-messages', 'aria-live': 'polite' });
  const name = h('input', { id: 'new-playlist-name', maxlength: 120, required: true });
  const privacy = h('select', { id: 'new-playlist-privacy' },
    PLAYLIST_PRIVACIES.map(([value, label]) => h('option', { value, selected: value === 3 }, label)));
  const create = h('button', { type: 'submit', class: 'button button-small', id: 'new-playlist-submit' }, 'Create and add');
  const form = h('form', { class: 'save-create', novalidate: true },
    h('p', { class: 'save-create-title' }, 'New playlist'),
    field('Name', name), field('Privacy', privacy), create);
  const panel = h('div', { class: 'save-panel', id: 'save-panel', role: 'group', 'aria-label': 'Save to a playlist', hidden: true },
    h('p', { class: 'save-title' }, 'Save to…'), messages, list, form);
  const wrapper = h('div', { class: 'save' }, button, panel);
  let places = new Map();

  const row = (playlist) => {
    const id = `save-${playlist.id}`;
    const box = h('input', { type: 'checkbox', id, checked: places.has(playlist.id) });
    box.addEventListener('change', async () => {
      box.disabled = true;
      try {
        if (box.checked) {
          const added = await api(`/video-playlists/${playlist.id}/videos`, { method: 'POST', json: { videoId: video.uuid } });
          places.set(playlist.id, added.videoPlaylistElement.id);
          announce(`Saved to ${playlist.displayName}`);
        } else {
          await api(`/video-playlists/${playlist.id}/videos/${places.get(playlist.id)}`, { method: 'DELETE' });
          places.delete(playlist.id);
          announce(`Removed from ${playlist.displayName}`);
        }
      } catch (e) {
        box.checked = !box.checked;
        messages.replaceChildren(errorBox(e));
      } finally {
        box.disabled = false;
      }
    });
    return h('li', { class: 'save-item' }, box, h('label', { for: id }, playlist.displayName),
      playlist.privacy && playlist.privacy.id !== 1 ? h('span', { class: 'muted small' }, playlist.privacy.label) : null);
  };

  const load = async () => {
    const account = user.account?.name || user.username;
    const [mine, exist] = await Promise.all([
      api(`/accounts/${encodeURIComponent(account)}/video-playlists?count=100&sort=-updatedAt`, { signal }),
      api(`/users/me/video-playlists/videos-exist?videoIds=${video.id}`, { signal }),
    ]);
    places = new Map((exist[String(video.id)] || []).map((p) => [p.playlistId, p.playlistElementId]));
    const watchLater = (user.specialPlaylists || []).map((p) => ({ id: p.id, displayName: 'Watch later', type: { id: 2 } }));
    const regular = mine.data.filter((p) => p.type?.id !== 2);
    replace(list, [...watchLater, ...regular].map(row));
  };

  button.addEventListener('click', async () => {
    const open = panel.hidden;
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) {
      replace(list, h('li', { class: 'muted small' }, 'Loading…'));
      try {
        await load();
        list.querySelector('input')?.focus();
      } catch (e) {
        replace(list);
        messages.replaceChildren(errorBox(e));
      }
    }
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      panel.hidden = true;
      button.setAttribute('aria-expanded', 'false');
      button.focus();
    }
  });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    messages.replaceChildren();
    if (!filled(name, messages, 'Give the playlist a name.')) return;
    try {
      await busy(create, async () => {
        const body = { displayName: name.value.trim(), privacy: Number(privacy.value) };
        if (body.privacy === 1) body.videoChannelId = user.videoChannels?.[0]?.id;
        const made = await api('/video-playlists', { method: 'POST', json: body });
        const added = await api(`/video-playlists/${made.videoPlaylist.id}/videos`, { method: 'POST', json: { videoId: video.uuid } });
        places.set(made.videoPlaylist.id, added.videoPlaylistElement.id);
        list.append(row({ id: made.videoPlaylist.id, displayName: body.displayName,
          privacy: { id: body.privacy, label: PLAYLIST_PRIVACIES.find(([v]) => v === body.privacy)[1] } }));
        name.value = '';
        announce(`Saved to the new playlist ${body.displayName}`);
      });
    } catch (e) {
      messages.append(errorBox(e));
    }
  });
  return wrapper;
}

function fact(term, value) {
  return value ? [h('dt', {}, term), h('dd', {}, value)] : null;
}

function replaceDownloads(main, video) {
  const old = main.querySelector('.downloads');
  if (old) old.replaceWith(downloads(video));
}

function downloads(video) {
  const webFiles = video.files || [];
  const files = webFiles.length ? webFiles : ((video.streamingPlaylists || [])[0]?.files || []);
  if (video.downloadEnabled === false || files.length === 0) return h('div', { class: 'downloads', hidden: true });
  const sorted = files.slice().sort((a, b) => (b.resolution?.id || 0) - (a.resolution?.id || 0));
  return h('section', { class: 'watch-section downloads', 'aria-labelledby': 'downloads-title' },
    h('h2', { id: 'downloads-title' }, 'Download'),
    h('ul', { class: 'download-list' }, sorted.map((file) => h('li', {},
      h('a', { class: 'button button-secondary button-small', href: file.fileDownloadUrl, download: '', 'data-external': '' },
        icon(ICONS.download, 16), `${file.resolution?.label || 'File'} (${formatBytes(file.size)})`),
      file.torrentDownloadUrl
        ? h('a', { class: 'link-small', href: file.torrentDownloadUrl, download: '', 'data-external': '',
          'aria-label': `Torrent of the ${file.resolution?.label || ''} file` }, 'Torrent')
        : null))));
}
