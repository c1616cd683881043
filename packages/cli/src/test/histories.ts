/**
 * Small NDJSON histories for the CLI tests, built line by line so each case is visible.
 */
let counter = 0
/** A fresh, deterministic UUID. */
export const uuid = (): string => `00000000-0000-4000-8000-${String(++counter).padStart(12, '0')}`

/** One NDJSON line of an event. */
export const line = (
  type: string,
  data: Record<string, unknown>,
  recordedAt = '2020-01-01T08:00:00+07:00',
  id = uuid(),
): string => JSON.stringify({ id, type, recordedAt, data })

/** A clean history of `participants` voluntary participants in 3 communes, each with quarterly renewals. */
export const cleanHistory = (participants: number): string[] => {
  const lines = [
    line('UnitEstablished', { code: '60', name: 'Bình Thuận', level: 'province', establishedOn: '1992-01-01' }),
    line('UnitEstablished', {
      code: '593',
      name: 'Phan Thiết',
      level: 'district',
      parent: '60',
      establishedOn: '1992-01-01',
    }),
    ...['22816', '22819', '22822'].map((c, i) =>
      line('UnitEstablished', {
        code: c,
        name: `Phường ${i + 1}`,
        level: 'commune',
        parent: '593',
        establishedOn: '1992-01-01',
      }),
    ),
    line('QuotaAssigned', {
      unit: '593',
      scheme: 'voluntary',
      year: 2020,
      target: participants,
      assignedOn: '2020-01-15',
      decision: '417/QĐ-UBND',
    }),
  ]
  const quarters = [
    ['2020-01-01', '2020-03-31'],
    ['2020-04-01', '2020-06-30'],
    ['2020-07-01', '2020-09-30'],
    ['2020-10-01', '2020-12-31'],
  ] as const
  for (let p = 0; p < participants; p++) {
    const participantId = String(1_000_000_000 + p)
    const unit = ['22816', '22819', '22822'][p % 3]
    for (const [from, through] of quarters.slice(0, 1 + (p % 4))) {
      lines.push(
        line(
          'ParticipantEnrolled',
          { participantId, scheme: 'voluntary', unit, coveredFrom: from, coveredThrough: through },
          `${from}T09:00:00+07:00`,
        ),
      )
    }
  }
  return lines
}
