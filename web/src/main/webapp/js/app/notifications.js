// Notifications: the bell in the header with the unread count, kept current without reloading
// (asked every few seconds while the page is visible, at once when it becomes visible again and
// right after the user reads some), its drop-down of the latest ones with "Mark all as read", and
// the page /my-account/notifications with all of them.

import { api } from './api.js';
import { h, replace, icon, ICONS, errorBox, busy, announce, timeElement } from './dom.js';
import { setTitle, navigate } from './main.js';

const POLL_MS = 5000;
const READ_EVENT = 'kinema:notifications-read';
const LATEST = 8;

let bell = null;

/** What a notification says, and where it leads. */
export function describe(n) {
  const video = n.video || n.comment?.video;
  const videoName = video ? `“${video.name}”` : 'a video';
  const watch = video ? `/w/${video.shortUUID || video.uuid}` : null;
  const who = (actor) => (actor ? actor.displayName || actor.name : 'Someone');
  switch (n.type) {
    case 1: return { text: `${who(video?.channel)} published a new video: ${videoName}`, href: watch };
    case 2: {
      const reply = n.comment && n.comment.threadId !== n.comment.id;
      return { text: `${who(n.comment?.account)} ${reply ? 'replied to a comment on' : 'commented on'} your video ${videoName}`,
        href: watch && `${watch}#comment-${n.comment.id}` };
    }
    case 6: return { text: `Your video ${videoName} is published`, href: watch };
    case 9: return { text: `${who(n.account)} signed up on this instance`, href: '/admin/users' };
    case 10: {
      const following = n.actorFollow?.following;
      return {
        text: `${who(n.actorFollow?.follower)} subscribed to your channel ${following ? following.displayName || following.name : ''}`.trim(),
        href: n.actorFollow?.follower ? `/a/${encodeURIComponent(n.actorFollow.follower.name)}` : null,
      };
    }
    case 11: return { text: `${who(n.comment?.account)} replied to you or mentioned you on ${videoName}`, href: watch && `${watch}#comment-${n.comment.id}` };
    case 101: return { text: `Your video ${videoName} could not be processed`, href: '/my-videos' };
    default: return { text: 'Something happened', href: null };
  }
}

/** Marks notifications read (all of them without ids) and lets the bell know at once. */
export async function markRead(ids) {
  if (ids) await api('/users/me/notifications/read', { method: 'POST', json: { ids } });
  else await api('/users/me/notifications/read-all', { method: 'POST' });
  window.dispatchEvent(new CustomEvent(READ_EVENT));
}

function notificationItem(n, { onOpen } = {}) {
  const { text, href } = describe(n);
  const open = async (event) => {
    if (!n.read) {
      event?.preventDefault();
      try {
        await markRead([n.id]);
      } catch {
        // reading it still matters more than marking it read
      }
      n.read = true;
      if (onOpen) onOpen();
      if (href) navigate(href);
    } else if (onOpen) {
      onOpen();
    }
  };
  const label = h('span', { class: 'notification-text' }, text);
  return h('li', { class: `notification${n.read ? '' : ' unread'}`, 'data-type': n.type },
    h('span', { class: 'notification-dot', 'aria-hidden': 'true' }),
    h('div', { class: 'notification-body' },
      href ? h('a', { href, onclick: open }, label) : label,
      h('span', { class: 'muted small' }, n.read ? '' : h('span', { class: 'visually-hidden' }, 'Unread. '), timeElement(n.createdAt))));
}

