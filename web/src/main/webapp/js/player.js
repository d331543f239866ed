// Kinema's player: hls.js with adaptive bitrate and a quality menu, peer-to-peer segment sharing
// through p2p-media-loader and Kinema's WebSocket tracker, segments from peers checked against
// the video's SHA-256 map (a bad one is dropped and fetched over HTTP), a P2P switch the browser
// remembers, and a statistics panel. Counters are also published on window.kinemaPlayerStats.

import Hls from '/vendor/hls.mjs'
import { HlsJsP2PEngine } from '/vendor/p2p-media-loader-hlsjs.js'
import { segmentValidator } from '/js/segments.js'
import { storedTokens } from '/js/app/api.js'

const P2P_SWITCH_KEY = 'kinema.p2p'
const VIEW_AFTER_SECONDS = 5

function element (tag, attributes = {}, ...children) {
  const node = document.createElement(tag)
  for (const [name, value] of Object.entries(attributes)) {
    if (name === 'text') node.textContent = value
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value)
    else node.setAttribute(name, value)
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

function trackerUrls (video) {
  const fromServer = (video.trackerUrls || []).filter(url => url.startsWith('ws'))
  if (fromServer.length) return fromServer
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws'
  return [`${scheme}://${location.host}/tracker/socket`]
}

async function fileTokenQuery (video) {
  const privateLike = video.privacy && (video.privacy.id === 3 || video.privacy.id === 4)
  const token = storedTokens()?.access
  if (!privateLike || !token) return ''
  const response = await fetch(`/api/v1/videos/${video.uuid}/token`, {
    method: 'POST', headers: { Authorization: `Bearer ${token}` }
  })
  if (!response.ok) return ''
  const body = await response.json()
  return `?videoFileToken=${encodeURIComponent(body.files.token)}`
}

export async function mountPlayer (container, { video, config, user, autoplay = false, start = 0, embed = false }) {
  ensureStyles()
  container.replaceChildren()
  const stats = { httpBytes: 0, p2pBytes: 0, peers: 0, p2pEnabled: false, rejectedSegments: 0, level: null }
  window.kinemaPlayerStats = stats

  const media = element('video', { class: 'kp-video', controls: '', playsinline: '', preload: 'metadata',
    poster: video.previewPath || '', 'aria-label': `Video: ${video.name}` })
  if (autoplay) { media.autoplay = true; media.muted = true }
  const quality = element('select', { class: 'kp-quality', 'aria-label': 'Quality', id: 'player-quality' })
  const p2pSwitch = element('input', { type: 'checkbox', id: 'player-p2p' })
  const p2pLabel = element('label', { class: 'kp-switch', for: 'player-p2p' }, p2pSwitch, ' P2P')
  const statsButton = element('button', { type: 'button', class: 'kp-button', 'aria-expanded': 'false', id: 'player-stats-toggle', text: 'Stats' })
  const statsPanel = element('dl', { class: 'kp-stats', hidden: '', id: 'player-stats', 'aria-live': 'polite' })
  const bar = element('div', { class: 'kp-bar' }, element('label', { class: 'kp-quality-label' }, 'Quality ', quality), p2pLabel, statsButton)
  container.append(element('div', { class: 'kp-frame' }, media, statsPanel), bar)

  const refusal = p2pRefusal({ config, user, embed })
  p2pSwitch.checked = !refusal
  const forcedOff = refusal && refusal !== 'P2P is switched off'
  p2pSwitch.disabled = !!forcedOff
  p2pLabel.title = refusal || 'Share video with other viewers over WebRTC'

  const hls = video.streamingPlaylists?.[0]
  const tokenQuery = await fileTokenQuery(video)
  let player = null

  if (hls && Hls.isSupported()) {
    const useP2P = !refusal && !tokenQuery
    stats.p2pEnabled = useP2P
    const hlsConfig = {
      capLevelToPlayerSize: true,
      xhrSetup: tokenQuery ? (xhr, url) => xhr.open('GET', url + (url.includes('?') ? '&' : '?') + tokenQuery.slice(1), true) : undefined
    }
    if (useP2P) {
      const validator = segmentValidator(hls.segmentsSha256Url, tokenQuery)
      const HlsWithP2P = HlsJsP2PEngine.injectMixin(Hls)
      player = new HlsWithP2P({
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
      setInterval(() => { stats.rejectedSegments = validator.stats.rejected }, 1000)
    } else {
      player = new Hls(hlsConfig)
      player.on(Hls.Events.FRAG_LOADED, (_, data) => { stats.httpBytes += data.payload?.byteLength || 0 })
    }
    player.on(Hls.Events.MANIFEST_PARSED, (_, data) => {
      quality.replaceChildren(element('option', { value: '-1', text: 'Auto' }),
        ...data.levels.map((level, i) => element('option', { value: String(i), text: `${level.height}p` })))
    })
    player.on(Hls.Events.LEVEL_SWITCHED, (_, data) => { stats.level = player.levels[data.level]?.height ?? null })
    quality.addEventListener('change', () => { player.currentLevel = Number(quality.value) })
    player.loadSource(hls.playlistUrl + tokenQuery)
    player.attachMedia(media)
  } else if (hls && media.canPlayType('application/vnd.apple.mpegurl')) {
    media.src = hls.playlistUrl + tokenQuery
    quality.replaceChildren(element('option', { value: '-1', text: 'Auto' }))
  } else if (video.files?.length) {
    media.src = video.files[0].fileUrl + tokenQuery
    quality.replaceChildren(element('option', { value: '0', text: `${video.files[0].resolution.label}` }))
  }

  p2pSwitch.addEventListener('change', () => {
    localStorage.setItem(P2P_SWITCH_KEY, p2pSwitch.checked ? 'on' : 'off')
    const position = media.currentTime
    const playing = !media.paused
    handle.destroy()
    mountPlayer(container, { video, config, user, autoplay: playing, start: position, embed })
  })
  statsButton.addEventListener('click', () => {
    statsPanel.hidden = !statsPanel.hidden
    statsButton.setAttribute('aria-expanded', String(!statsPanel.hidden))
  })

  media.addEventListener('loadedmetadata', () => { if (start > 0) media.currentTime = start }, { once: true })
  let viewed = false
  media.addEventListener('timeupdate', () => {
    if (!viewed && media.currentTime >= Math.min(VIEW_AFTER_SECONDS, (video.duration || 30) / 2)) {
      viewed = true
      const token = storedTokens()?.access
      fetch(`/api/v1/videos/${video.uuid}/views`, { method: 'POST', headers: token ? { Authorization: `Bearer ${token}` } : {} })
    }
  })
  if (autoplay) media.play().catch(() => {})

  const refresh = setInterval(() => {
    const total = stats.httpBytes + stats.p2pBytes
    statsPanel.replaceChildren(
      element('dt', { text: 'From HTTP' }), element('dd', { text: formatBytes(stats.httpBytes) }),
      element('dt', { text: 'From peers' }), element('dd', { text: `${formatBytes(stats.p2pBytes)}${total ? ` (${Math.round(stats.p2pBytes * 100 / total)} %)` : ''}` }),
      element('dt', { text: 'Peers connected' }), element('dd', { text: String(stats.peers) }),
      element('dt', { text: 'P2P' }), element('dd', { text: stats.p2pEnabled ? 'on' : (refusal || 'off') }),
      element('dt', { text: 'Quality' }), element('dd', { text: stats.level ? `${stats.level}p` : 'auto' }),
      element('dt', { text: 'Buffered' }), element('dd', { text: `${bufferedAhead(media).toFixed(1)} s` }))
    container.dataset.httpBytes = stats.httpBytes
    container.dataset.p2pBytes = stats.p2pBytes
  }, 1000)

  const handle = {
    media,
    stats,
    destroy () {
      clearInterval(refresh)
      player?.destroy()
      media.removeAttribute('src')
      media.load()
    }
  }
  return handle
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
  document.head.append(element('link', { rel: 'stylesheet', href: '/css/player.css', 'data-kinema-player': '' }))
}
