/**
 * Where events come from: an NDJSON file (read whole and checked before anything is computed) or a
 * store named by URL.
 *
 * @module source
 */
import * as E from 'fp-ts/lib/Either.js'
import { type LineEvent, HistoryDecoder, formatLineError } from '@ansinh/core'
import { statSync } from 'node:fs'
import { type EventRead, type EventStore, type StoreError, describeStoreError } from '@ansinh/store'
import { type Failure, fail } from './failure.js'
import { forEachLine, readLines } from './lines.js'
import { bytes, progress } from './progress.js'
import { redactUrl } from './redact.js'

/** The default store when neither `--store` nor `ANSINH_STORE` names one. */
export const DEFAULT_STORE = 'pglite:.ansinh/store'

/** The name a file is given in messages: `-` is standard input, named `<stdin>`. */
export const inputName = (file: string): string => (file === '-' ? '<stdin>' : file)

const sizeOf = (file: string): number => {
  try {
    return statSync(file).size
  } catch {
    return 0 // unreadable: the read below fails with the reason
  }
}

/**
 * Decodes every line of an NDJSON file (`-`: standard input); a file that cannot be read is exit 2.
 * Progress counts bytes against the file's size (its line count is not known before the end).
 */
export const decodeFile = async (file: string, doing = 'reading'): Promise<E.Either<Failure, HistoryDecoder>> => {
  const decoder = new HistoryDecoder()
  const name = inputName(file)
  const stdin = file === '-'
  const p = progress(`${doing} ${name}`, stdin ? {} : { total: sizeOf(file), unit: bytes })
  let read = 0
  try {
    const sink = {
      push: (line: string) => {
        decoder.push(line)
        if (!p.active) return
        // the UTF-8 bytes of the line and its \n: where in the file the decoder is, for the bar
        read += Buffer.byteLength(line) + 1
        p.update(stdin ? decoder.events.length : read)
      },
      pushUnreadable: (problem: Parameters<HistoryDecoder['pushUnreadable']>[0]) => decoder.pushUnreadable(problem),
    }
    await (stdin ? readLines(process.stdin, sink) : forEachLine(file, sink))
  } catch (err) {
    return E.left(fail(2, `${name}: cannot read: ${(err as Error).message}`))
  } finally {
    p.done()
  }
  return E.right(decoder)
}

/**
 * Every event a store holds, in position order, with progress against the head position it had
 * when the read began (store replay, import's read of what is stored, verify). A store failure,
 * of the head or of the read, is the last element, a Left, as in `readAll`.
 */
export const replay = async function* (
  store: EventStore,
  url: string,
  doing = 'reading',
  fromPosition = 1,
): AsyncGenerator<EventRead> {
  const head = await store.headPosition()
  if (E.isLeft(head)) {
    yield head
    return
  }
  const p = progress(`${doing} ${redact(url)}`, { total: head.right })
  try {
    for await (const r of store.readAll({ pageSize: 5_000, fromPosition })) {
      if (E.isRight(r)) p.update(r.right.position)
      yield r
    }
  } finally {
    p.done()
  }
}

/** Exit 3 for a store that failed: `store URL: why` (the URL's secrets hidden). */
export const storeFailed = (url: string, error: StoreError): Failure =>
  fail(3, `store ${redact(url)}: ${describeStoreError(error)}`)

/** Reads and decodes an NDJSON history; every bad line is a `FILE:LINE:` problem (exit 2). */
export const readHistoryFile = async (file: string): Promise<E.Either<Failure, LineEvent[]>> => {
  const decoded = await decodeFile(file)
  if (E.isLeft(decoded)) return decoded
  const decoder = decoded.right
  if (decoder.errors.length > 0)
    return E.left(fail(2, ...decoder.errors.flatMap((e) => formatLineError(inputName(file), e))))
  return E.right(decoder.events)
}

