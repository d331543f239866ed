// Video cards and the grids that hold them.

import { h, replace, formatDuration, spokenDuration, formatViews, timeElement, handleOf, errorBox } from './dom.js';

export function watchPath(video) {
  return `/w/${video.shortUUID || video.uuid}`;
}

export function channelPath(channel, isLocal) {
  return `/c/${encodeURIComponent(handleOf(channel, isLocal))}`;
}

export function accountPath(account, isLocal) {
  return `/a/${encodeURIComponent(handleOf(account, isLocal))}`;
}

/** A thumbnail that keeps its 16:9 box (no layout shift) and falls back to a plain tile. */
export function thumbnail(video, { eager = false } = {}) {
  const image = h('img', {
    src: video.thumbnailPath, alt: '', width: 320, height: 180, loading: eager ? 'eager' : 'lazy', decoding: 'async',
    onerror: () => image.remove(),
  });
  return image;
}

export function videoCard(video, { showChannel = true, eager = false } = {}) {
  const href = watchPath(video);
  const titleId = `t-${video.uuid}`;
  const meta = h('p', { class: 'card-meta' }, formatViews(video.views), h('span', { class: 'dot', 'aria-hidden': 'true' }, ' · '),
    timeElement(video.publishedAt));
  const badges = [];
  if (video.state && video.state.id !== 1) badges.push(h('span', { class: 'badge badge-state' }, video.state.label));
  if (video.privacy && video.privacy.id !== 1) badges.push(h('span', { class: 'badge' }, video.privacy.label));
  if (video.isLocal === false) badges.push(h('span', { class: 'badge' }, 'Remote'));
  return h('article', { class: 'video-card', 'aria-labelledby': titleId },
    h('a', { class: 'card-thumb', href, tabindex: '-1', 'aria-hidden': 'true' },
      thumbnail(video, { eager }),
      h('span', { class: 'duration' }, formatDuration(video.duration))),
    h('div', { class: 'card-body' },
      h('h3', { class: 'card-title', id: titleId },
        h('a', { href, title: video.name }, video.name,
          h('span', { class: 'visually-hidden' }, `, ${spokenDuration(video.duration)}`))),
      showChannel && video.channel
        ? h('p', { class: 'card-channel' }, h('a', { href: channelPath(video.channel, video.isLocal) },
          video.channel.displayName || video.channel.name))
        : null,
      meta,
      badges.length ? h('p', { class: 'card-badges' }, badges) : null));
}

/** Grey tiles of the cards' size shown while a list loads. */
export function skeletonGrid(count = 4) {
  return h('div', { class: 'video-grid', 'aria-hidden': 'true' },
    Array.from({ length: count }, () => h('div', { class: 'video-card skeleton' },
      h('div', { class: 'card-thumb' }), h('div', { class: 'card-body' },
        h('div', { class: 'skeleton-line' }), h('div', { class: 'skeleton-line short' })))));
}

/**
 * A grid of videos from a list endpoint, with "Show more" paging.
 * load(start, count) must return PeerTube's {total, data}.
 */
export async function videoGrid(container, load, { pageSize = 12, empty = 'No videos yet.', showChannel = true, label } = {}) {
  replace(container, skeletonGrid(Math.min(pageSize, 4)));
  const grid = h('div', { class: 'video-grid', role: 'list', 'aria-label': label || null });
  const more = h('button', { type: 'button', class: 'button button-secondary more-button' }, 'Show more');
  let start = 0;
  let total = 0;
  const page = async (first) => {
    const result = await load(start, pageSize);
    total = result.total;
    result.data.forEach((video, i) => {
      const card = videoCard(video, { showChannel, eager: first && i < 4 });
      card.setAttribute('role', 'listitem');
      grid.append(card);
    });
    start += result.data.length;
    more.hidden = start >= total || result.data.length === 0;
    return result;
  };
  more.addEventListener('click', async () => {
    more.disabled = true;
    try {
      const before = grid.children.length;
      await page(false);
      const firstNew = grid.children[before];
      if (firstNew) firstNew.querySelector('.card-title a').focus();
    } catch (e) {
      container.append(errorBox(e));
    } finally {
      more.disabled = false;
    }
  });
  try {
    const result = await page(true);
    if (result.data.length === 0) {
      replace(container, h('p', { class: 'empty' }, empty));
      return;
    }
    replace(container, grid, h('div', { class: 'more' }, more));
  } catch (e) {
    if (e.name === 'AbortError') throw e;
    replace(container, errorBox(e, 'These videos could not be loaded'));
  }
}
