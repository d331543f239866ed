// The embeddable player page /videos/embed/{uuid}?autoplay=1&start=30 (p2p=0 is read by the
// player itself). It needs nothing of the full client but the API and the player.

import { mountPlayer } from '/js/player.js';
import { api } from './api.js';
import { h, replace } from './dom.js';
import { processingPanel, PUBLISHED } from './processing.js';

function parseTime(value) {
  if (!value) return 0;
  if (/^\d+(\.\d+)?$/.test(value)) return Number(value);
  const match = value.match(/^(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?$/);
  return match ? (Number(match[1]) || 0) * 3600 + (Number(match[2]) || 0) * 60 + (Number(match[3]) || 0) : 0;
}

function flag(value) {
  return value === '1' || value === 'true';
}

async function start() {
  const stage = document.getElementById('embed');
  const id = decodeURIComponent(location.pathname.replace(/^\/videos\/embed\//, '').replace(/\/$/, ''));
  const query = new URLSearchParams(location.search);
  try {
    const [video, config] = await Promise.all([
      api(`/videos/${encodeURIComponent(id)}`, { auth: false }),
      api('/config', { auth: false }),
    ]);
    document.title = video.name;
    if (video.state.id !== PUBLISHED) {
      replace(stage, h('div', { class: 'embed-message' }, processingPanel(video).element));
      return;
    }
    const container = h('div', { class: 'player-container embed-player' });
    replace(stage, container);
    await mountPlayer(container, {
      video, config, user: null, autoplay: flag(query.get('autoplay')), start: parseTime(query.get('start')), embed: true,
    });
  } catch (e) {
    replace(stage, h('div', { class: 'embed-message', role: 'alert' },
      e.status === 404 ? 'This video does not exist or is not available.' : `The video could not be loaded: ${e.message}`));
  }
}

start();