/** The store URL in force: the option, else `ANSINH_STORE`, else the embedded default. */
export const storeUrl = (option: string | null): string => option ?? process.env.ANSINH_STORE ?? DEFAULT_STORE

/** Options of {@link openStore}. */
export interface OpenOptions {
  /**
   * Create the store when it is not there (only `import` does): a `pglite:` folder, the tables of
   * a PostgreSQL database. false (the default): reading a store that is not there is exit 3, and
   * `memory:`, empty in every process, is refused the same way.
   */
  readonly create?: boolean
  /** This command loads many events (`import`): an embedded store starts with a buffer pool for it. */
  readonly bulk?: boolean
}

/**
 * Opens a store: `memory:`, `pglite:DIR` (embedded PostgreSQL in a folder), `postgres://…` /
 * `postgresql://…`, `esdb://…` / `esdb+discover://…`. Each adapter is imported only for its
 * scheme, so a report from a file never loads a database driver and a PostgreSQL user never loads
 * PGlite. The EventStoreDB adapter (gRPC) is an optional peer: without it, `esdb://` says so.
 * A `pglite:` folder is held by this process until the store is closed: one in use by another
 * process is exit 3 naming it.
 */
export const openStore = async (url: string, options: OpenOptions = {}): Promise<E.Either<Failure, EventStore>> => {
  const create = options.create ?? false
  try {
    if (url === 'memory:') {
      if (!create)
        return E.left(
          fail(
            3,
            `store memory: is empty: a memory: store lives only while one command runs; read a pglite:DIR or postgres://… store, or give --events FILE`,
          ),
        )
      const { InMemoryEventStore } = await import('@ansinh/store')
      return E.right(new InMemoryEventStore())
    }
    if (url.startsWith('pglite:')) {
      const dir = url.slice('pglite:'.length)
      if (dir === '') return E.left(fail(1, `--store: pglite needs a folder, e.g. pglite:.ansinh/store (got "${url}")`))
      const { describePgliteOpenError, openPgliteFolder } = await import('@ansinh/store-pglite')
      const opened = await openPgliteFolder(dir, { create, bulk: options.bulk ?? false })
      if (E.isRight(opened)) return opened
      const why = describePgliteOpenError(opened.left)
      return E.left(
        fail(
          3,
          opened.left._tag === 'NoStore'
            ? `${why}; only ansinh import creates a store`
            : opened.left._tag === 'InUse'
              ? why
              : `store ${url}: ${why}`,
        ),
      )
    }
    if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
      const { openPostgresStore } = await import('@ansinh/store-postgres')
      return E.right(await openPostgresStore(url, { create }))
    }
    if (url.startsWith('esdb://') || url.startsWith('esdb+discover://')) {
      const adapter = await optionalAdapter(() => import('@ansinh/store-eventstoredb'), '@ansinh/store-eventstoredb')
      if (adapter === null)
        return E.left(fail(3, `store ${redact(url)}: install @ansinh/store-eventstoredb to use esdb:// stores`))
      return E.right(await adapter.openEventStoreDbStore(url))
    }
  } catch (err) {
    return E.left(fail(3, `store ${redact(url)}: ${(err as Error).message}`))
  }
  return E.left(
    fail(1, `--store: not a store URL (got "${redact(url)}"); use memory:, pglite:DIR, postgres://… or esdb://…`),
  )
}

/**
 * The adapter module `load` imports, or null when the package `name` is not installed (any other
 * failure, e.g. a broken install, is thrown as it is).
 */
export const optionalAdapter = async <M>(load: () => Promise<M>, name: string): Promise<M | null> => {
  try {
    return await load()
  } catch (err) {
    const e = err as { code?: unknown; message?: unknown }
    if (e.code === 'ERR_MODULE_NOT_FOUND' && String(e.message).includes(`'${name}'`)) return null
    throw err
  }
}

/** A store URL as it may be printed: its password and secret parameters hidden (redact.ts). */
export const redact = redactUrl
