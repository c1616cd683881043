/**
 * Secrets never printed: the one redaction every message naming a store goes through, and the
 * secrets a store URL carries, which `main` scrubs from every line it writes to stderr (a driver's
 * error text included).
 *
 * A URL of a known scheme that the WHATWG URL parser (`new URL`, what `pg-connection-string`
 * reads a connection string with) splits cleanly is printed with its password as `***` and every
 * secret query parameter (`password=`, `sslpassword=`, `sslkey=`, `token=`, …) as `***`. A URL the
 * parser does not split cleanly — a password holding `/`, `?` or `#`, so the parser ends the
 * host early and leaves an `@` in the path — or a scheme ansinh does not know (`postgress://`) is
 * printed as its scheme and host only. Anything else holding `@` or `password` is hidden whole.
 *
 * @module redact
 */

/** The schemes of store URLs whose other parts (user, database, options) are worth printing. */
const KNOWN = new Set(['postgres:', 'postgresql:', 'esdb:', 'esdb+discover:'])

/** Query parameters whose value is a secret (libpq's and the drivers' names, any case). */
const SECRET_PARAM = /^(password|pass|passwd|pwd|sslpassword|sslkey|secret|token|access[-_]?token|api[-_]?key|auth)$/i

const HIDDEN = '***'

const decode = (text: string): string => {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '))
  } catch {
    return text
  }
}

/** The `?…` part with each secret parameter's value hidden; the others kept as written. */
const redactQuery = (search: string): string =>
  search === '' || search === '?'
    ? search
    : '?' +
      search
        .slice(1)
        .split('&')
        .map((pair) => {
          const eq = pair.indexOf('=')
          const key = eq < 0 ? pair : pair.slice(0, eq)
          return SECRET_PARAM.test(decode(key)) ? `${key}=${HIDDEN}` : pair
        })
        .join('&')

interface Split {
  readonly scheme: string
  /** The text between `://` and the last `@`, or null when there is no `@`. */
  readonly userinfo: string | null
  /** The host (and port), up to the first `/`, `?` or `#` after the user-info. */
  readonly host: string
  /** Whether anything follows the host. */
  readonly more: boolean
}

/** Splits `scheme://…` on the last `@`, so a password holding any character stays in the user-info. */
const split = (text: string): Split | null => {
  const m = /^([A-Za-z][A-Za-z0-9+.-]*:)\/\/(.*)$/s.exec(text)
  if (m === null) return null
  const rest = m[2]!
  const at = rest.lastIndexOf('@')
  const after = at < 0 ? rest : rest.slice(at + 1)
  const end = after.search(/[/?#]/)
  return {
    scheme: m[1]!.toLowerCase(),
    userinfo: at < 0 ? null : rest.slice(0, at),
    host: end < 0 ? after : after.slice(0, end),
    more: end >= 0,
  }
}

/** A URL parsed by `new URL` whose authority is exactly the one {@link split} finds, else null. */
const cleanParse = (text: string, parts: Split): URL | null => {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return null
  }
  const tail = url.pathname + url.search + url.hash
  if (tail.includes('@') || /%40/i.test(tail)) return null
  if (url.host.toLowerCase() !== parts.host.toLowerCase()) return null
  return url
}

/**
 * A store URL as it may be printed: no password, no secret parameter.
 *
 * @example redactUrl('postgres://ansinh:p@ss/w0rd@db:5432/ansinh') // 'postgres://***@db:5432/…'
 * @example redactUrl('postgres://u:pw@db/ansinh?password=x&sslmode=require') // 'postgres://u:***@db/ansinh?password=***&sslmode=require'
 */
export const redactUrl = (text: string): string => {
  if (text === 'memory:' || text.startsWith('pglite:')) return text
  const parts = split(text)
  if (parts === null) {
    if (!/[@]|pass|secret|token|key/i.test(text)) return text
    const scheme = /^([A-Za-z][A-Za-z0-9+.-]*:)/.exec(text)
    return scheme === null ? '(a store URL, hidden: it holds a secret and does not parse)' : `${scheme[1]}${HIDDEN}`
  }
  const url = KNOWN.has(parts.scheme) ? cleanParse(text, parts) : null
  if (url === null)
    return `${parts.scheme}//${parts.userinfo === null ? '' : `${HIDDEN}@`}${parts.host}${parts.more ? '/…' : ''}`
  const user = url.username
  const userinfo =
    user === '' && url.password === ''
      ? parts.userinfo === null
        ? ''
        : '@'
      : `${user}${url.password === '' ? '' : `:${HIDDEN}`}@`
  return `${url.protocol}//${userinfo}${url.host}${url.pathname}${redactQuery(url.search)}`
}

/**
 * The secrets a store URL carries, as they may show up in a message: the password and the secret
 * parameters' values, as written and decoded (none shorter than 3 characters, which would hide
 * ordinary text rather than a secret).
 */
export const secretsOf = (text: string): string[] => {
  const found = new Set<string>()
  const add = (s: string): void => {
    for (const v of [s, decode(s)]) if (v.length >= 3) found.add(v)
  }
  // `scheme://userinfo@…`, or a mistyped `scheme:userinfo@…` without the slashes
  const userinfo = split(text)?.userinfo ?? /^[A-Za-z][A-Za-z0-9+.-]*:(?!\/\/)(.*)@/s.exec(text)?.[1] ?? null
  if (userinfo !== null) {
    const colon = userinfo.indexOf(':')
    if (colon >= 0) add(userinfo.slice(colon + 1))
  }
  const query = text.indexOf('?')
  if (query >= 0) {
    for (const pair of text.slice(query + 1).split(/[&#]/)) {
      const eq = pair.indexOf('=')
      if (eq > 0 && SECRET_PARAM.test(decode(pair.slice(0, eq)))) add(pair.slice(eq + 1))
    }
  }
  for (const m of text.matchAll(/\bpassword\s*=\s*([^\s&]+)/gi)) add(m[1]!)
  // longest first, so a secret that contains another is hidden whole
  return [...found].sort((a, b) => b.length - a.length)
}

/** `line` with every one of `secrets` replaced by `***`. */
export const scrub = (line: string, secrets: readonly string[]): string => {
  let out = line
  for (const s of secrets) if (out.includes(s)) out = out.split(s).join(HIDDEN)
  return out
}