/** The bell in slot (an <li> of the header's navigation); a new one replaces the old. */
export function mountBell(slot) {
  stopBell();
  const count = h('span', { class: 'bell-count', id: 'notification-count', hidden: true }, '0');
  const button = h('button', { type: 'button', class: 'nav-link nav-button bell-button', id: 'notification-bell',
    'aria-expanded': 'false', 'aria-controls': 'notification-panel', 'aria-label': 'Notifications' }, icon(ICONS.bell, 22), count);
  const list = h('ul', { class: 'notification-list', id: 'notification-panel-list' });
  const readAll = h('button', { type: 'button', class: 'link-button', id: 'notification-read-all' }, 'Mark all as read');
  const panel = h('div', { class: 'notification-panel', id: 'notification-panel', hidden: true, role: 'region', 'aria-label': 'Latest notifications' },
    h('div', { class: 'notification-panel-head' }, h('p', { class: 'notification-panel-title' }, 'Notifications'), readAll),
    list,
    h('p', { class: 'notification-panel-foot' }, h('a', { href: '/my-account/notifications', id: 'notification-see-all' }, 'See all notifications')));
  replace(slot, button, panel);

  const state = { timer: null, stopped: false, unread: 0, latest: [] };
  const close = () => {
    panel.hidden = true;
    button.setAttribute('aria-expanded', 'false');
  };
  const draw = () => {
    count.textContent = state.unread > 99 ? '99+' : String(state.unread);
    count.hidden = state.unread === 0;
    button.setAttribute('aria-label', state.unread ? `Notifications (${state.unread} unread)` : 'Notifications (none unread)');
    readAll.hidden = state.unread === 0;
    replace(list, state.latest.length
      ? state.latest.map((n) => notificationItem(n, { onOpen: () => { close(); refresh(); } }))
      : h('li', { class: 'notification-empty muted' }, 'No notifications yet.'));
  };
  const refresh = async () => {
    if (state.stopped) return;
    clearTimeout(state.timer);
    try {
      const [unread, latest] = await Promise.all([
        api('/users/me/notifications?unread=true&start=0&count=1'),
        panel.hidden && state.latest.length ? null : api(`/users/me/notifications?start=0&count=${LATEST}&sort=-createdAt`),
      ]);
      if (state.stopped) return;
      const before = state.unread;
      state.unread = unread.total;
      if (latest) state.latest = latest.data;
      else if (state.unread !== before) state.latest = (await api(`/users/me/notifications?start=0&count=${LATEST}&sort=-createdAt`)).data;
      draw();
      button.dataset.loaded = 'true';
      if (state.unread > before && before >= 0 && state.announced) announce(`${state.unread} unread notifications`);
      state.announced = true;
    } catch (e) {
      // the bell waits for the next turn; a lost session redraws the header anyway
    }
    schedule();
  };
  const schedule = () => {
    clearTimeout(state.timer);
    if (!state.stopped && document.visibilityState === 'visible') state.timer = setTimeout(refresh, POLL_MS);
  };
  const onVisibility = () => { if (document.visibilityState === 'visible') refresh(); else clearTimeout(state.timer); };
  const onRead = () => refresh();
  const onOutside = (event) => { if (!panel.hidden && !slot.contains(event.target)) close(); };
  button.addEventListener('click', () => {
    const open = panel.hidden;
    panel.hidden = !open;
    button.setAttribute('aria-expanded', String(open));
    if (open) refresh();
  });
  panel.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      close();
      button.focus();
    }
  });
  readAll.addEventListener('click', () => busy(readAll, async () => {
    await markRead(null);
    state.latest.forEach((n) => { n.read = true; });
    announce('All notifications marked as read');
  }).catch((e) => list.before(errorBox(e))));
  document.addEventListener('visibilitychange', onVisibility);
  window.addEventListener(READ_EVENT, onRead);
  document.addEventListener('click', onOutside);
  bell = {
    stop() {
      state.stopped = true;
      clearTimeout(state.timer);
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener(READ_EVENT, onRead);
      document.removeEventListener('click', onOutside);
    },
  };
  draw();
  refresh();
}

export function stopBell() {
  if (bell) bell.stop();
  bell = null;
}

/** /my-account/notifications: all of them, newest first, unread ones marked. */
export async function render({ main, signal }) {
  setTitle('Notifications');
  const onlyUnread = h('input', { type: 'checkbox', id: 'notifications-unread' });
  const readAll = h('button', { type: 'button', class: 'button button-secondary button-small', id: 'notifications-read-all' }, 'Mark all as read');
  const list = h('ul', { class: 'notification-list notification-page', id: 'notification-list' });
  const more = h('button', { type: 'button', class: 'button button-secondary more-button', hidden: true }, 'Show more');
  const messages = h('div', { class: 'form-messages', 'aria-live': 'polite' });
  main.append(h('div', { class: 'page-head' }, h('h1', {}, 'Notifications'),
    h('div', { class: 'form-actions' }, h('label', { class: 'inline-check' }, onlyUnread, ' Unread only'), readAll)),
  messages, list, h('div', { class: 'more' }, more));
  let start = 0;
  const load = async (first) => {
    const page = await api(`/users/me/notifications?start=${start}&count=20&sort=-createdAt${onlyUnread.checked ? '&unread=true' : ''}`, { signal });
    if (first) replace(list);
    page.data.forEach((n) => list.append(notificationItem(n, { onOpen: () => {} })));
    start += page.data.length;
    more.hidden = start >= page.total || page.data.length === 0;
    if (first && page.data.length === 0) list.append(h('li', { class: 'empty' }, onlyUnread.checked ? 'No unread notifications.' : 'No notifications yet.'));
  };
  onlyUnread.addEventListener('change', () => { start = 0; load(true).catch((e) => messages.append(errorBox(e))); });
  more.addEventListener('click', () => busy(more, () => load(false)).catch((e) => messages.append(errorBox(e))));
  readAll.addEventListener('click', () => busy(readAll, async () => {
    await markRead(null);
    list.querySelectorAll('.notification.unread').forEach((item) => item.classList.remove('unread'));
    announce('All notifications marked as read');
  }).catch((e) => messages.append(errorBox(e))));
  await load(true);
}
