// The user's library: the videos of the channels they subscribe to (/videos/subscriptions), the
// channels themselves (/my-library/subscriptions) and their watch history
// (/my-library/history/videos), with the tabs that join them to the playlists (playlists.js).

import { api } from './api.js';
import { h, replace, errorBox, busy, announce, formatNumber, formatDuration, timeElement } from './dom.js';
import { videoGrid, channelPath, thumbnail, watchPath } from './cards.js';
import { setTitle } from './main.js';
import { reloadUser } from './session.js';

/** The library's tabs; current is the path of the one shown. */
export function libraryTabs(user, current) {
  const watchLater = (user?.specialPlaylists || [])[0];
  const tabs = [
    ['/my-library/video-playlists', 'Playlists'],
    watchLater ? [`/my-library/video-playlists/${watchLater.id}`, 'Watch later'] : null,
    ['/my-library/history/videos', 'History'],
    ['/my-library/subscriptions', 'Subscriptions'],
  ].filter(Boolean);
  return h('nav', { class: 'tabs', 'aria-label': 'Library' },
    tabs.map(([href, label]) => h('a', { class: 'tab', href, 'aria-current': href === current ? 'page' : null }, label)));
}

export async function render(context) {
  if (context.view === 'history') return renderHistory(context);
  if (context.view === 'subscriptions') return renderSubscriptions(context);
  return renderSubscriptionVideos(context);
}

async function renderSubscriptionVideos({ main, signal }) {
  setTitle('Subscriptions');
  const body = h('div', { id: 'subscription-videos' });
  main.append(h('div', { class: 'page-head' },
    h('div', {}, h('h1', {}, 'Subscriptions'), h('p', { class: 'muted' }, 'The newest videos of the channels you subscribe to.')),
    h('a', { class: 'button button-secondary button-small', href: '/my-library/subscriptions' }, 'Manage subscriptions')), body);
  await videoGrid(body,
    (start, count) => api(`/users/me/subscriptions/videos?sort=-publishedAt&start=${start}&count=${count}`, { signal }),
    { pageSize: 24, empty: 'No videos yet. Subscribe to channels to see their new videos here.', label: 'Videos of your subscriptions' });
}

async function renderSubscriptions({ main, user, signal }) {
  setTitle('My subscriptions');
  const list = h('ul', { class: 'channel-list subscription-list', id: 'subscription-list' });
  const more = h('button', { type: 'button', class: 'button button-secondary more-button', hidden: true }, 'Show more');
  const messages = h('div', { class: 'form-messages', 'aria-live': 'polite' });
  const count = h('p', { class: 'muted' });
  main.append(h('h1', {}, 'Library'), libraryTabs(user, '/my-library/subscriptions'),
    h('div', { class: 'page-head' }, h('div', {}, h('h2', { class: 'plain' }, 'Subscriptions'), count),
      h('a', { class: 'button button-small', href: '/videos/subscriptions' }, 'Their videos')),
    messages, list, h('div', { class: 'more' }, more));
  let start = 0;
  let total = 0;
  const showCount = () => { count.textContent = `${formatNumber(total)} ${total === 1 ? 'channel' : 'channels'}`; };
  const load = async () => {
    const page = await api(`/users/me/subscriptions?start=${start}&count=30&sort=-createdAt`, { signal });
    total = page.total;
    page.data.forEach((channel) => list.append(subscriptionItem(channel, messages, () => { total--; showCount(); })));
    start += page.data.length;
    more.hidden = start >= total || page.data.length === 0;
    showCount();
    if (total === 0) replace(list, h('li', { class: 'empty' }, 'You do not subscribe to any channel yet.'));
  };
  more.addEventListener('click', () => busy(more, load).catch((e) => messages.append(errorBox(e))));
  await load();
}

function subscriptionItem(channel, messages, onRemoved) {
  const handle = `${channel.name}@${channel.host}`;
  const name = channel.displayName || channel.name;
  const remove = h('button', { type: 'button', class: 'button button-secondary button-small', 'aria-label': `Unsubscribe from ${name}` }, 'Unsubscribe');
  const item = h('li', { class: 'channel-item' },
    h('span', { class: 'avatar', 'aria-hidden': 'true' }, name.slice(0, 1).toUpperCase()),
    h('div', { class: 'channel-item-text' },
      h('a', { href: channelPath(channel, channel.host === location.host) }, name),
      h('p', { class: 'muted small' }, `@${handle} · ${formatNumber(channel.followersCount || 0)} subscribers`)),
    remove);
  remove.addEventListener('click', () => busy(remove, async () => {
    await api(`/users/me/subscriptions/${encodeURIComponent(handle)}`, { method: 'DELETE' });
    item.remove();
    onRemoved();
    announce(`Unsubscribed from ${name}`);
  }).catch((e) => messages.append(errorBox(e))));
  return item;
}

