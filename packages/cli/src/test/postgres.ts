/**
 * A fresh database in the test run's PostgreSQL server (started by the vitest globalSetup), or
 * the reason there is none.
 */
import pg from 'pg'

/** Why PostgreSQL tests cannot run here, or null. */
export const whyNoPostgres = (): string | null =>
  process.env['ANSINH_TEST_PG_URL']
    ? null
    : (process.env['ANSINH_TEST_PG_SKIP'] ?? 'no PostgreSQL server was started for this run')

/** Creates an empty database and returns its URL. */
export const freshDatabase = async (name: string): Promise<string> => {
  const url = process.env['ANSINH_TEST_PG_URL']!
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  const db = `${name}_${process.pid}_${Date.now()}`
  try {
    await admin.query(`CREATE DATABASE ${db}`)
  } finally {
    await admin.end()
  }
  const u = new URL(url)
  u.pathname = `/${db}`
  return u.toString()
}
