// The player's integrity checks, run by Node's test runner during the web module's tests.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { createHash, randomBytes } from 'node:crypto'
import { plainSha256, sha256Hex } from '../../main/webapp/js/sha256.js'
import { segmentValidator, fileName } from '../../main/webapp/js/segments.js'

const sha = bytes => createHash('sha256').update(bytes).digest('hex')

test('the plain SHA-256 used outside secure contexts matches the standard', () => {
  for (const size of [0, 1, 55, 56, 63, 64, 65, 1000, 100_000]) {
    const data = randomBytes(size)
    assert.equal(plainSha256(data.buffer.slice(data.byteOffset, data.byteOffset + size)), sha(data), `size ${size}`)
  }
})

test('Web Crypto and the plain implementation agree', async () => {
  const data = randomBytes(4096)
  const buffer = data.buffer.slice(data.byteOffset, data.byteOffset + data.length)
  assert.equal(await sha256Hex(buffer), plainSha256(buffer))
})

test('a peer segment matching its published hash is accepted', async () => {
  const segment = randomBytes(2000)
  const { validate } = segmentValidator('/h.json', '', async () => ({ 'a-360-fragmented.mp4': { '100-2099': sha(segment) } }))
  assert.equal(await validate('http://localhost/static/streaming-playlists/hls/u/a-360-fragmented.mp4', { start: 100, end: 2099 },
    segment.buffer.slice(segment.byteOffset, segment.byteOffset + segment.length)), true)
})

test('a tampered, unknown or misplaced peer segment is refused and counted', async () => {
  const segment = randomBytes(2000)
  const { validate, stats } = segmentValidator('/h.json', '', async () => ({ 'a.mp4': { '0-1999': sha(segment) } }))
  const tampered = Buffer.from(segment)
  tampered[10] ^= 1
  const buffer = b => b.buffer.slice(b.byteOffset, b.byteOffset + b.length)
  assert.equal(await validate('/x/a.mp4', { start: 0, end: 1999 }, buffer(tampered)), false)
  assert.equal(await validate('/x/b.mp4', { start: 0, end: 1999 }, buffer(segment)), false)
  assert.equal(await validate('/x/a.mp4', { start: 1, end: 2000 }, buffer(segment)), false)
  assert.equal(await validate('/x/a.mp4', undefined, buffer(segment)), false)
  assert.equal(stats.rejected, 4)
})

test('file names ignore queries such as file tokens', () => {
  assert.equal(fileName('http://h/static/x/p-720-fragmented.mp4?videoFileToken=1.abc'), 'p-720-fragmented.mp4')
})

test('while a video encodes, a segment the map does not know yet makes it fetched again, at most once a second', async () => {
  const first = randomBytes(1000)
  const second = randomBytes(1000)
  const buffer = b => b.buffer.slice(b.byteOffset, b.byteOffset + b.length)
  const maps = [{ 'a.mp4': { '0-999': sha(first) } }, { 'a.mp4': { '0-999': sha(first), '1000-1999': sha(second) } }]
  let loads = 0
  let clock = 0
  const { validate, stats } = segmentValidator('/h.json', '', async () => maps[Math.min(loads++, 1)], () => clock)
  assert.equal(await validate('/x/a.mp4', { start: 0, end: 999 }, buffer(first)), true)
  assert.equal(loads, 1, 'a known segment needs no new map')
  assert.equal(await validate('/x/a.mp4', { start: 1000, end: 1999 }, buffer(second)), false, 'too soon to ask again')
  assert.equal(loads, 1)
  clock = 1500
  assert.equal(await validate('/x/a.mp4', { start: 1000, end: 1999 }, buffer(second)), true, 'found in the grown map')
  assert.equal(loads, 2)
  const tampered = Buffer.from(second)
  tampered[0] ^= 1
  assert.equal(await validate('/x/a.mp4', { start: 1000, end: 1999 }, buffer(tampered)), false, 'still checked')
  assert.equal(stats.rejected, 2)
})
