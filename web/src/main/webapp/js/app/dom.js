// Small DOM and formatting helpers. User data only ever reaches the page as text nodes or
// attribute values, never as HTML.

/**
 * Builds an element: h('a', { href: '/', class: 'x', onclick: fn, 'aria-label': '…' }, 'text', child).
 * Attribute values of false/null/undefined are left out; true gives an empty attribute.
 */
export function h(tag, attrs = {}, ...children) {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === false || value === null || value === undefined) continue;
    if (key.startsWith('on') && typeof value === 'function') {
      element.addEventListener(key.slice(2), value);
    } else if (key === 'class') {
      element.className = value;
    } else if (key === 'text') {
      element.textContent = value;
    } else if (key === 'value' || key === 'checked' || key === 'selected') {
      element[key] = value;
    } else {
      element.setAttribute(key, value === true ? '' : String(value));
    }
  }
  append(element, children);
  return element;
}

function append(parent, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    parent.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of an element. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

const SVG = 'http://www.w3.org/2000/svg';

/** A small decorative icon drawn from path data (hidden from assistive technology). */
export function icon(pathData, size = 20) {
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', size);
  svg.setAttribute('height', size);
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.classList.add('icon');
  for (const d of [].concat(pathData)) {
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    svg.append(path);
  }
  return svg;
}

export const ICONS = {
  upload: 'M12 3l5 5h-3v6h-4V8H7l5-5zM5 17h14v3H5z',
  download: 'M11 4h2v9l3-3 1.4 1.4L12 16.8l-5.4-5.4L8 10l3 3zM5 18h14v2H5z',
  play: 'M8 5v14l11-7z',
  like: 'M2 21h4V9H2v12zm20-11c0-1.1-.9-2-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10c0 1.1.9 2 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z',
  dislike: 'M22 3h-4v12h4V3zM2 14c0 1.1.9 2 2 2h6.3l-1 4.6v.3c0 .4.2.8.4 1.1l1.1 1 6.6-6.6c.4-.4.6-.9.6-1.4V5c0-1.1-.9-2-2-2H7c-.8 0-1.5.5-1.8 1.2l-3 7.1c-.1.2-.2.5-.2.7v2z',
  save: 'M14 10H3v2h11v-2zm0-4H3v2h11V6zm4 8v-4h-2v4h-4v2h4v4h2v-4h4v-2h-4zM3 16h7v-2H3v2z',
  bell: 'M12 22c1.1 0 2-.9 2-2h-4c0 1.1.9 2 2 2zm6-6v-5c0-3.1-1.6-5.6-4.5-6.3V4a1.5 1.5 0 0 0-3 0v.7C7.6 5.4 6 7.9 6 11v5l-2 2v1h16v-1l-2-2z',
  search: 'M15.5 14h-.8l-.3-.3A6.5 6.5 0 1 0 9.5 16c1.6 0 3.1-.6 4.2-1.6l.3.3v.8l5 5 1.5-1.5-5-5zm-6 0a4.5 4.5 0 1 1 0-9 4.5 4.5 0 0 1 0 9z',
  up: 'M7.4 15.4 12 10.8l4.6 4.6L18 14l-6-6-6 6z',
  down: 'M7.4 8.6 12 13.2l4.6-4.6L18 10l-6 6-6-6z',
};

const SAFE_TAGS = new Set(['P', 'BR', 'EM', 'STRONG', 'B', 'I', 'UL', 'OL', 'LI', 'A', 'CODE', 'PRE', 'BLOCKQUOTE']);

/**
 * The server's sanitised HTML (a comment's text) rebuilt element by element from an inert parse:
 * only paragraphs, breaks, emphasis, lists, code and http(s) links reach the page, and a link opens
 * in a new tab without an opener.
 */
export function safeHtml(html) {
  const parsed = new DOMParser().parseFromString(`<body>${html || ''}</body>`, 'text/html');
  const copy = (node) => {
    if (node.nodeType === Node.TEXT_NODE) return document.createTextNode(node.textContent);
    if (node.nodeType !== Node.ELEMENT_NODE) return null;
    const children = [...node.childNodes].map(copy).filter(Boolean);
    if (!SAFE_TAGS.has(node.tagName)) return children.length ? children : null;
    if (node.tagName === 'A') {
      const href = node.getAttribute('href') || '';
      if (!/^https?:\/\//i.test(href)) return children;
      return h('a', { href, rel: 'noopener noreferrer nofollow', target: '_blank' }, children);
    }
    return h(node.tagName.toLowerCase(), {}, children);
  };
  const fragment = document.createDocumentFragment();
  [...parsed.body.childNodes].map(copy).flat(Infinity).filter(Boolean).forEach((n) => fragment.append(n));
  return fragment;
}

const numbers = new Intl.NumberFormat(undefined);
const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
const fullDate = new Intl.DateTimeFormat(undefined, { dateStyle: 'long' });

export function formatDuration(seconds) {
  const total = Math.max(0, Math.round(Number(seconds) || 0));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const rest = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${rest}` : `${minutes}:${rest}`;
}

/** "1 hour 2 minutes 5 seconds", for screen readers. */
export function spokenDuration(seconds) {
  const total = Math.max(0, Math.round(Number(seconds) || 0));
  const parts = [[Math.floor(total / 3600), 'hour'], [Math.floor((total % 3600) / 60), 'minute'], [total % 60, 'second']]
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`);
  return parts.length ? parts.join(' ') : '0 seconds';
}

export function formatViews(views) {
  const n = Number(views) || 0;
  return `${n < 10000 ? numbers.format(n) : compact.format(n)} ${n === 1 ? 'view' : 'views'}`;
}

export function formatNumber(n) {
  return numbers.format(Number(n) || 0);
}

export function formatDate(iso) {
  return iso ? fullDate.format(new Date(iso)) : '';
}

export function timeAgo(iso) {
  if (!iso) return '';
  const seconds = (new Date(iso).getTime() - Date.now()) / 1000;
  const units = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60]];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size) return relative.format(Math.round(seconds / size), unit);
  }
  return relative.format(0, 'second');
}

