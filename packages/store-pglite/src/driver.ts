/**
 * The store's SQL driver over PGlite: PostgreSQL compiled to WebAssembly, running in this process
 * on a folder (or in memory). It has one connection, so a transaction is PGlite's own; COPY text
 * is read from a blob instead of STDIN.
 *
 * @module driver
 */
import type { PGlite } from '@electric-sql/pglite'
import { type SqlDriver, copySql } from '@ansinh/store-postgres'

/** A driver over a PGlite instance; `close` closes it unless `ownsDatabase` is false. */
export const pgliteDriver = (db: PGlite, ownsDatabase = true): SqlDriver => ({
  kind: 'pglite',
  query: async (text, params) => (await db.query(text, params as unknown[])).rows as never,
  copy: async (table, columns, text) =>
    void (await db.query(copySql(table, columns, `'/dev/blob'`), [], { blob: new Blob([text]) })),
  copyOut: async (select) => {
    const result = await db.query(`COPY (${select}) TO '/dev/blob' WITH (FORMAT binary)`)
    if (result.blob === undefined) throw new Error('PGlite returned no blob for COPY TO /dev/blob')
    return new Uint8Array(await result.blob.arrayBuffer())
  },
  transaction: (body) =>
    db.transaction((tx) =>
      body({
        query: async (text, params) => (await tx.query(text, params as unknown[])).rows as never,
        copy: async (table, columns, text) =>
          void (await tx.query(copySql(table, columns, `'/dev/blob'`), [], { blob: new Blob([text]) })),
      }),
    ),
  listen: async (channel, onNotify) => db.listen(channel, onNotify),
  close: async () => {
    if (ownsDatabase) await db.close()
  },
})
