// The state of a video that is not published yet: a progress bar, or why processing failed.

import { h, replace } from './dom.js';

export const PUBLISHED = 1;
export const FAILED = 7;

/** "To transcode" with a progress bar, or the failure reason. */
export function processingPanel(video) {
  const progress = h('progress', { id: 'transcoding-progress', max: 100, value: 0, 'aria-labelledby': 'transcoding-label' });
  const percent = h('span', { class: 'progress-value', 'aria-hidden': 'true' }, '0%');
  const label = h('p', { id: 'transcoding-label', class: 'processing-title' });
  const note = h('p', { class: 'processing-note' });
  const element = h('div', { class: 'processing', role: 'status' }, label, h('div', { class: 'progress-row' }, progress, percent), note);
  const update = (v) => {
    const value = Math.max(0, Math.min(100, Math.round(Number(v.transcodingProgress) || 0)));
    if (v.state.id === FAILED) {
      element.setAttribute('role', 'alert');
      replace(label, 'Processing failed');
      progress.hidden = true;
      percent.hidden = true;
      replace(note, v.transcodingError || 'The video could not be processed.');
      note.className = 'processing-note notice notice-error';
      return;
    }
    replace(label, v.state.id === PUBLISHED ? 'Ready' : `${v.state.label}…`);
    progress.value = v.state.id === PUBLISHED ? 100 : value;
    progress.setAttribute('aria-valuetext', `${progress.value}%`);
    percent.textContent = `${progress.value}%`;
    replace(note, v.state.id === PUBLISHED ? '' : 'The video is being prepared for streaming. This page updates by itself.');
  };
  update(video);
  return { element, update, error: (e) => replace(note, `Could not check progress: ${e.message}`) };
}
