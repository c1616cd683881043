import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { copyField } from './snapshots.js'

// PostgreSQL's binary COPY of one bytea column: signature, flags, header extension, rows, trailer.
const SIGNATURE = [0x50, 0x47, 0x43, 0x4f, 0x50, 0x59, 0x0a, 0xff, 0x0d, 0x0a, 0x00]
const copyOf = (rows: ReadonlyArray<Uint8Array | null>, extension: number[] = []): Uint8Array => {
  const parts: number[] = [...SIGNATURE, 0, 0, 0, 0, ...be32(extension.length), ...extension]
  for (const row of rows) {
    parts.push(0, 1)
    if (row === null) parts.push(...be32(-1))
    else parts.push(...be32(row.length), ...row)
  }
  parts.push(0xff, 0xff)
  return new Uint8Array(parts)
}
function be32(n: number): number[] {
  const b = new Uint8Array(4)
  new DataView(b.buffer).setInt32(0, n)
  return [...b]
}

describe('copyField: the one bytea of a binary COPY', () => {
  it('gives the bytes of the first row, in a buffer of their own at offset 0', () => {
    const bytes = new Uint8Array([1, 2, 3, 250])
    const field = copyField(copyOf([bytes], [9, 9]))
    expect(field).toEqual(E.right(bytes))
    expect(E.isRight(field) && field.right !== null && field.right.byteOffset).toBe(0)
  })

  it('gives null for no row and for a null field', () => {
    expect(copyField(copyOf([]))).toEqual(E.right(null))
    expect(copyField(copyOf([null]))).toEqual(E.right(null))
  })

  it('refuses what is not a binary COPY, or is cut short, saying which', () => {
    expect(copyField(new TextEncoder().encode('\\x0102 not binary at all'))).toEqual(
      E.left('not a binary COPY (signature)'),
    )
    const whole = copyOf([new Uint8Array(10)])
    expect(copyField(whole.subarray(0, whole.length - 5))).toEqual(E.left('binary COPY cut short (field)'))
    const two = copyOf([new Uint8Array(1)])
    two[20] = 2 // the field count (bytes 19–20 after an empty header extension)
    expect(copyField(two)).toEqual(E.left('binary COPY of 2 columns, expected 1'))
  })
})
