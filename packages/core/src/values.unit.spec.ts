import type * as t from 'io-ts'
import { describe, expect, it } from 'vitest'
import { LapseReason } from './events.js'
import {
  BusinessDate,
  Count,
  DebtScheme,
  EventId,
  Instant,
  Month,
  ParticipantId,
  PlanYear,
  PositiveCount,
  Reference,
  Scheme,
  UnitCode,
  UnitLevel,
  UnitName,
  Vnd,
} from './values.js'

// The characters refused in names and references beyond control characters: every bidirectional
// control, other invisible format characters (Cf), a lone surrogate, the line/paragraph separators.
const INVISIBLE = [
  '\u202a',
  '\u202b',
  '\u202c',
  '\u202d',
  '\u202e',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
  '\u200e',
  '\u200f',
  '\u061c',
  '\u200b',
  '\u200c',
  '\u200d',
  '\u2060',
  '\ufeff',
  '\u00ad',
  '\u{e0041}',
  '\ud800',
  '\udc00',
  '\u2028',
  '\u2029',
]

// Each value type's edges: what its codec must accept and what it must refuse.
const cases: Array<[string, t.Mixed, unknown[], unknown[]]> = [
  [
    'BusinessDate',
    BusinessDate,
    ['2024-02-29', '2000-02-29', '2023-02-28', '2020-12-31', '1990-01-01', '1900-01-01', '2100-12-31'],
    [
      '0000-01-01',
      '1899-12-31',
      '2101-01-01',
      '9999-12-31',
      '2023-02-30',
      '2023-02-29',
      '1900-02-29',
      '2020-04-31',
      '2020-13-01',
      '2020-00-10',
      '2020-1-01',
      '20200101',
      '2020-01-01T00:00:00Z',
      ' 2020-01-01',
      20200101,
      null,
    ],
  ],
  [
    'Month',
    Month,
    ['2020-01', '2020-12', '1999-07', '1900-01', '2100-12'],
    ['0000-01', '1899-12', '2101-01', '2020-00', '2020-13', '2020-1', '2020-01-01', 202001, null],
  ],
  [
    'Instant',
    Instant,
    [
      '2020-03-02T09:15:00+07:00',
      '2020-03-02T02:15:00Z',
      '2020-03-02T09:15+07:00',
      '2020-03-02T09:15:00.123456+0700',
      '2024-02-29T23:59:59-05:30',
      '1900-01-01T00:00:00+07:00',
      '2100-12-31T23:59:59-12:00',
    ],
    [
      '0000-01-01T00:00:00Z',
      '1899-12-31T23:59:59+07:00',
      '2101-01-01T00:00:00Z',
      '2020-03-02T09:15:00',
      '2020-03-02',
      '2023-02-30T09:15:00Z',
      '2020-03-02T24:00:00Z',
      '2020-03-02T09:60:00Z',
      '2020-03-02T09:15:00+19:00',
      1583115300000,
    ],
  ],
  [
    'ParticipantId',
    ParticipantId,
    ['0123456789', '9999999999'],
    ['123456789', '01234567890', '012345678a', ' 0123456789', 123456789, null],
  ],
  ['UnitCode', UnitCode, ['22', '593', '22816'], ['2', '2281', '228160', 'ab', 22, null]],
  ['UnitLevel', UnitLevel, ['province', 'district', 'commune'], ['Province', 'ward', '']],
  ['Scheme', Scheme, ['voluntary', 'compulsory', 'health', 'unemployment'], ['Voluntary', 'pension', '']],
  ['DebtScheme', DebtScheme, ['compulsory', 'health', 'unemployment'], ['voluntary', '']],
  [
    'LapseReason',
    LapseReason,
    ['stopped-paying', 'moved-to-compulsory', 'lump-sum-withdrawal', 'retired', 'deceased', 'other'],
    ['stopped', 'toString', ''],
  ],
  [
    'Vnd',
    Vnd,
    [1, 806_000_000, Number.MAX_SAFE_INTEGER],
    [0, -1, 1.5, Number.MAX_SAFE_INTEGER + 1, Infinity, NaN, '100'],
  ],
  [
    'Reference',
    Reference,
    [
      '417/QĐ-UBND',
      'x',
      'a'.repeat(64),
      '😀'.repeat(64),
      'Công ty TNHH Hải Hà',
      'Nguyễn Thị Ánh',
      'Nguye\u0302\u0303n' /* decomposed (NFD), as macOS writes it */,
    ],
    ['', 'a'.repeat(65), 'tab\there', 'line\nbreak', '\u007f', '\u0085', 5, ...INVISIBLE.map((c) => `CTY${c}A`)],
  ],
  [
    'UnitName',
    UnitName,
    ['Hàm Trí', 'x'.repeat(200)],
    ['', '   ', 'x'.repeat(201), 'a\u0000b', ...INVISIBLE.map((c) => `Hàm${c} Trí`)],
  ],
  ['PlanYear', PlanYear, [1990, 2020, 2100], [1989, 2101, 2020.5, '2020']],
  ['Count', Count, [0, 1, 1_000_000], [-1, 0.5, '1']],
  ['PositiveCount', PositiveCount, [1, 1_000_000], [0, -1, 0.5]],
  [
    'EventId',
    EventId,
    [
      '7d9c0a52-5a0e-4f39-9d44-0b8f0c7c4f01',
      '7D9C0A52-5A0E-4F39-9D44-0B8F0C7C4F01',
      '00000000-0000-0000-0000-000000000000',
    ],
    [
      '7d9c0a525a0e4f399d440b8f0c7c4f01',
      '7d9c0a52-5a0e-4f39-9d44-0b8f0c7c4f0',
      '{7d9c0a52-5a0e-4f39-9d44-0b8f0c7c4f01}',
    ],
  ],
]

describe.each(cases)('%s codec', (_name, codec, accepted, refused) => {
  it.each(accepted.map((v) => [JSON.stringify(v), v]))('accepts %s', (_shown, v) => {
    expect(codec.is(v)).toBe(true)
    expect(codec.decode(v)._tag).toBe('Right')
  })
  it.each(refused.map((v) => [JSON.stringify(v) ?? String(v), v]))('refuses %s', (_shown, v) => {
    expect(codec.is(v)).toBe(false)
    expect(codec.decode(v)._tag).toBe('Left')
  })
})