/** A <time> element showing "3 days ago" with the full date as tooltip. */
export function timeElement(iso) {
  return h('time', { datetime: iso, title: formatDate(iso) }, timeAgo(iso));
}

export function formatBytes(bytes) {
  const n = Number(bytes);
  if (!Number.isFinite(n) || n < 0) return 'Unlimited';
  const units = ['B', 'KB', 'MB', 'GB', 'TB'];
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 || unit === 0 ? Math.round(value) : value.toFixed(1)} ${units[unit]}`;
}

/** An actor's handle for links: the bare name when local, name@host when remote. */
export function handleOf(actor, isLocal) {
  if (!actor) return '';
  return isLocal || !actor.host || actor.host === location.host ? actor.name : `${actor.name}@${actor.host}`;
}

/** A polite message for screen readers (the visible page shows the same thing). */
export function announce(text) {
  const live = document.getElementById('live');
  if (!live) return;
  live.textContent = '';
  setTimeout(() => { live.textContent = text; }, 50);
}

/** A visible error box (role=alert) with a readable message. */
export function errorBox(error, prefix) {
  const message = error && error.message ? error.message : String(error);
  return h('div', { class: 'notice notice-error', role: 'alert' }, prefix ? `${prefix}: ${message}` : message);
}

export function successBox(text) {
  return h('div', { class: 'notice notice-success', role: 'status' }, text);
}

/** A labelled form field; returns the wrapper, with the control reachable as .control. */
export function field(label, control, hint) {
  const id = control.id || `f-${Math.random().toString(36).slice(2, 9)}`;
  control.id = id;
  const hintEl = hint ? h('p', { class: 'field-hint', id: `${id}-hint` }, hint) : null;
  if (hintEl) control.setAttribute('aria-describedby', hintEl.id);
  const wrapper = control.type === 'checkbox'
    ? h('div', { class: 'field field-check' }, control, h('label', { for: id }, label), hintEl)
    : h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl);
  wrapper.control = control;
  return wrapper;
}

export const PRIVACIES = [[1, 'Public'], [2, 'Unlisted'], [3, 'Private'], [4, 'Internal']];

/** PeerTube's playlist privacies. */
export const PLAYLIST_PRIVACIES = [[1, 'Public'], [2, 'Unlisted'], [3, 'Private']];

export function privacySelect(id, selected = 1) {
  return h('select', { id, name: 'privacy' },
    PRIVACIES.map(([value, label]) => h('option', { value, selected: value === selected }, label)));
}

/** Whether a required field is filled; if not, says so in messages and moves the focus there. */
export function filled(input, messages, message) {
  if (input.value.trim()) return true;
  messages.append(errorBox(message));
  input.focus();
  return false;
}

/** Marks a button busy while a promise runs, and re-enables it after. */
export async function busy(button, work) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}
