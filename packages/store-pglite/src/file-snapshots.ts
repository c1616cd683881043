/**
 * The embedded store's snapshots, kept as files in its folder (`ansinh-snapshots/NAME.snapshot`)
 * rather than in the `ansinh_snapshots` table. A snapshot of a province is tens of megabytes:
 * read out of PGlite it costs over a second and several hundred megabytes of WebAssembly memory
 * that is never given back (the value is detoasted and copied inside the WebAssembly heap);
 * read from a file it costs one `read`. The folder is the store: copying or moving it takes its
 * snapshots along.
 *
 * A file cannot join PGlite's transaction, so a snapshot sealed with an append is written just
 * after the commit. That loses nothing: a snapshot is trusted only when its stamp (position,
 * chain hash) matches the chain, so a process that dies between the commit and the rename leaves
 * the previous snapshot, which the next reader tops up with the events after it; and a file
 * copied from another store, or left over from a rewritten history, does not match and is rebuilt.
 *
 * @module file-snapshots
 */
import * as E from 'fp-ts/lib/Either.js'
import type * as TE from 'fp-ts/lib/TaskEither.js'
import { mkdir, open, readFile, rename, rm } from 'node:fs/promises'
import { join } from 'node:path'
import type { SnapshotStore, SnapshotStoreFailed } from '@ansinh/store'

/** The sub-folder of a store's folder that holds its snapshots. */
export const SNAPSHOT_FOLDER = 'ansinh-snapshots'

/** Snapshot names are the library's own (`history`, a runner's projection name): a file name each. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$/

const failed = (message: string): SnapshotStoreFailed => ({ _tag: 'SnapshotStoreFailed', message })

/** Snapshots as files in `folder` (created on the first save), written atomically. */
export class FileSnapshotStore implements SnapshotStore {
  /** @param folder the folder the snapshot files live in, e.g. `join(storeFolder, SNAPSHOT_FOLDER)` */
  constructor(readonly folder: string) {}

  /** The file of snapshot `name`. */
  fileOf(name: string): string {
    return join(this.folder, `${name}.snapshot`)
  }

  /**
   * The envelope saved under `name`, or null when there is none. The bytes are a buffer of their
   * own at offset 0 (`readFile` of a file does not use the shared pool), as the payload's aligned
   * typed-array sections need.
   */
  load(name: string): TE.TaskEither<SnapshotStoreFailed, Uint8Array | null> {
    return async () => {
      if (!NAME.test(name)) return E.left(failed(`not a snapshot name: ${JSON.stringify(name)}`))
      try {
        const bytes = await readFile(this.fileOf(name))
        return E.right(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength))
      } catch (err) {
        const e = err as NodeJS.ErrnoException
        return e.code === 'ENOENT' ? E.right(null) : E.left(failed(`cannot read ${this.fileOf(name)}: ${e.message}`))
      }
    }
  }

  /**
   * Replaces the envelope of `name` atomically: written to a temporary file in the same folder,
   * flushed to disk, then renamed over the old one, so a reader sees the old snapshot or the new
   * one, never a part; a failed write leaves the old one and no temporary file.
   */
  save(name: string, envelope: Uint8Array): TE.TaskEither<SnapshotStoreFailed, void> {
    return async () => {
      if (!NAME.test(name)) return E.left(failed(`not a snapshot name: ${JSON.stringify(name)}`))
      const target = this.fileOf(name)
      const temporary = `${target}.${process.pid}.tmp`
      try {
        await mkdir(this.folder, { recursive: true })
        const file = await open(temporary, 'w')
        try {
          await file.writeFile(envelope)
          await file.sync()
        } finally {
          await file.close()
        }
        await rename(temporary, target)
        return E.right(undefined)
      } catch (err) {
        await rm(temporary, { force: true }).catch(() => undefined)
        return E.left(failed(`cannot write ${target}: ${(err as Error).message}`))
      }
    }
  }
}
