import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { decodeHistory, formatLineError } from './ndjson.js'
import { showValue } from './problem.js'
import { codePointLabel, describeForbidden, escapeInvisible, forbiddenCodePoint } from './text.js'

/** The lines `ansinh check` prints for a file holding one event of `type` with `data`. */
const lines = (type: string, data: Record<string, unknown>, recordedAt = '2020-01-01T08:00:00+07:00'): string[] => {
  const r = decodeHistory(JSON.stringify({ id: '00000000-0000-4000-8000-000000000001', type, recordedAt, data }) + '\n')
  return E.isLeft(r) ? r.left.flatMap((e) => formatLineError('f.ndjson', e)) : []
}
const enrol = {
  participantId: '0123456789',
  scheme: 'voluntary',
  unit: '22816',
  coveredFrom: '2020-03-01',
  coveredThrough: '2020-05-31',
}

describe('names and references refuse invisible and reordering characters, naming the field and the code point', () => {
  it.each([
    [
      'ParticipantEnrolled',
      'agent',
      { ...enrol, agent: 'BD\u202ePHANTHIET' },
      'the invisible bidirectional control U+202E',
      '"BD\\u202ePHANTHIET"',
    ],
    [
      'ParticipantEnrolled',
      'employer',
      { ...enrol, employer: '\u2066CTY-A\u2069' },
      'the invisible bidirectional control U+2066',
      '"\\u2066CTY-A\\u2069"',
    ],
    [
      'DebtSettled',
      'employer',
      { employer: 'CTY\u200bA', scheme: 'health', amount: 5, settledOn: '2020-01-01' },
      'the invisible format character U+200B',
      '"CTY\\u200bA"',
    ],
    [
      'QuotaAssigned',
      'decision',
      { unit: '22', scheme: 'health', year: 2020, target: 1, assignedOn: '2020-01-15', decision: '417/Q\u200fĐ' },
      'the invisible bidirectional control U+200F',
      '"417/Q\\u200fĐ"',
    ],
    [
      'QuotaAssigned',
      'assignedBy',
      { unit: '22', scheme: 'health', year: 2020, target: 1, assignedOn: '2020-01-15', assignedBy: 'UBND\ufeff' },
      'the invisible format character U+FEFF',
      '"UBND\\ufeff"',
    ],
    [
      'UnitEstablished',
      'name',
      { code: '60', name: 'Bình\u061c Thuận', level: 'province', establishedOn: '1992-01-01' },
      'the invisible bidirectional control U+061C',
      '"Bình\\u061c Thuận"',
    ],
    [
      'PopulationEstimated',
      'source',
      { unit: '60', year: 2020, population: 5, source: 'GSO\u2028' },
      'the line separator U+2028',
      '"GSO\\u2028"',
    ],
    [
      'DebtRecorded',
      'employer',
      {
        employer: 'CTY\ud800',
        unit: '22816',
        scheme: 'health',
        period: '2020-01',
        amount: 5,
        recordedOn: '2020-01-02',
      },
      'a lone surrogate U+D800 (half of a character)',
      '"CTY\\ud800"',
    ],
    [
      'DebtRecorded',
      'employer',
      { employer: 'CTY\tA', unit: '22816', scheme: 'health', period: '2020-01', amount: 5, recordedOn: '2020-01-02' },
      'the control character U+0009',
      '"CTY\\tA"',
    ],
  ])('%s.%s', (type, field, data, what, shown) => {
    expect(lines(type, data)).toEqual([`f.ndjson:1: data.${field}: contains ${what} (got ${shown})`])
  })
  it('still accepts Vietnamese in either normal form, emoji and other visible text', () => {
    for (const name of ['Hàm Trí', 'Ha\u0300m Tri\u0301', 'Xã Đắk Lắk 😀', 'مدينة', 'עיר'])
      expect(lines('UnitEstablished', { code: '60', name, level: 'province', establishedOn: '1992-01-01' })).toEqual([])
  })
  it('names code points as Unicode writes them', () => {
    expect(codePointLabel(0x202e)).toBe('U+202E')
    expect(codePointLabel(0x9)).toBe('U+0009')
    expect(codePointLabel(0xe0041)).toBe('U+E0041')
    expect(forbiddenCodePoint('ab\u{e0041}c')).toBe(0xe0041)
    expect(forbiddenCodePoint('Hàm Trí')).toBeNull()
    expect(describeForbidden(0x2029)).toBe('the paragraph separator U+2029')
  })
})

