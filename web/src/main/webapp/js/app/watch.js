// The watch page: the player (mounted by /js/player.js), the video's details and downloads.
// A video still being processed shows its progress instead, polled every 2 seconds.

import { mountPlayer } from '/js/player.js';
import { api } from './api.js';
import { h, replace, icon, ICONS, formatViews, formatDate, formatBytes, spokenDuration } from './dom.js';
import { accountPath, channelPath } from './cards.js';
import { setTitle } from './main.js';
import { processingPanel, PUBLISHED, FAILED } from './processing.js';

const POLL_MS = 2000;

export async function render({ main, params, config, user, signal, onLeave }) {
  const id = params[0];
  const video = await api(`/videos/${encodeURIComponent(id)}`, { signal });
  setTitle(video.name);

  const stage = h('div', { class: 'player-stage' });
  main.append(h('div', { class: 'watch' }, stage, details(video)));

  let player = null;
  let timer = null;
  onLeave(() => {
    clearTimeout(timer);
    if (player) player.destroy();
  });

  const mount = async (published) => {
    replace(stage);
    const container = h('div', { class: 'player-container' });
    stage.append(container);
    try {
      const autoplay = user ? !!user.autoPlayVideo : !!config.defaults?.player?.autoPlay;
      player = await mountPlayer(container, { video: published, config, user, autoplay, start: startTime() });
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
      const fresh = await api(`/videos/${video.uuid}`, { signal });
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

/** ?start=90 or ?start=1m30s on the watch URL. */
function startTime() {
  return parseTime(new URLSearchParams(location.search).get('start') || new URLSearchParams(location.search).get('t'));
}

export function parseTime(value) {
  if (!value) return 0;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const match = value.match(/^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/);
  if (!match) return 0;
  return (Number(match[1]) || 0) * 3600 + (Number(match[2]) || 0) * 60 + (Number(match[3]) || 0);
}

function details(video) {
  const channel = video.channel;
  const account = video.account;
  const isLocal = video.isLocal;
  const description = video.description
    ? h('div', { class: 'description' }, video.description)
    : h('p', { class: 'description muted' }, 'No description.');
  return h('div', { class: 'watch-details' },
    h('h1', { class: 'watch-title' }, video.name),
    h('p', { class: 'watch-meta' },
      h('span', {}, formatViews(video.views)), h('span', { 'aria-hidden': 'true' }, ' · '),
      h('span', {}, 'Published ', h('time', { datetime: video.publishedAt }, formatDate(video.publishedAt))),
      video.privacy && video.privacy.id !== 1 ? [h('span', { 'aria-hidden': 'true' }, ' · '), h('span', { class: 'badge' }, video.privacy.label)] : null),
    h('div', { class: 'watch-owner' },
      h('span', { class: 'avatar avatar-large', 'aria-hidden': 'true' }, (channel.displayName || channel.name).slice(0, 1).toUpperCase()),
      h('div', {},
        h('a', { class: 'owner-channel', href: channelPath(channel, isLocal) }, channel.displayName || channel.name),
        h('p', { class: 'owner-account' }, 'By ', h('a', { href: accountPath(account, isLocal) }, account.displayName || account.name),
          h('span', { class: 'muted' }, ` @${account.name}@${account.host}`)))),
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