async function renderHistory({ main, user, signal }) {
  setTitle('History');
  const messages = h('div', { class: 'form-messages', 'aria-live': 'polite' });
  const search = h('input', { type: 'search', id: 'history-search', placeholder: 'Search your history', 'aria-label': 'Search your history' });
  const keep = h('input', { type: 'checkbox', id: 'history-enabled', checked: user.videosHistoryEnabled !== false });
  const clear = h('button', { type: 'button', class: 'button button-danger button-small', id: 'history-clear' }, 'Clear all history');
  const list = h('ul', { class: 'history-list', id: 'history-list' });
  const more = h('button', { type: 'button', class: 'button button-secondary more-button', hidden: true }, 'Show more');
  main.append(h('h1', {}, 'Library'), libraryTabs(user, '/my-library/history/videos'),
    h('div', { class: 'history-tools' },
      h('form', { role: 'search', class: 'history-search', onsubmit: (e) => { e.preventDefault(); start = 0; load(true).catch(show); } }, search),
      h('label', { class: 'inline-check' }, keep, ' Keep a history of what I watch'), clear),
    messages, list, h('div', { class: 'more' }, more));
  const show = (e) => messages.append(errorBox(e));
  let start = 0;
  const load = async (first) => {
    const terms = search.value.trim();
    const page = await api(`/users/me/history/videos?start=${start}&count=20${terms ? `&search=${encodeURIComponent(terms)}` : ''}`, { signal });
    if (first) replace(list);
    page.data.forEach((video) => list.append(historyItem(video, messages)));
    start += page.data.length;
    more.hidden = start >= page.total || page.data.length === 0;
    if (first && page.data.length === 0) list.append(h('li', { class: 'empty' }, terms ? 'Nothing in your history matches.' : 'Your history is empty.'));
  };
  more.addEventListener('click', () => busy(more, () => load(false)).catch(show));
  keep.addEventListener('change', async () => {
    try {
      await api('/users/me', { method: 'PUT', json: { videosHistoryEnabled: keep.checked } });
      await reloadUser();
      announce(keep.checked ? 'Your history is kept' : 'Your history is no longer kept');
    } catch (e) {
      keep.checked = !keep.checked;
      show(e);
    }
  });
  clear.addEventListener('click', () => {
    if (!confirm('Clear your whole watch history?')) return;
    busy(clear, async () => {
      await api('/users/me/history/videos/remove', { method: 'POST', json: {} });
      start = 0;
      await load(true);
      announce('History cleared');
    }).catch(show);
  });
  await load(true);
}

function historyItem(video, messages) {
  const at = video.userHistory?.currentTime || 0;
  const href = `${watchPath(video)}${at ? `?start=${Math.floor(at)}` : ''}`;
  const remove = h('button', { type: 'button', class: 'button button-secondary button-small', 'aria-label': `Remove “${video.name}” from your history` }, 'Remove');
  const progress = video.duration ? Math.min(100, Math.round(at * 100 / video.duration)) : 0;
  const item = h('li', { class: 'history-item' },
    h('a', { class: 'history-thumb', href, tabindex: '-1', 'aria-hidden': 'true' }, thumbnail(video),
      h('span', { class: 'history-progress', style: `width: ${progress}%` })),
    h('div', { class: 'history-body' },
      h('a', { class: 'my-video-title', href }, video.name),
      h('p', { class: 'card-meta' }, video.channel ? `${video.channel.displayName || video.channel.name} · ` : '',
        at ? `Watched up to ${formatDuration(at)} of ${formatDuration(video.duration)}` : formatDuration(video.duration),
        video.publishedAt ? [' · ', timeElement(video.publishedAt)] : null)),
    remove);
  remove.addEventListener('click', () => busy(remove, async () => {
    await api(`/users/me/history/videos/${video.id}`, { method: 'DELETE' });
    item.remove();
    announce('Removed from your history');
  }).catch((e) => messages.append(errorBox(e))));
  return item;
}
