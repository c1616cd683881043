/**
 * Characters that may not appear in names and references, and how to name them in an error.
 *
 * A name or a reference is shown in tables and csv files and compared as a key (an employer's
 * stream is `employer-{employer}`). Characters that are invisible, or that change how the text
 * around them is displayed, would let two different keys look the same, or a table show other text
 * than it holds (after U+202E RIGHT-TO-LEFT OVERRIDE the rest of a line displays backwards). So they
 * are refused where the text enters, with the code point named:
 *
 * - control characters (Unicode category Cc: U+0000–U+001F, U+007F–U+009F);
 * - format characters (Cf): the bidirectional controls U+061C, U+200E, U+200F, U+202A–U+202E,
 *   U+2066–U+2069, and the other invisible ones such as U+00AD, U+200B–U+200D, U+2060, U+FEFF;
 * - lone surrogates (Cs: half of a UTF-16 pair, not a character; PostgreSQL refuses them);
 * - the line and paragraph separators U+2028 and U+2029 (they break a line where none shows).
 *
 * @module text
 */

/** One character a name or reference may not hold (tested with the `u` flag, so by code point). */
export const FORBIDDEN_CHARACTER = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/u

const BIDI = new Set([0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069])

/** `U+202E`: a code point as Unicode writes it, at least four hex digits. */
export const codePointLabel = (cp: number): string => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`

/** The first forbidden code point of `s`, or null when there is none. */
export const forbiddenCodePoint = (s: string): number | null => {
  const m = FORBIDDEN_CHARACTER.exec(s)
  return m === null ? null : m[0].codePointAt(0)!
}

/**
 * What a forbidden code point is, for an error line, e.g.
 * `the invisible bidirectional control U+202E` or `the control character U+0009`.
 */
export const describeForbidden = (cp: number): string => {
  const label = codePointLabel(cp)
  if (cp <= 0x1f || (cp >= 0x7f && cp <= 0x9f)) return `the control character ${label}`
  if (BIDI.has(cp)) return `the invisible bidirectional control ${label}`
  if (cp >= 0xd800 && cp <= 0xdfff) return `a lone surrogate ${label} (half of a character)`
  if (cp === 0x2028) return `the line separator ${label}`
  if (cp === 0x2029) return `the paragraph separator ${label}`
  return `the invisible format character ${label}`
}

// What `showValue` escapes after JSON.stringify (which leaves these as they are): written out, an
// error line would itself display reordered or hidden text.
const UNSHOWABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Zl}\p{Zp}]/gu

/** `s` with every invisible or reordering character written as `\uXXXX` (JSON's escape). */
export const escapeInvisible = (s: string): string =>
  s.replace(UNSHOWABLE, (c) => {
    let out = ''
    for (let i = 0; i < c.length; i++) out += '\\u' + c.charCodeAt(i).toString(16).padStart(4, '0')
    return out
  })
