/**
 * Reads a file (or any byte stream, e.g. stdin) line by line without holding it whole as one
 * string (histories can be large). Decoding is strict: a line that is not UTF-8 reaches the sink as
 * an unreadable line with its problem, never as text with U+FFFD in it.
 *
 * @module lines
 */
import { createReadStream } from 'node:fs'
import { type LineSink, LineSplitter } from '@ansinh/core'

/** Feeds every line of a byte stream to `sink`, in order, e.g. `readLines(process.stdin, decoder)`. */
// Bytes, not strings: a stream with an encoding set has already replaced what is not UTF-8.
export const readLines = async (chunks: AsyncIterable<Uint8Array>, sink: LineSink): Promise<void> => {
  const splitter = new LineSplitter(sink)
  for await (const chunk of chunks) splitter.write(chunk)
  splitter.end()
}

/** Feeds every line of `file` to `sink`, in order. */
export const forEachLine = async (file: string, sink: LineSink): Promise<void> =>
  readLines(createReadStream(file, { highWaterMark: 1 << 20 }), sink)
