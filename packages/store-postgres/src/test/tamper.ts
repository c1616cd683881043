/**
 * Tamper tests for SQL stores: edit, delete, insert and reorder stored rows behind the store's
 * back, and check that the chain names the position. Shared by the PGlite and server tests.
 *
 * @module test/tamper
 */
import * as E from 'fp-ts/lib/Either.js'
import { describe, expect, it } from 'vitest'
import { GENESIS_HASH, type EventStore, chainHash, verifyChain } from '@ansinh/store'
import { enrolment, expectRight, participantStream, readEverything } from '@ansinh/store-testing'
import { type DomainEvent, canonicalDataJson } from '@ansinh/core'
import type { SqlQueryable } from '../driver.js'
import { COLUMNS, copyText } from '../internal/rows.js'

/** Moves rows at or after `from` by `by` positions (in two steps: positions are unique). */
const shift = async (sql: SqlQueryable, from: number, by: number): Promise<void> => {
  await sql.query('UPDATE ansinh_events SET position = position + 1000000 WHERE position >= $1', [from])
  await sql.query('UPDATE ansinh_events SET position = position - 1000000 + $1 WHERE position >= 1000000', [by])
}

/** Declares the tamper tests; `open` gives a fresh empty store and raw SQL on its database. */
export const describeTamperTests = (
  name: string,
  open: () => Promise<{ store: EventStore; sql: SqlQueryable }>,
): void => {
  const withFive = async (tamper: (sql: SqlQueryable) => Promise<unknown>) => {
    const { store, sql } = await open()
    try {
      for (let i = 1; i <= 5; i++) expectRight(await store.append(participantStream(i % 2), [enrolment(i % 2, i)]))
      expect(await verifyChain(store.readAll({ pageSize: 2 }))).toMatchObject(E.right({ ok: true }))
      await tamper(sql)
      const verdict = await verifyChain(store.readAll({ pageSize: 2 }))
      if (E.isLeft(verdict))
        expect.fail(`the store failed instead of giving a verdict: ${JSON.stringify(verdict.left)}`)
      return verdict.right
    } finally {
      await store.close()
    }
  }

  describe(`hash chain against tampering: ${name}`, () => {
    it('an edited row is found at its position', async () => {
      expect(
        await withFive((sql) =>
          sql.query(
            `UPDATE ansinh_events SET data = jsonb_set(data::jsonb, '{agent}', '"FORGED"')::json WHERE position = 3`,
          ),
        ),
      ).toMatchObject({
        ok: false,
        position: 3,
        reason: expect.stringContaining('hash'),
      })
      expect(
        await withFive((sql) =>
          sql.query(`UPDATE ansinh_events SET recorded_at = '2020-03-02T09:15:00+07:01' WHERE position = 4`),
        ),
      ).toMatchObject({ ok: false, position: 4 })
    })

    it('an edit that no longer decodes is found at its position', async () => {
      expect(
        await withFive((sql) =>
          sql.query(`UPDATE ansinh_events SET data = (data::jsonb || '{"extra":1}')::json WHERE position = 2`),
        ),
      ).toMatchObject({
        ok: false,
        position: 2,
        reason: expect.stringContaining('corrupt'),
      })
    })

    it('a deleted row is found at its position', async () => {
      expect(await withFive((sql) => sql.query('DELETE FROM ansinh_events WHERE position = 3'))).toMatchObject({
        ok: false,
        position: 3,
        reason: expect.stringContaining('missing'),
      })
      expect(await withFive((sql) => sql.query('DELETE FROM ansinh_events WHERE position = 5'))).toMatchObject({
        ok: true,
        checked: 4,
      })
    })

    it('an inserted row is found at its position, or at the next one if the forger computed its hash', async () => {
      const forged = (hashed: boolean) => async (sql: SqlQueryable) => {
        await shift(sql, 3, 1)
        const [previous] = await sql.query<{ hash: string }>('SELECT hash FROM ansinh_events WHERE position = 2')
        const row = {
          event: { ...enrolment(9, 1), recordedAt: '2020-03-02T09:15:00+07:00' } as DomainEvent,
          stream: participantStream(9),
          revision: 0,
          position: 3,
          version: 1,
        }
        const hash = hashed ? chainHash(previous!.hash.trim(), row) : GENESIS_HASH
        await sql.copy('ansinh_events', COLUMNS, copyText([{ ...row, hash }], [canonicalDataJson(row.event)]))
      }
      expect(await withFive(forged(false))).toMatchObject({ ok: false, position: 3 })
      expect(await withFive(forged(true))).toMatchObject({ ok: false, position: 4 })
    })

    it('reordered rows are found at the first moved position', async () => {
      expect(
        await withFive(async (sql) => {
          await sql.query('UPDATE ansinh_events SET position = 1000002 WHERE position = 2')
          await sql.query('UPDATE ansinh_events SET position = 2 WHERE position = 3')
          await sql.query('UPDATE ansinh_events SET position = 3 WHERE position = 1000002')
        }),
      ).toMatchObject({ ok: false, position: 2 })
    })

    it('the untouched store still verifies to its last hash', async () => {
      const { store } = await open()
      try {
        expectRight(await store.append(participantStream(1), [enrolment(1, 1), enrolment(1, 2)]))
        const all = await readEverything(store)
        expect(await verifyChain(store.readAll())).toEqual(
          E.right({ ok: true, checked: 2, lastPosition: 2, lastHash: all[1]!.hash }),
        )
      } finally {
        await store.close()
      }
    })
  })
}
