// Kinema's player: hls.js with adaptive bitrate, peer-to-peer segment sharing through
// p2p-media-loader and Kinema's WebSocket tracker, segments from peers checked against the
// video's SHA-256 map (a bad one is dropped and fetched over HTTP), and Plyr's controls: a
// quality menu driving hls.js levels (Auto and each rendition), playback speed, captions when the
// video has some, picture in picture and full screen; theatre mode where the page offers one;
// keyboard shortcuts; a P2P indicator (peers, share of bytes from peers), a P2P switch the
// browser remembers, and a statistics panel. Counters are also published on
// window.kinemaPlayerStats.

import Hls from '/vendor/hls.mjs'
import Plyr from '/vendor/plyr.mjs'
import { HlsJsP2PEngine } from '/vendor/p2p-media-loader-hlsjs.js'
import { segmentValidator } from '/js/segments.js'
import { storedTokens } from '/js/app/api.js'

const P2P_SWITCH_KEY = 'kinema.p2p'
const VIEW_AFTER_SECONDS = 5
const PASSWORD_HEADER = 'x-peertube-video-password'
const SPEEDS = [0.25, 0.5, 0.75, 1, 1.25, 1.5, 1.75, 2]

/** The keyboard shortcuts, as the player's help lists them. */
export const SHORTCUTS = [
  ['Space or k', 'Play or pause'],
  ['j or ←', 'Back 10 or 5 seconds'],
  ['l or →', 'Forward 10 or 5 seconds'],
  ['↑ / ↓', 'Volume up or down'],
  ['m', 'Mute or unmute'],
  ['f', 'Full screen'],
  ['t', 'Theatre mode'],
  ['c', 'Captions on or off'],
  ['< / >', 'Slower or faster'],
  ['0 … 9', 'Jump to 0 % … 90 %']
]

function element (tag, attributes = {}, ...children) {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue
    if (name === 'text') node.textContent = value
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value)
    else node.setAttribute(name, value === true ? '' : value)
  }
  children.forEach(child => node.append(child))
  return node
}

function formatBytes (bytes) {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`
  return `${(bytes / 1024 / 1024).toFixed(2)} MiB`
}

/** Why P2P is off, or null when it may be used. */
export function p2pRefusal ({ config, user, embed }) {
  const defaults = config?.defaults?.p2p
  const instanceAllows = embed ? defaults?.embed?.enabled !== false : defaults?.webapp?.enabled !== false
  if (!instanceAllows) return 'P2P is disabled on this instance'
  if (user && user.p2pEnabled === false) return 'P2P is disabled in your settings'
  if (new URLSearchParams(location.search).get('p2p') === '0') return 'P2P is disabled for this page'
  if (localStorage.getItem(P2P_SWITCH_KEY) === 'off') return 'P2P is switched off'
  return null
}

/**
 * A video of this instance is tracked by the node that served the page (every node tracks the
 * whole cluster's swarms); another instance's by the trackers it names.
 */
function trackerUrls (video) {
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  const here = [`${scheme}://${location.host}/tracker/socket`]
  if (video.isLocal !== false) return here
  const fromServer = (video.trackerUrls || []).filter(url => url.startsWith('ws'))
  return fromServer.length ? fromServer : here
}

/**
 * The file token query (?videoFileToken=…) that a private, internal or password-protected video's
 * files need: asked with the viewer's login, or with the video's password.
 */
async function fileTokenQuery (video, password) {
  const privacy = video.privacy?.id
  const token = storedTokens()?.access
  const headers = {}
  if (privacy === 5 && password) headers[PASSWORD_HEADER] = password
  else if ((privacy === 3 || privacy === 4 || privacy === 5) && token) headers.Authorization = `Bearer ${token}`
  else return ''
  const response = await fetch(`/api/v1/videos/${video.uuid}/token`, { method: 'POST', headers })
  if (!response.ok) return ''
  const body = await response.json()
  return `?videoFileToken=${encodeURIComponent(body.files.token)}`
}

