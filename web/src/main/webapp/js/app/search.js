// /search?search=…: the videos, channels and playlists that match, through PeerTube's search API
// (/search/videos, /search/video-channels, /search/video-playlists).

import { api } from './api.js';
import { h, replace, errorBox, formatNumber } from './dom.js';
import { videoGrid, channelPath } from './cards.js';
import { setTitle, fillSearchBox } from './main.js';
import { playlistCard } from './playlists.js';

export async function render({ main, query, signal }) {
  fillSearchBox();
  const terms = (query.get('search') || '').trim();
  setTitle(terms ? `Search: ${terms}` : 'Search');
  if (!terms) {
    main.append(h('h1', {}, 'Search'), h('p', { class: 'muted' }, 'Type what you are looking for in the search box above.'));
    document.getElementById('search-input')?.focus();
    return;
  }
  const q = encodeURIComponent(terms);
  const summary = h('p', { class: 'muted', id: 'search-summary', 'aria-live': 'polite' });
  main.append(h('div', { class: 'page-head' }, h('div', {}, h('h1', {}, 'Results for “', terms, '”'), summary)));
  const channelsBody = h('div', {});
  const playlistsBody = h('div', {});
  const videosBody = h('div', { id: 'search-videos' });
  const channelsSection = h('section', { class: 'search-section', 'aria-labelledby': 'search-channels-title', hidden: true },
    h('h2', { id: 'search-channels-title' }, 'Channels'), channelsBody);
  const playlistsSection = h('section', { class: 'search-section', 'aria-labelledby': 'search-playlists-title', hidden: true },
    h('h2', { id: 'search-playlists-title' }, 'Playlists'), playlistsBody);
  main.append(channelsSection,
    h('section', { class: 'search-section', 'aria-labelledby': 'search-videos-title' }, h('h2', { id: 'search-videos-title' }, 'Videos'), videosBody),
    playlistsSection);

  const totals = { videos: 0, channels: 0, playlists: 0 };
  const showSummary = () => {
    const parts = [[totals.videos, 'video'], [totals.channels, 'channel'], [totals.playlists, 'playlist']]
      .filter(([n]) => n > 0).map(([n, what]) => `${formatNumber(n)} ${what}${n === 1 ? '' : 's'}`);
    summary.textContent = parts.length ? `Found ${parts.join(', ')}.` : 'Nothing found.';
  };
  const channels = api(`/search/video-channels?search=${q}&start=0&count=6`, { signal }).then((page) => {
    totals.channels = page.total;
    if (!page.data.length) return;
    channelsSection.hidden = false;
    replace(channelsBody, h('ul', { class: 'channel-list' }, page.data.map((channel) => h('li', { class: 'channel-item' },
      h('span', { class: 'avatar', 'aria-hidden': 'true' }, (channel.displayName || channel.name).slice(0, 1).toUpperCase()),
      h('div', {},
        h('a', { href: channelPath(channel, channel.host === location.host) }, channel.displayName || channel.name),
        h('p', { class: 'muted small' }, `@${channel.name}@${channel.host} · ${formatNumber(channel.followersCount || 0)} subscribers`))))));
  });
  const playlists = api(`/search/video-playlists?search=${q}&start=0&count=8`, { signal }).then((page) => {
    totals.playlists = page.total;
    if (!page.data.length) return;
    playlistsSection.hidden = false;
    replace(playlistsBody, h('div', { class: 'playlist-grid' }, page.data.map((p) => playlistCard(p))));
  });
  const videos = videoGrid(videosBody, async (start, count) => {
    const page = await api(`/search/videos?search=${q}&start=${start}&count=${count}&sort=-match`, { signal });
    totals.videos = page.total;
    return page;
  }, { pageSize: 12, empty: 'No videos match.', label: 'Videos found' });
  const results = await Promise.allSettled([channels, playlists, videos]);
  const failed = results.find((r) => r.status === 'rejected' && r.reason?.name !== 'AbortError');
  if (failed && !signal.aborted) main.append(errorBox(failed.reason, 'Part of the search failed'));
  showSummary();
}
