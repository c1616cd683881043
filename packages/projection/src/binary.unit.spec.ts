import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { SectionReader, SectionWriter, Unreadable } from './binary.js'

// The snapshot container (binary.ts): sections of typed arrays and JSON, 8-byte aligned, read back
// in order with the type the schema expects, and every way a container can be unreadable named.

const sample = (): SectionWriter => {
  const w = new SectionWriter()
  w.i32(Int32Array.of(-1, 2, 2_000_000_000)) // 12 bytes: padded to 16
  w.json({ unit: 'Hà Nội', n: [1, 2] })
  w.u16(Uint16Array.of(65535)) // 2 bytes: padded to 8
  w.f64(Float64Array.of(0.5, -1e300))
  return w
}

/** The sample's sections, its first one given when it was read already. */
const readSample = (r: SectionReader, ints = r.i32()) => {
  const out = [[...ints], r.json(), [...r.u16()], [...r.f64()]]
  r.end()
  return out
}

const expected = [[-1, 2, 2_000_000_000], { unit: 'Hà Nội', n: [1, 2] }, [65535], [0.5, -1e300]]

/** Sets a little-endian value in a copy of `bytes`. */
const patched = (bytes: Uint8Array, set: (v: DataView) => void): Uint8Array => {
  const copy = bytes.slice()
  set(new DataView(copy.buffer))
  return copy
}

/** The message of what `f` throws, checked to be an {@link Unreadable}. */
const unreadable = (f: () => unknown): string => {
  try {
    f()
  } catch (err) {
    expect(err).toBeInstanceOf(Unreadable)
    return (err as Error).message
  }
  throw new Error('expected the container to be unreadable')
}