/**
 * Mounts the player into container. Options: video (details), config, user, autoplay, start
 * (seconds), embed, password (of a password-protected video), captions ([{src, label, srclang}]),
 * onTheatre (called with true/false; without it there is no theatre mode).
 */
export async function mountPlayer (container, options) {
  const { video, config, user, autoplay = false, start = 0, embed = false, password = null, captions = [], onTheatre } = options
  ensureStyles()
  container.replaceChildren()
  const stats = { httpBytes: 0, p2pBytes: 0, peers: 0, p2pEnabled: false, rejectedSegments: 0, verifiedBytes: 0, level: null,
    stalls: 0, longestStallMs: 0, ended: false }
  window.kinemaPlayerStats = stats

  const media = element('video', { class: 'kp-video', playsinline: '', preload: 'metadata',
    poster: video.previewPath || '', 'aria-label': `Video: ${video.name}` })
  for (const caption of captions) {
    media.append(element('track', { kind: 'captions', src: caption.src, label: caption.label, srclang: caption.srclang }))
  }
  if (autoplay) {
    media.autoplay = true
    // without a gesture on this page browsers only start muted videos
    if (!navigator.userActivation?.hasBeenActive) media.muted = true
  }
  const p2pSwitch = element('input', { type: 'checkbox', id: 'player-p2p' })
  const p2pLabel = element('label', { class: 'kp-switch', for: 'player-p2p' }, p2pSwitch, ' P2P')
  const statsButton = element('button', { type: 'button', class: 'kp-button', 'aria-expanded': 'false', 'aria-controls': 'player-stats', id: 'player-stats-toggle', text: 'Stats' })
  const statsPanel = element('dl', { class: 'kp-stats', hidden: '', id: 'player-stats', 'aria-live': 'off' })
  const indicator = element('span', { class: 'kp-p2p', id: 'player-p2p-indicator', role: 'status', title: 'Peer-to-peer sharing' })
  const help = element('details', { class: 'kp-help' }, element('summary', { text: 'Keyboard shortcuts' }),
    element('dl', {}, ...SHORTCUTS.flatMap(([keys, what]) => [element('dt', {}, element('kbd', { text: keys })), element('dd', { text: what })])))
  const frame = element('div', { class: 'kp-frame' }, media)
  const bar = element('div', { class: 'kp-bar' }, p2pLabel, statsButton, help)
  container.append(frame, bar)

  const refusal = p2pRefusal({ config, user, embed })
  p2pSwitch.checked = !refusal
  const forcedOff = refusal && refusal !== 'P2P is switched off'
  p2pSwitch.disabled = !!forcedOff
  p2pLabel.title = refusal || 'Share video with other viewers over WebRTC'

  const hls = video.streamingPlaylists?.[0]
  const tokenQuery = await fileTokenQuery(video, password)
  let engine = null
  let levels = []
  let showAutoLevel = () => {}

  if (hls && Hls.isSupported()) {
    const useP2P = !refusal && !tokenQuery
    stats.p2pEnabled = useP2P
    const hlsConfig = {
      capLevelToPlayerSize: true,
      // from the start even while the video is still encoding (its playlists then grow, like a live stream's)
      startPosition: start > 0 ? start : 0,
      xhrSetup: tokenQuery ? (xhr, url) => xhr.open('GET', url + (url.includes('?') ? '&' : '?') + tokenQuery.slice(1), true) : undefined
    }
    if (useP2P) {
      const validator = segmentValidator(hls.segmentsSha256Url, tokenQuery)
      const HlsWithP2P = HlsJsP2PEngine.injectMixin(Hls)
      engine = new HlsWithP2P({
        ...hlsConfig,
        p2p: {
          core: {
            swarmId: video.uuid,
            announceTrackers: trackerUrls(video),
            rtcConfig: { iceServers: [] },
            httpDownloadInitialTimeoutMs: 3000,
            // HTTP for what plays within 10 s, peers for what lies further ahead (up to a minute)
            highDemandTimeWindow: 6,
            httpDownloadTimeWindow: 10,
            p2pDownloadTimeWindow: 60,
            validateP2PSegment: validator.validate
          },
          onHlsJsCreated (created) {
            created.p2pEngine.addEventListener('onChunkDownloaded', (bytes, source) => {
              if (source === 'p2p') stats.p2pBytes += bytes
              else stats.httpBytes += bytes
            })
            created.p2pEngine.addEventListener('onPeerConnect', () => { stats.peers++ })
            created.p2pEngine.addEventListener('onPeerClose', () => { stats.peers = Math.max(0, stats.peers - 1) })
          }
        }
      })
      stats.validator = validator
    } else {
      engine = new Hls(hlsConfig)
      engine.on(Hls.Events.FRAG_LOADED, (_, data) => { stats.httpBytes += data.payload?.byteLength || 0 })
    }
    const parsed = new Promise(resolve => engine.once(Hls.Events.MANIFEST_PARSED, (_, data) => resolve(data.levels)))
    engine.on(Hls.Events.LEVEL_SWITCHED, (_, data) => {
      stats.level = engine.levels[data.level]?.height ?? null
      showAutoLevel()
    })
    engine.loadSource(hls.playlistUrl + tokenQuery)
    engine.attachMedia(media)
    levels = await Promise.race([parsed, new Promise(resolve => setTimeout(() => resolve([]), 15000))])
  } else if (hls && media.canPlayType('application/vnd.apple.mpegurl')) {
    media.src = hls.playlistUrl + tokenQuery
  } else if (video.files?.length) {
    media.src = video.files[0].fileUrl + tokenQuery
  }

  // Plyr draws the controls around the video; quality goes through hls.js's levels (0 is Auto)
  const chooseHeight = height => {
    if (!engine) return
    engine.currentLevel = height ? engine.levels.findIndex(level => level.height === height) : -1
    showAutoLevel()
  }
  const heights = [...new Set(levels.map(level => level.height))].sort((a, b) => b - a)
  const plyr = new Plyr(media, {
    iconUrl: '/vendor/plyr.svg',
    blankVideo: '',
    controls: ['play-large', 'play', 'progress', 'current-time', 'duration', 'mute', 'volume',
      'captions', 'settings', 'pip', 'fullscreen'],
    settings: ['quality', 'speed', 'captions'],
    seekTime: 10,
    speed: { selected: 1, options: SPEEDS },
    quality: heights.length
      ? { default: 0, options: [0, ...heights], forced: true, onChange: height => chooseHeight(height) }
      : { default: 0, options: [] },
    i18n: { qualityLabel: { 0: 'Auto' }, rewind: 'Back {seektime} s', fastForward: 'Forward {seektime} s' },
    keyboard: { focused: false, global: false },
    tooltips: { controls: true, seek: true },
    captions: { active: false, update: true },
    // the page decides: a remembered "unmuted" would stop a muted autoplay
    storage: { enabled: false },
    muted: media.muted,
    fullscreen: { enabled: true, fallback: true, iosNative: true },
    autoplay: false,
    clickToPlay: true,
    invertTime: false
  })
  /** "Auto (720p)" on the settings menu's quality item while hls.js chooses. */
  showAutoLevel = () => {
    const label = plyr.elements.settings?.buttons?.quality?.querySelector('.plyr__menu__value')
    if (label && engine?.autoLevelEnabled && stats.level) label.textContent = `Auto (${stats.level}p)`
  }
  plyr.elements.container.append(statsPanel)
  const extras = element('div', { class: 'kp-extras' }, indicator)
  let theatre = false
  if (onTheatre) {
    const theatreButton = element('button', { type: 'button', class: 'plyr__control kp-theatre', 'aria-pressed': 'false', id: 'player-theatre' },
      element('span', { class: 'kp-theatre-icon', 'aria-hidden': 'true' }), element('span', { class: 'plyr__sr-only', text: 'Theatre mode' }))
    theatreButton.title = 'Theatre mode (t)'
    theatreButton.addEventListener('click', () => toggleTheatre())
    extras.append(theatreButton)
  }
  const plyrControls = plyr.elements.controls
  const fullscreenButton = plyrControls?.querySelector('[data-plyr="fullscreen"]')
  if (fullscreenButton) fullscreenButton.before(extras)
  else plyrControls?.append(extras)

  const toggleTheatre = (on = !theatre) => {
    if (!onTheatre) return
    theatre = on
    container.querySelector('#player-theatre')?.setAttribute('aria-pressed', String(on))
    onTheatre(on)
  }

  p2pSwitch.addEventListener('change', () => {
    localStorage.setItem(P2P_SWITCH_KEY, p2pSwitch.checked ? 'on' : 'off')
    const position = media.currentTime
    const playing = !media.paused
    handle.destroy()
    mountPlayer(container, { ...options, autoplay: playing, start: position })
  })
  statsButton.addEventListener('click', () => {
    statsPanel.hidden = !statsPanel.hidden
    statsButton.setAttribute('aria-expanded', String(!statsPanel.hidden))
  })

  if (!engine && start > 0) media.addEventListener('loadedmetadata', () => { media.currentTime = start }, { once: true })
  let viewed = false
  media.addEventListener('timeupdate', () => {
    if (!viewed && media.currentTime >= Math.min(VIEW_AFTER_SECONDS, (video.duration || 30) / 2)) {
      viewed = true
      const token = storedTokens()?.access
      const headers = token ? { Authorization: `Bearer ${token}` } : {}
      if (password) headers[PASSWORD_HEADER] = password
      fetch(`/api/v1/videos/${video.uuid}/views`, { method: 'POST', headers })
    }
  })
  if (autoplay) media.play().catch(() => {})

  // stalls once playing has begun: how many, and the longest wait for data
  let started = false
  let waitingSince = null
  media.addEventListener('playing', () => {
    if (waitingSince !== null) {
      stats.stalls++
      stats.longestStallMs = Math.max(stats.longestStallMs, performance.now() - waitingSince)
      waitingSince = null
    }
    started = true
  })
  media.addEventListener('waiting', () => { if (started && waitingSince === null) waitingSince = performance.now() })
  media.addEventListener('ended', () => { stats.ended = true })

  const onKey = event => shortcut(event, { media, plyr, toggleTheatre, hasTheatre: !!onTheatre })
  document.addEventListener('keydown', onKey)

  const refresh = setInterval(() => {
    if (stats.validator) {
      stats.rejectedSegments = stats.validator.stats.rejected
      stats.verifiedBytes = stats.validator.stats.verifiedBytes
    }
    const total = stats.httpBytes + stats.p2pBytes
    const share = total ? Math.round(stats.p2pBytes * 100 / total) : 0
    statsPanel.replaceChildren(
      element('dt', { text: 'From HTTP' }), element('dd', { text: formatBytes(stats.httpBytes) }),
      element('dt', { text: 'From peers' }), element('dd', { text: `${formatBytes(stats.p2pBytes)}${total ? ` (${share} %)` : ''}` }),
      element('dt', { text: 'Peers connected' }), element('dd', { text: String(stats.peers) }),
      element('dt', { text: 'P2P' }), element('dd', { text: stats.p2pEnabled ? 'on' : (refusal || 'off') }),
      element('dt', { text: 'Quality' }), element('dd', { text: stats.level ? `${stats.level}p${engine?.autoLevelEnabled ? ' (auto)' : ''}` : 'auto' }),
      element('dt', { text: 'Buffered' }), element('dd', { text: `${bufferedAhead(media).toFixed(1)} s` }),
      element('dt', { text: 'Rejected from peers' }), element('dd', { text: String(stats.rejectedSegments) }))
    indicator.textContent = stats.p2pEnabled ? `P2P · ${stats.peers} ${stats.peers === 1 ? 'peer' : 'peers'} · ${share} %` : 'P2P off'
    indicator.title = stats.p2pEnabled
      ? `${stats.peers} ${stats.peers === 1 ? 'peer' : 'peers'} connected; ${share} % of the bytes came from peers`
      : (refusal || 'P2P is off for this video')
    indicator.dataset.peers = stats.peers
    indicator.dataset.share = share
    container.dataset.httpBytes = stats.httpBytes
    container.dataset.p2pBytes = stats.p2pBytes
    showAutoLevel()
  }, 1000)

  const handle = {
    media,
    stats,
    plyr,
    get levels () { return engine ? engine.levels : [] },
    setLevel (index) { if (engine) engine.currentLevel = index },
    destroy () {
      clearInterval(refresh)
      document.removeEventListener('keydown', onKey)
      engine?.destroy()
      try { plyr.destroy() } catch (e) { /* the page may already be gone */ }
      media.removeAttribute('src')
      media.load()
    }
  }
  return handle
}