describe('dates, months and instants lie in 1900–2100', () => {
  it.each([
    [
      'a year-0000 date',
      'DebtSettled',
      { employer: 'A', scheme: 'health', amount: 5, settledOn: '0000-01-01' },
      'data.settledOn: not a date from 1900-01-01 to 2100-12-31 (got "0000-01-01")',
    ],
    [
      'the day before 1900',
      'ParticipantLapsed',
      { participantId: '0123456789', scheme: 'health', lapsedOn: '1899-12-31', reason: 'other' },
      'data.lapsedOn: not a date from 1900-01-01 to 2100-12-31 (got "1899-12-31")',
    ],
    [
      'the day after 2100',
      'ParticipantEnrolled',
      { ...enrol, coveredThrough: '2101-01-01' },
      'data.coveredThrough: not a date from 1900-01-01 to 2100-12-31 (got "2101-01-01")',
    ],
    [
      'a year-0000 month',
      'DebtRecorded',
      { employer: 'A', unit: '22816', scheme: 'health', period: '0000-01', amount: 5, recordedOn: '2020-01-02' },
      'data.period: not a month from 1900-01 to 2100-12 (got "0000-01")',
    ],
    [
      'an out-of-range day that is not a day either',
      'DebtSettled',
      { employer: 'A', scheme: 'health', amount: 5, settledOn: '0000-02-30' },
      'data.settledOn: not a real calendar day YYYY-MM-DD (got "0000-02-30")',
    ],
  ])('%s', (_what, type, data, line) => {
    expect(lines(type, data)).toEqual([`f.ndjson:1: ${line}`])
  })
  it('a recordedAt of year 0000 or 9999', () => {
    const data = { employer: 'A', scheme: 'health', amount: 5, settledOn: '2020-01-01' }
    expect(lines('DebtSettled', data, '0000-01-01T00:00:00Z')).toEqual([
      'f.ndjson:1: recordedAt: not an instant in the years 1900–2100 (got "0000-01-01T00:00:00Z")',
    ])
    expect(lines('DebtSettled', data, '9999-12-31T23:59:59+07:00')).toEqual([
      'f.ndjson:1: recordedAt: not an instant in the years 1900–2100 (got "9999-12-31T23:59:59+07:00")',
    ])
    expect(lines('DebtSettled', data, '2100-12-31T23:59:59+07:00')).toEqual([])
  })
})

describe('showValue', () => {
  it('escapes what would hide or reorder text on a terminal, and never throws', () => {
    expect(showValue('a\u202eb\u200bc\u2028')).toBe('"a\\u202eb\\u200bc\\u2028"')
    expect(escapeInvisible('Hàm\u0085')).toBe('Hàm\\u0085')
    let deep: unknown[] = []
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(showValue(deep)).toBe('an array too deeply nested to show')
    expect(showValue(Uint8Array.from([0xc3, 0x28]))).toBe('bytes C3 28')
    expect(showValue(10n)).toBe('a value that cannot be shown')
  })
  it('cuts long values to 120 characters, never inside a surrogate pair', () => {
    expect(showValue('x'.repeat(200))).toBe('"' + 'x'.repeat(118) + '…')
    const shown = showValue('x'.repeat(117) + '😀😀😀')
    expect(shown).toBe('"' + 'x'.repeat(117) + '…')
  })
})
