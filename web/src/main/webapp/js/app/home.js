// The home page: recent, most viewed and local videos.

import { api } from './api.js';
import { h } from './dom.js';
import { videoGrid } from './cards.js';
import { setTitle } from './main.js';

const SECTIONS = [
  { id: 'recent', title: 'Recent videos', query: 'sort=-publishedAt', empty: 'No videos have been published yet.' },
  { id: 'most-viewed', title: 'Most viewed', query: 'sort=-views', empty: 'No videos have been watched yet.' },
  { id: 'local', title: 'From this instance', query: 'sort=-publishedAt&isLocal=true', empty: 'No videos have been published here yet.' },
];

export async function render({ main, config, signal }) {
  setTitle(null);
  const intro = h('div', { class: 'page-intro' },
    h('h1', { class: 'home-title' }, config.instance.name),
    config.instance.shortDescription ? h('p', { class: 'lead' }, config.instance.shortDescription) : null);
  main.append(intro);
  await Promise.all(SECTIONS.map((section) => {
    const body = h('div', {});
    main.append(h('section', { class: 'home-section', 'aria-labelledby': `h-${section.id}` },
      h('h2', { id: `h-${section.id}` }, section.title), body));
    return videoGrid(body,
      (start, count) => api(`/videos?${section.query}&start=${start}&count=${count}`, { signal }),
      { pageSize: 12, empty: section.empty, label: section.title });
  }));
}
