/**
 * Loads the consumer's RSA private key once, from a PEM (PKCS#8 or PKCS#1) file or string.
 * Messages name the setting and never echo key material.
 */
import { createPrivateKey, type KeyObject } from 'node:crypto'
import { readFileSync, statSync } from 'node:fs'

export class PrivateKeyError extends Error {
  override name = 'PrivateKeyError'
}

export function loadPrivateKey(source: { file?: string; pem?: string }): KeyObject {
  let pem: string
  let setting: string
  if (source.file) {
    setting = 'JIRA_PRIVATE_KEY_FILE'
    let mode: number
    try {
      mode = statSync(source.file).mode
      pem = readFileSync(source.file, 'utf8')
    } catch (error) {
      throw new PrivateKeyError(`${setting}: cannot read ${source.file} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
    }
    // Like ssh, refuse a key that other users could read: it signs as every person who authorized.
    if (process.platform !== 'win32' && (mode & 0o077) !== 0) {
      throw new PrivateKeyError(
        `${setting}: ${source.file} is readable by other users (mode ${(mode & 0o777).toString(8)}); run: chmod 600 ${source.file}`,
      )
    }
  } else if (source.pem) {
    setting = 'JIRA_PRIVATE_KEY'
    // Environment variables often carry a PEM with literal "\n" sequences.
    pem = source.pem.includes('\\n') ? source.pem.replace(/\\n/g, '\n') : source.pem
  } else {
    throw new PrivateKeyError('JIRA_PRIVATE_KEY_FILE: no private key configured')
  }

  let key: KeyObject
  try {
    key = createPrivateKey({ key: pem, format: 'pem' })
  } catch {
    throw new PrivateKeyError(`${setting}: not a readable PEM private key (expected "BEGIN PRIVATE KEY" or "BEGIN RSA PRIVATE KEY", unencrypted)`)
  }
  if (key.asymmetricKeyType !== 'rsa') {
    throw new PrivateKeyError(`${setting}: JIRA signs with RSA-SHA1, but this is a ${key.asymmetricKeyType} key`)
  }
  return key
}
