// Checks segments received from peers against the video's published SHA-256 map
// ({"<file>": {"<first>-<last byte>": "<hex>"}}): a segment that is unknown or differs is refused,
// and the P2P loader then fetches it over HTTP instead. While a video is still encoding its map
// grows: a segment the map does not know yet makes it fetched again (at most once a second).

import { sha256Hex } from './sha256.js'

export function fileName (url) {
  return new URL(url, globalThis.location?.href ?? 'http://localhost/').pathname.split('/').pop()
}

const fetchJson = url => fetch(url).then(response => response.ok ? response.json() : {})

const REFETCH_AFTER_MS = 1000

export function segmentValidator (hashesUrl, fileTokenQuery = '', load = fetchJson, now = () => Date.now()) {
  let hashes = null
  let loadedAt = 0
  const map = (again = false) => {
    if (!hashes || (again && now() - loadedAt >= REFETCH_AFTER_MS)) {
      loadedAt = now()
      hashes = load(hashesUrl + fileTokenQuery)
    }
    return hashes
  }
  map()
  const stats = { rejected: 0, verified: 0, verifiedBytes: 0 }
  const expectedHash = (all, url, byteRange) => byteRange && all[fileName(url)]?.[`${byteRange.start}-${byteRange.end}`]
  const validate = async (url, byteRange, data) => {
    let expected = expectedHash(await map(), url, byteRange)
    if (!expected && byteRange) expected = expectedHash(await map(true), url, byteRange)
    const valid = !!expected && expected === await sha256Hex(data)
    if (valid) {
      stats.verified++
      stats.verifiedBytes += data.byteLength
    } else {
      stats.rejected++
    }
    return valid
  }
  return { validate, stats }
}
