/**
 * Reads a file line by line without holding it whole as one string (histories can be large).
 *
 * @module lines
 */
import { createReadStream } from 'node:fs'
import { StringDecoder } from 'node:string_decoder'

/** Calls `onLine` with every line of `file` (or of a stream, e.g. stdin) without `\n` / `\r\n`, in order. */
export const forEachLine = async (file: string | NodeJS.ReadableStream, onLine: (line: string) => void): Promise<void> => {
  const decoder = new StringDecoder('utf8')
  let rest = ''
  for await (const chunk of typeof file === 'string' ? createReadStream(file, { highWaterMark: 1 << 20 }) : file) {
    const text = rest + decoder.write(chunk as Buffer)
    let start = 0
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      const end = nl > start && text.charCodeAt(nl - 1) === 13 ? nl - 1 : nl
      onLine(text.slice(start, end))
      start = nl + 1
    }
    rest = text.slice(start)
  }
  rest += decoder.end()
  if (rest !== '') onLine(rest.endsWith('\r') ? rest.slice(0, -1) : rest)
}
