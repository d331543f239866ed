// Checks segments received from peers against the video's published SHA-256 map
// ({"<file>": {"<first>-<last byte>": "<hex>"}}): a segment that is unknown or differs is refused,
// and the P2P loader then fetches it over HTTP instead.

import { sha256Hex } from './sha256.js'

export function fileName (url) {
  return new URL(url, globalThis.location?.href ?? 'http://localhost/').pathname.split('/').pop()
}

const fetchJson = url => fetch(url).then(response => response.ok ? response.json() : {})

export function segmentValidator (hashesUrl, fileTokenQuery = '', load = fetchJson) {
  let hashes = null
  const map = () => {
    if (!hashes) hashes = load(hashesUrl + fileTokenQuery)
    return hashes
  }
  map()
  const stats = { rejected: 0 }
  const validate = async (url, byteRange, data) => {
    const all = await map()
    const expected = byteRange && all[fileName(url)]?.[`${byteRange.start}-${byteRange.end}`]
    const valid = !!expected && expected === await sha256Hex(data)
    if (!valid) stats.rejected++
    return valid
  }
  return { validate, stats }
}
