// Uploading a video with PeerTube's resumable protocol: the metadata first, then the file in
// chunks (8 MiB by default), resuming after a failed chunk by asking the server what it has.

import { api, ApiError, authorization, refreshTokens } from './api.js';
import { h, replace, field, privacySelect, errorBox, announce, formatBytes, icon, ICONS } from './dom.js';
import { processingPanel } from './processing.js';
import { navigate, setTitle } from './main.js';

const DEFAULT_CHUNK = 8 * 1024 * 1024;
const RETRIES = 5;
const POLL_MS = 2000;

/** The chunk size: 8 MiB, or what localStorage 'kinema.upload.chunkSize' says, within the server's maximum. */
function chunkSize(config) {
  const wanted = Number(localStorage.getItem('kinema.upload.chunkSize')) || DEFAULT_CHUNK;
  const max = config?.client?.videos?.resumableUpload?.maxChunkSize || wanted;
  return Math.max(64 * 1024, Math.min(wanted, max));
}

export async function render({ main, user, config, signal, onLeave }) {
  setTitle('Upload a video');
  const channels = user.videoChannels || [];
  const fileInput = h('input', { type: 'file', id: 'upload-file', name: 'videofile', accept: acceptList(config), 'aria-describedby': 'drop-hint' });
  const chosen = h('p', { class: 'drop-chosen', 'aria-live': 'polite' });
  const zone = h('div', { class: 'drop-zone' },
    icon(ICONS.upload, 40),
    h('p', { class: 'drop-title' }, 'Drag and drop a video file here'),
    h('p', { id: 'drop-hint', class: 'drop-hint' }, `or choose one from your computer. Formats: ${(config.video?.file?.extensions || []).slice(0, 8).join(' ')}…`),
    h('label', { class: 'visually-hidden', for: 'upload-file' }, 'Video file'),
    fileInput, chosen);

  const name = h('input', { id: 'upload-name', name: 'name', required: true, maxlength: 120, autocomplete: 'off' });
  const channel = h('select', { id: 'upload-channel', name: 'channelId' },
    channels.map((c) => h('option', { value: c.id }, c.displayName || c.name)));
  const privacy = privacySelect('upload-privacy', config.defaults?.publish?.privacy || 1);
  const description = h('textarea', { id: 'upload-description', name: 'description', rows: 5, maxlength: 10000 });
  const submit = h('button', { type: 'submit', id: 'upload-submit', class: 'button' }, 'Upload');
  const messages = h('div', { class: 'form-messages' });
  const form = h('form', { class: 'upload-form card-panel', novalidate: true },
    zone,
    h('div', { class: 'form-grid form-grid-2' },
      h('div', { class: 'form-wide' }, field('Title', name)),
      field('Channel', channel),
      field('Privacy', privacy, 'Unlisted: anyone with the link. Private: only you. Internal: anyone logged in here.'),
      h('div', { class: 'form-wide' }, field('Description', description, 'Plain text. Line breaks are kept.'))),
    messages,
    h('div', { class: 'form-actions' }, submit));

  const progressArea = h('div', { class: 'upload-status', hidden: true });
  const another = h('p', { class: 'form-actions', hidden: true }, h('button', { type: 'button', class: 'button button-secondary', onclick: () => navigate('/videos/upload', { replace: true }) }, 'Upload another video'));
  main.append(h('div', { class: 'page-column' }, h('h1', {}, 'Upload a video'),
    h('p', { class: 'lead' }, 'Your video is sent in parts, so a dropped connection does not lose what was already sent.'),
    form, progressArea, another));

  const choose = (file) => {
    if (!file) return;
    replace(chosen, h('strong', {}, file.name), ` — ${formatBytes(file.size)}`);
    if (!name.value.trim()) name.value = file.name.replace(/\.[^.]+$/, '').replace(/[_]+/g, ' ').slice(0, 120);
  };
  fileInput.addEventListener('change', () => choose(fileInput.files[0]));
  zone.addEventListener('dragover', (e) => {
    e.preventDefault();
    zone.classList.add('dragging');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('dragging'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('dragging');
    if (e.dataTransfer.files.length) {
      fileInput.files = e.dataTransfer.files;
      choose(fileInput.files[0]);
    }
  });

  let upload = null;
  const leaveGuard = (e) => {
    if (upload && upload.running) {
      e.preventDefault();
      e.returnValue = '';
    }
  };
  window.addEventListener('beforeunload', leaveGuard);
  onLeave(() => {
    window.removeEventListener('beforeunload', leaveGuard);
    if (upload) upload.stop();
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    replace(messages);
    const file = fileInput.files[0];
    if (!file) {
      messages.append(errorBox('Choose a video file first.'));
      fileInput.focus();
      return;
    }
    if (!name.value.trim() || name.value.trim().length < 3) {
      messages.append(errorBox('Give the video a title of at least 3 characters.'));
      name.focus();
      return;
    }
    if (!channel.value) {
      messages.append(errorBox('You have no channel to publish in.'));
      return;
    }
    const metadata = {
      name: name.value.trim(),
      channelId: Number(channel.value),
      privacy: Number(privacy.value),
      description: description.value.trim() || undefined,
      filename: file.name,
    };
    submit.disabled = true;
    form.querySelectorAll('input, select, textarea').forEach((el) => { el.disabled = true; });
    upload = new ResumableUpload(file, metadata, chunkSize(config));
    const view = uploadView(progressArea, file, () => upload.stop(true));
    upload.onProgress = view.progress;
    upload.onNotice = view.notice;
    try {
      const created = await upload.start();
      view.done();
      form.hidden = true;
      await followTranscoding(progressArea, created.video, signal);
      another.hidden = false;
    } catch (e) {
      if (upload.cancelled) {
        view.cancelled();
      } else {
        view.failed(e);
      }
      submit.disabled = false;
      form.querySelectorAll('input, select, textarea').forEach((el) => { el.disabled = false; });
    }
  });
}

function acceptList(config) {
  const extensions = config.video?.file?.extensions;
  return extensions && extensions.length ? ['video/*', 'audio/*', ...extensions].join(',') : 'video/*';
}

function uploadView(area, file, cancel) {
  area.hidden = false;
  const progress = h('progress', { id: 'upload-progress', max: 100, value: 0, 'aria-labelledby': 'upload-progress-label', 'aria-valuetext': '0%' });
  const percent = h('span', { class: 'progress-value', 'aria-hidden': 'true' }, '0%');
  const detail = h('p', { class: 'progress-detail' }, `0 B of ${formatBytes(file.size)}`);
  const notice = h('p', { class: 'progress-notice', 'aria-live': 'polite' });
  const cancelButton = h('button', { type: 'button', class: 'button button-secondary button-small', onclick: cancel }, 'Cancel upload');
  const title = h('h2', { id: 'upload-progress-label' }, `Uploading “${file.name}”`);
  replace(area, h('div', { class: 'card-panel' }, title,
    h('div', { class: 'progress-row' }, progress, percent), detail, notice, h('div', { class: 'form-actions' }, cancelButton)));
  let lastAnnounced = 0;
  return {
    progress(sent, total) {
      const value = total ? Math.floor((sent / total) * 100) : 100;
      progress.value = value;
      progress.setAttribute('aria-valuetext', `${value}%`);
      percent.textContent = `${value}%`;
      detail.textContent = `${formatBytes(sent)} of ${formatBytes(total)}`;
      if (value - lastAnnounced >= 25) {
        lastAnnounced = value;
        announce(`Upload ${value}%`);
      }
    },
    notice(text) {
      notice.textContent = text;
    },
    done() {
      progress.value = 100;
      percent.textContent = '100%';
      title.textContent = `Uploaded “${file.name}”`;
      notice.textContent = '';
      cancelButton.remove();
      announce('Upload complete. The video is now being processed.');
    },
    failed(e) {
      cancelButton.remove();
      notice.replaceWith(errorBox(e, 'The upload failed'));
    },
    cancelled() {
      cancelButton.remove();
      notice.textContent = 'The upload was cancelled.';
    },
  };
}

async function followTranscoding(area, created, signal) {
  let video = await api(`/videos/${created.uuid}`, { signal });
  const panel = processingPanel(video);
  const link = h('a', { id: 'watch-link', class: 'button', href: `/w/${created.shortUUID || created.uuid}` }, 'Watch the video');
  const section = h('div', { class: 'card-panel' }, h('h2', {}, 'Processing'), panel.element);
  area.append(section);
  while (!signal.aborted && video.state.id !== 1 && video.state.id !== 7) {
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    try {
      video = await api(`/videos/${created.uuid}`, { signal });
      panel.update(video);
    } catch (e) {
      if (e.name === 'AbortError') return;
      panel.error(e);
    }
  }
  if (video.state.id === 1) {
    section.append(h('p', { class: 'form-actions' }, link));
    announce('The video is published.');
  }
}

/** One upload through /videos/upload-resumable. */
class ResumableUpload {
  constructor(file, metadata, chunk) {
    this.file = file;
    this.metadata = metadata;
    this.chunk = chunk;
    this.running = false;
    this.cancelled = false;
    this.xhr = null;
    this.onProgress = () => {};
    this.onNotice = () => {};
  }

  async start() {
    this.running = true;
    try {
      const response = await api('/videos/upload-resumable', {
        method: 'POST',
        json: this.metadata,
        headers: { 'X-Upload-Content-Length': String(this.file.size), 'X-Upload-Content-Type': this.file.type || 'application/octet-stream' },
        response: true,
      });
      const location = new URL(response.headers.get('Location'), window.location.href);
      this.url = location.pathname + location.search;
      return await this.sendAll();
    } finally {
      this.running = false;
    }
  }

  async sendAll() {
    const total = this.file.size;
    let offset = 0;
    let failures = 0;
    for (;;) {
      if (this.cancelled) throw new Error('Cancelled');
      const end = Math.min(offset + this.chunk, total);
      let reply;
      try {
        reply = await this.put(this.file.slice(offset, end), `bytes ${offset}-${end - 1}/${total}`,
          (loaded) => this.onProgress(offset + loaded, total));
      } catch (e) {
        if (this.cancelled) throw new Error('Cancelled');
        if (e instanceof ApiError && e.status >= 400 && e.status < 500 && e.status !== 408 && e.status !== 429) throw e;
        failures++;
        if (failures > RETRIES) throw e;
        const wait = Math.min(30, 2 ** failures);
        this.onNotice(`Connection problem (${e.message}). Retrying in ${wait} s…`);
        await new Promise((resolve) => setTimeout(resolve, wait * 1000));
        try {
          offset = await this.askReceived(total);
          this.onNotice(`Resuming at ${formatBytes(offset)}.`);
          this.onProgress(offset, total);
        } catch (askFailure) {
          if (askFailure instanceof ApiError && askFailure.status >= 400 && askFailure.status < 500 && askFailure.status !== 408) throw askFailure;
        }
        continue;
      }
      failures = 0;
      if (reply.status === 200 || reply.status === 201) {
        this.onProgress(total, total);
        return reply.json;
      }
      offset = receivedFrom(reply.range);
      this.onProgress(offset, total);
      this.onNotice('');
    }
  }

  /** Asks the server how much it has: PUT with Content-Range: bytes * /total. */
  async askReceived(total) {
    const reply = await this.put(null, `bytes */${total}`, () => {});
    if (reply.status === 200 || reply.status === 201) return total;
    return receivedFrom(reply.range);
  }

  put(body, contentRange, onProgress, retried = false) {
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      this.xhr = xhr;
      xhr.open('PUT', this.url);
      const token = authorization();
      if (token) xhr.setRequestHeader('Authorization', token);
      xhr.setRequestHeader('Content-Range', contentRange);
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.setRequestHeader('Accept', 'application/json');
      xhr.upload.onprogress = (e) => onProgress(e.loaded);
      xhr.onerror = () => reject(new Error('network error'));
      xhr.ontimeout = () => reject(new Error('timeout'));
      xhr.onabort = () => reject(new Error('Cancelled'));
      xhr.onload = () => {
        let json = null;
        try {
          json = xhr.responseText ? JSON.parse(xhr.responseText) : null;
        } catch {
          json = null;
        }
        if (xhr.status === 308 || xhr.status === 200 || xhr.status === 201) {
          resolve({ status: xhr.status, range: xhr.getResponseHeader('Range'), json });
        } else if (xhr.status === 401 && !retried) {
          refreshTokens().then(() => this.put(body, contentRange, onProgress, true)).then(resolve, reject);
        } else {
          reject(new ApiError(xhr.status, json));
        }
      };
      xhr.send(body);
    });
  }

  stop(cancel = false) {
    if (!this.running) return;
    this.cancelled = true;
    if (this.xhr) this.xhr.abort();
    if (cancel && this.url) {
      fetch(this.url, { method: 'DELETE', headers: { Authorization: authorization() || '' } }).catch(() => {});
    }
  }
}

/** "bytes=0-1048575" → 1048576; no Range header → 0. */
function receivedFrom(range) {
  const match = range && range.match(/bytes=\d+-(\d+)/);
  return match ? Number(match[1]) + 1 : 0;
}