describe('snapshot container', () => {
  it('gives back every section in order, with the version, aligned to 8 bytes', () => {
    const bytes = sample().finish(7)
    // header 16; i32: 16 + 16; json: 16 + 32 ('{"unit":"Hà Nội","n":[1,2]}' is 30 bytes); u16: 16 + 8; f64: 16 + 16
    expect(bytes.length).toBe(16 + 32 + 48 + 24 + 32)
    const r = new SectionReader(bytes)
    expect(r.version).toBe(7)
    expect(readSample(r)).toEqual(expected)
  })

  it('holds typed arrays of any length, an empty one included, read in place or copied', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), { maxLength: 9 }),
        fc.array(fc.integer({ min: 0, max: 65535 }), { maxLength: 9 }),
        fc.array(fc.double({ noNaN: true }), { maxLength: 5 }),
        fc.boolean(),
        (ints, shorts, doubles, inPlace) => {
          const w = new SectionWriter()
          w.u16(Uint16Array.from(shorts))
          w.i32(Int32Array.from(ints))
          w.f64(Float64Array.from(doubles))
          const r = new SectionReader(w.finish(1), inPlace)
          expect([[...r.u16()], [...r.i32()], [...r.f64()]]).toEqual([shorts, ints, doubles])
          r.end()
        },
      ),
    )
  })

  it('views the sections in the bytes given when asked and they start on an 8-byte boundary, and copies them otherwise', () => {
    const bytes = sample().finish(1)
    const backing = new Uint8Array(bytes.length + 9)
    for (const offset of [8, 1]) {
      backing.fill(0)
      backing.set(bytes, offset)
      const within = backing.subarray(offset, offset + bytes.length)
      for (const inPlace of [true, false]) {
        const r = new SectionReader(within, inPlace)
        const ints = r.i32()
        expect([offset, inPlace, readSample(r, ints)]).toEqual([offset, inPlace, expected])
        expect([offset, inPlace, ints.buffer === backing.buffer]).toEqual([offset, inPlace, inPlace && offset === 8])
      }
    }
    // an unreadable section in a container inside a larger buffer is named by its byte in the container
    backing.set(
      patched(bytes, (v) => v.setUint32(16, 9, true)),
      8,
    )
    expect(unreadable(() => new SectionReader(backing.subarray(8, 8 + bytes.length), true).i32())).toBe(
      'section at byte 16: type 9, expected i32',
    )
  })

  it('refuses bytes without its header', () => {
    for (const bytes of [new Uint8Array(0), new TextEncoder().encode('ansinhHS'), new Uint8Array(64)])
      expect(unreadable(() => new SectionReader(bytes))).toBe('not a history snapshot (no "ansinhHS" header)')
    const wrong = sample().finish(1)
    wrong[7] = 0x54 // "ansinhHT"
    expect(unreadable(() => new SectionReader(wrong))).toBe('not a history snapshot (no "ansinhHS" header)')
  })

  it('names the section of another type than expected, one that does not fit, and a container that ends', () => {
    const bytes = sample().finish(1)
    expect(unreadable(() => new SectionReader(bytes).f64())).toBe('section at byte 16: type 1, expected f64')
    const r = new SectionReader(bytes)
    r.i32()
    expect(unreadable(() => r.u16())).toBe('section at byte 48: type 4, expected u16')
    for (const count of [-1, 1.5, 2 ** 53, 1e6])
      expect(unreadable(() => new SectionReader(patched(bytes, (v) => v.setFloat64(24, count, true))).i32())).toBe(
        `section at byte 16: ${count} elements do not fit in the snapshot`,
      )
    // as many elements as fill the container to its last byte still fit
    const last = new SectionWriter()
    last.i32(Int32Array.of(5, 6))
    expect([...new SectionReader(last.finish(1)).i32()]).toEqual([5, 6])
    const tooFew = patched(bytes, (v) => v.setUint32(12, 1, true))
    const one = new SectionReader(tooFew)
    one.i32()
    expect(unreadable(() => one.json())).toBe('a json section expected at byte 48, the snapshot ends')
    const cut = new SectionReader(bytes.subarray(0, 48 + 15))
    cut.i32()
    expect(unreadable(() => cut.json())).toBe('a json section expected at byte 48, the snapshot ends')
  })

  it('names a JSON section that is not JSON, or not UTF-8', () => {
    const w = new SectionWriter()
    w.json('x')
    const bytes = w.finish(1)
    // '"x"' → '"x' : not JSON
    const broken = patched(bytes, (v) => v.setUint8(16 + 16 + 2, 0x20))
    expect(unreadable(() => new SectionReader(broken).json())).toMatch(/^section at byte 16 is not JSON: /)
    const latin = patched(bytes, (v) => v.setUint8(16 + 16 + 1, 0xe0))
    expect(unreadable(() => new SectionReader(latin).json())).toMatch(/^section at byte 16 is not JSON: /)
  })

  it('fails at the end unless every section and byte was read', () => {
    const r = new SectionReader(sample().finish(1))
    r.i32()
    expect(unreadable(() => r.end())).toBe('3 sections and 104 bytes left over')
    const extra = new Uint8Array(sample().finish(1).length + 8)
    extra.set(sample().finish(1))
    const e = new SectionReader(extra)
    e.i32()
    e.json()
    e.u16()
    e.f64()
    expect(unreadable(() => e.end())).toBe('0 sections and 8 bytes left over')
  })

  it('copies the bytes unless asked to read them in place', () => {
    const backing = new Uint8Array(sample().finish(1).length)
    backing.set(sample().finish(1))
    const r = new SectionReader(backing)
    const ints = r.i32()
    expect(ints.buffer === backing.buffer).toBe(false)
    backing.fill(0)
    expect([...ints]).toEqual([-1, 2, 2_000_000_000])
  })

  it('reads a container of no section', () => {
    const bytes = new SectionWriter().finish(3)
    expect(bytes.length).toBe(16)
    const r = new SectionReader(bytes)
    expect(r.version).toBe(3)
    r.end()
    expect(unreadable(() => r.i32())).toBe('a i32 section expected at byte 16, the snapshot ends')
  })

  it('names the byte of a JSON section that is not JSON in a container read in place', () => {
    const w = new SectionWriter()
    w.i32(Int32Array.of(1))
    w.json('x')
    const bytes = patched(w.finish(1), (v) => v.setUint8(16 + 24 + 16 + 2, 0x20))
    const backing = new Uint8Array(bytes.length + 8)
    backing.set(bytes, 8)
    const r = new SectionReader(backing.subarray(8), true)
    expect([...r.i32()]).toEqual([1])
    expect(unreadable(() => r.json())).toMatch(/^section at byte 40 is not JSON: /)
  })

  it('fails at the end when the header counts more sections than the container holds', () => {
    const w = new SectionWriter()
    w.i32(Int32Array.of(5, 6))
    const r = new SectionReader(patched(w.finish(1), (v) => v.setUint32(12, 2, true)))
    expect([...r.i32()]).toEqual([5, 6])
    expect(unreadable(() => r.end())).toBe('1 sections and 0 bytes left over')
  })

  it('names a section whose elements overrun the container by less than a section head', () => {
    const w = new SectionWriter()
    w.i32(Int32Array.of(5, 6)) // 8 bytes: the container ends there; 3 elements need 4 more
    const bytes = patched(w.finish(1), (v) => v.setFloat64(24, 3, true))
    expect(unreadable(() => new SectionReader(bytes).i32())).toBe(
      'section at byte 16: 3 elements do not fit in the snapshot',
    )
  })
})
