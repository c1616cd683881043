/**
 * A container of typed arrays for snapshots: a header (magic, format version), then sections, each
 * a 16-byte head (element type, element count) and its elements padded to 8 bytes. Every section
 * starts 8-byte aligned, so a reader maps it as a typed array over one copy of the bytes (no
 * per-element decoding): restoring a history is a memcpy and some views.
 *
 * @module binary
 */

/** Element types of a section. */
const KINDS = { i32: 1, f64: 2, u16: 3, json: 4 } as const
type Kind = keyof typeof KINDS

const MAGIC = [0x61, 0x6e, 0x73, 0x69, 0x6e, 0x68, 0x48, 0x53] // "ansinhHS"
const HEADER = 16

/** Collects sections, then writes them out at once. */
export class SectionWriter {
  private readonly parts: { kind: Kind; bytes: Uint8Array; count: number }[] = []

  i32(a: Int32Array): void {
    this.parts.push({ kind: 'i32', bytes: new Uint8Array(a.buffer, a.byteOffset, a.byteLength), count: a.length })
  }

  f64(a: Float64Array): void {
    this.parts.push({ kind: 'f64', bytes: new Uint8Array(a.buffer, a.byteOffset, a.byteLength), count: a.length })
  }

  u16(a: Uint16Array): void {
    this.parts.push({ kind: 'u16', bytes: new Uint8Array(a.buffer, a.byteOffset, a.byteLength), count: a.length })
  }

  json(value: unknown): void {
    const bytes = new TextEncoder().encode(JSON.stringify(value))
    this.parts.push({ kind: 'json', bytes, count: bytes.length })
  }

  /** The container: header with `version`, then the sections in the order they were added. */
  finish(version: number): Uint8Array {
    let size = HEADER
    for (const p of this.parts) size += 16 + pad8(p.bytes.length)
    const out = new Uint8Array(size)
    const view = new DataView(out.buffer)
    out.set(MAGIC, 0)
    view.setUint32(8, version, true)
    view.setUint32(12, this.parts.length, true)
    let at = HEADER
    for (const p of this.parts) {
      view.setUint32(at, KINDS[p.kind], true)
      view.setFloat64(at + 8, p.count, true)
      out.set(p.bytes, at + 16)
      at += 16 + pad8(p.bytes.length)
    }
    return out
  }
}

/** Why a container cannot be read (a message naming what is wrong). */
export class Unreadable extends Error {}

/** Reads sections in order, each checked against the type the schema expects. */
export class SectionReader {
  private readonly buffer: ArrayBuffer
  private readonly view: DataView
  /** Where the container starts in {@link buffer}, and where it ends. */
  private readonly base: number
  private readonly limit: number
  private at: number
  private left: number
  /** The format version in the header. */
  readonly version: number

  /**
   * @param inPlace view the sections in `bytes` itself when the container starts on an 8-byte
   *   boundary of its buffer (the caller then gives the bytes up: the history reads them for as
   *   long as it lives); otherwise one copy, aligned at 0, so that every section can be viewed
   */
  constructor(bytes: Uint8Array, inPlace = false) {
    if (bytes.length < HEADER || MAGIC.some((b, i) => bytes[i] !== b))
      throw new Unreadable('not a history snapshot (no "ansinhHS" header)')
    const viewable = inPlace && bytes.byteOffset % 8 === 0 && bytes.buffer instanceof ArrayBuffer
    this.buffer = viewable ? (bytes.buffer as ArrayBuffer) : bytes.slice().buffer
    this.base = viewable ? bytes.byteOffset : 0
    this.limit = this.base + bytes.byteLength
    this.view = new DataView(this.buffer)
    this.at = this.base + HEADER
    this.version = this.view.getUint32(this.base + 8, true)
    this.left = this.view.getUint32(this.base + 12, true)
  }

  i32(): Int32Array {
    const { offset, count } = this.next('i32', 4)
    return new Int32Array(this.buffer, offset, count)
  }

  f64(): Float64Array {
    const { offset, count } = this.next('f64', 8)
    return new Float64Array(this.buffer, offset, count)
  }

  u16(): Uint16Array {
    const { offset, count } = this.next('u16', 2)
    return new Uint16Array(this.buffer, offset, count)
  }

  json(): unknown {
    const { offset, count } = this.next('json', 1)
    try {
      return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(this.buffer, offset, count)))
    } catch (err) {
      throw new Unreadable(`section at byte ${offset - 16 - this.base} is not JSON: ${(err as Error).message}`)
    }
  }

  /** Fails unless every section was read. */
  end(): void {
    if (this.left !== 0 || this.at !== this.limit)
      throw new Unreadable(`${this.left} sections and ${this.limit - this.at} bytes left over`)
  }

  private next(kind: Kind, size: number): { offset: number; count: number } {
    const head = this.at
    const where = head - this.base
    if (this.left === 0 || head + 16 > this.limit)
      throw new Unreadable(`a ${kind} section expected at byte ${where}, the snapshot ends`)
    const found = this.view.getUint32(head, true)
    if (found !== KINDS[kind]) throw new Unreadable(`section at byte ${where}: type ${found}, expected ${kind}`)
    const count = this.view.getFloat64(head + 8, true)
    const bytes = count * size
    if (!Number.isSafeInteger(count) || count < 0 || head + 16 + bytes > this.limit)
      throw new Unreadable(`section at byte ${where}: ${count} elements do not fit in the snapshot`)
    this.at = head + 16 + pad8(bytes)
    this.left--
    return { offset: head + 16, count }
  }
}

const pad8 = (n: number): number => (n + 7) & ~7
