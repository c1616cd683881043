/**
 * Store URLs carrying a secret in each form the issue found echoed, for the redaction tests.
 */

/** Each form of the issue, what may be printed of it, and the secret that must never show. */
export const SECRET_FORMS: readonly { readonly url: string; readonly printed: string; readonly secret: string }[] = [
  {
    url: 'postgres://ansinh:Secr3tPW@db.example:5432/ansinh',
    printed: 'postgres://ansinh:***@db.example:5432/ansinh',
    secret: 'Secr3tPW',
  },
  { url: 'postgres://:Secr3tPW@db.example/ansinh', printed: 'postgres://:***@db.example/ansinh', secret: 'Secr3tPW' },
  {
    url: 'postgres://ansinh:Se@cr3t@PW@db.example/ansinh',
    printed: 'postgres://ansinh:***@db.example/ansinh',
    secret: 'Se@cr3t@PW',
  },
  {
    url: 'postgres://ansinh:Se/cr3t/PW@db.example/ansinh',
    printed: 'postgres://***@db.example/…',
    secret: 'Se/cr3t/PW',
  },
  {
    url: 'postgres://ansinh:1234/Secr3t@db.example/ansinh',
    printed: 'postgres://***@db.example/…',
    secret: '1234/Secr3t',
  },
  { url: 'postgres://ansinh:Se?cr#3t@db.example/ansinh', printed: 'postgres://***@db.example/…', secret: 'Se?cr#3t' },
  {
    url: 'postgres://ansinh:Se%40cr%2F3t@db.example/ansinh',
    printed: 'postgres://ansinh:***@db.example/ansinh',
    secret: 'Se@cr/3t',
  },
  {
    url: 'postgresql://db.example/ansinh?user=postgres&password=Secr3tPW&sslmode=require',
    printed: 'postgresql://db.example/ansinh?user=postgres&password=***&sslmode=require',
    secret: 'Secr3tPW',
  },
  {
    url: 'postgres://db.example/ansinh?sslpassword=Secr3tPW',
    printed: 'postgres://db.example/ansinh?sslpassword=***',
    secret: 'Secr3tPW',
  },
  { url: 'postgress://ansinh:Secr3tPW@db.example/ansinh', printed: 'postgress://***@db.example/…', secret: 'Secr3tPW' },
  { url: 'postgres:ansinh:Secr3tPW@db.example', printed: 'postgres:***', secret: 'Secr3tPW' },
  {
    url: 'host=db.example password=Secr3tPW',
    printed: '(a store URL, hidden: it holds a secret and does not parse)',
    secret: 'Secr3tPW',
  },
  {
    url: 'esdb://admin:Secr3tPW@localhost:2113?tls=false',
    printed: 'esdb://admin:***@localhost:2113?tls=false',
    secret: 'Secr3tPW',
  },
]
