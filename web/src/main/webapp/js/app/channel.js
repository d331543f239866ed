// Channel pages (/c/{handle}) and account pages (/a/{name}): who they are, and their videos.

import { api } from './api.js';
import { h, formatNumber, formatDate } from './dom.js';
import { videoGrid, channelPath, accountPath } from './cards.js';
import { setTitle } from './main.js';

export async function render(context) {
  return context.view === 'account' ? renderAccount(context) : renderChannel(context);
}

function profileHeader({ displayName, handle, description, kind, facts, links }) {
  return h('header', { class: 'profile' },
    h('span', { class: 'avatar avatar-profile', 'aria-hidden': 'true' }, (displayName || '?').slice(0, 1).toUpperCase()),
    h('div', { class: 'profile-text' },
      h('p', { class: 'eyebrow' }, kind),
      h('h1', {}, displayName),
      h('p', { class: 'handle' }, handle),
      facts.length ? h('p', { class: 'profile-facts' }, facts.flatMap((f, i) => (i ? [h('span', { 'aria-hidden': 'true' }, ' · '), f] : [f]))) : null,
      links || null,
      description ? h('p', { class: 'profile-description' }, description) : null));
}

async function renderChannel({ main, params, signal }) {
  const handle = params[0];
  const channel = await api(`/video-channels/${encodeURIComponent(handle)}`, { signal });
  const name = channel.displayName || channel.name;
  setTitle(name);
  const owner = channel.ownerAccount;
  main.append(profileHeader({
    displayName: name,
    handle: `@${channel.name}@${channel.host}`,
    description: channel.description,
    kind: 'Channel',
    facts: [`${formatNumber(channel.followersCount)} ${channel.followersCount === 1 ? 'follower' : 'followers'}`,
      `Created ${formatDate(channel.createdAt)}`],
    links: owner ? h('p', { class: 'profile-owner' }, 'By ',
      h('a', { href: accountPath(owner, channel.isLocal) }, owner.displayName || owner.name)) : null,
  }));
  const body = h('div', {});
  main.append(h('section', { 'aria-labelledby': 'channel-videos' }, h('h2', { id: 'channel-videos' }, 'Videos'), body));
  await videoGrid(body,
    (start, count) => api(`/video-channels/${encodeURIComponent(handle)}/videos?sort=-publishedAt&start=${start}&count=${count}`, { signal }),
    { pageSize: 24, showChannel: false, empty: 'This channel has no videos yet.', label: 'Videos' });
}

async function renderAccount({ main, params, signal }) {
  const name = params[0];
  const [account, channels] = await Promise.all([
    api(`/accounts/${encodeURIComponent(name)}`, { signal }),
    api(`/accounts/${encodeURIComponent(name)}/video-channels?count=50`, { signal }),
  ]);
  const displayName = account.displayName || account.name;
  setTitle(displayName);
  const isLocal = account.host === location.host;
  main.append(profileHeader({
    displayName,
    handle: `@${account.name}@${account.host}`,
    description: account.description,
    kind: 'Account',
    facts: [`${formatNumber(channels.total)} ${channels.total === 1 ? 'channel' : 'channels'}`,
      `Joined ${formatDate(account.createdAt)}`],
  }));
  if (channels.data.length) {
    main.append(h('section', { 'aria-labelledby': 'account-channels' },
      h('h2', { id: 'account-channels' }, 'Channels'),
      h('ul', { class: 'channel-list' }, channels.data.map((channel) => h('li', { class: 'channel-item' },
        h('span', { class: 'avatar', 'aria-hidden': 'true' }, (channel.displayName || channel.name).slice(0, 1).toUpperCase()),
        h('div', {},
          h('a', { href: channelPath(channel, channel.isLocal ?? isLocal) }, channel.displayName || channel.name),
          h('p', { class: 'muted small' }, `@${channel.name}@${channel.host}`)))))));
  }
  const body = h('div', {});
  main.append(h('section', { 'aria-labelledby': 'account-videos' }, h('h2', { id: 'account-videos' }, 'Videos'), body));
  await videoGrid(body,
    (start, count) => api(`/accounts/${encodeURIComponent(name)}/videos?sort=-publishedAt&start=${start}&count=${count}`, { signal }),
    { pageSize: 24, empty: 'This account has no videos yet.', label: 'Videos' });
}