/** The player's keyboard shortcuts, for the whole page but never while typing. */
function shortcut (event, { media, plyr, toggleTheatre, hasTheatre }) {
  if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return
  const target = event.target
  if (target.closest?.('input, textarea, select, [contenteditable=""], [contenteditable="true"]')) return
  const onControl = target.closest?.('button, a, summary, [role="menuitemradio"], [role="slider"]')
  const key = event.key
  const seek = seconds => { media.currentTime = Math.max(0, Math.min(media.duration || Infinity, media.currentTime + seconds)) }
  let handled = true
  switch (key) {
    case ' ':
      if (onControl) return
      plyr.togglePlay()
      break
    case 'k': case 'K': plyr.togglePlay(); break
    case 'j': case 'J': seek(-10); break
    case 'l': case 'L': seek(10); break
    case 'ArrowLeft': if (onControl && target.closest('[role="slider"]')) return; seek(-5); break
    case 'ArrowRight': if (onControl && target.closest('[role="slider"]')) return; seek(5); break
    case 'ArrowUp': if (onControl) return; plyr.increaseVolume(0.1); break
    case 'ArrowDown': if (onControl) return; plyr.decreaseVolume(0.1); break
    case 'm': case 'M': plyr.muted = !plyr.muted; break
    case 'f': case 'F': plyr.fullscreen.toggle(); break
    case 't': case 'T': if (!hasTheatre) return; toggleTheatre(); break
    case 'c': case 'C': plyr.toggleCaptions(); break
    case '<': plyr.speed = SPEEDS[Math.max(0, SPEEDS.indexOf(plyr.speed) - 1)] ?? 1; break
    case '>': plyr.speed = SPEEDS[Math.min(SPEEDS.length - 1, SPEEDS.indexOf(plyr.speed) + 1)] ?? 1; break
    default:
      if (/^[0-9]$/.test(key) && media.duration) media.currentTime = media.duration * Number(key) / 10
      else handled = false
  }
  if (handled) event.preventDefault()
}

function bufferedAhead (media) {
  for (let i = 0; i < media.buffered.length; i++) {
    if (media.buffered.start(i) <= media.currentTime && media.currentTime <= media.buffered.end(i)) {
      return media.buffered.end(i) - media.currentTime
    }
  }
  return 0
}

function ensureStyles () {
  if (document.querySelector('link[data-kinema-player]')) return
  document.head.append(element('link', { rel: 'stylesheet', href: '/vendor/plyr.css', 'data-plyr-styles': '' }),
    element('link', { rel: 'stylesheet', href: '/css/player.css', 'data-kinema-player': '' }))
}
