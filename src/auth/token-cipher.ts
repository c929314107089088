/**
 * Optional encryption at rest of the JIRA access tokens and secrets (AES-256-GCM, a fresh 96-bit
 * IV per value, the GCM tag checked on every read). With TOKEN_ENCRYPTION_KEY unset, tokens are
 * stored as JIRA issued them. A value written encrypted is marked "v1:" so a missing or wrong key
 * is reported instead of sending garbage to JIRA.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto'

const PREFIX = 'v1:'

export class TokenCipherError extends Error {
  override name = 'TokenCipherError'
}

export class TokenCipher {
  constructor(private readonly key: Buffer | undefined) {
    if (key && key.length !== 32) throw new TokenCipherError('TOKEN_ENCRYPTION_KEY must be 32 bytes (64 hex characters or 44 base64 characters)')
  }

  /** Parses TOKEN_ENCRYPTION_KEY: 64 hex characters or base64 of 32 bytes. */
  static fromSetting(value: string | undefined): TokenCipher {
    if (!value) return new TokenCipher(undefined)
    const key = /^[0-9a-fA-F]{64}$/.test(value) ? Buffer.from(value, 'hex') : Buffer.from(value, 'base64')
    return new TokenCipher(key)
  }

  get enabled(): boolean {
    return this.key !== undefined
  }

  seal(plaintext: string): string {
    if (!this.key) return plaintext
    const iv = randomBytes(12)
    const cipher = createCipheriv('aes-256-gcm', this.key, iv)
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()])
    return PREFIX + Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')
  }

  open(stored: string): string {
    if (!stored.startsWith(PREFIX)) return stored
    if (!this.key) throw new TokenCipherError('JIRA tokens in the database are encrypted: set TOKEN_ENCRYPTION_KEY to the key they were written with')
    const raw = Buffer.from(stored.slice(PREFIX.length), 'base64')
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12))
      decipher.setAuthTag(raw.subarray(12, 28))
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8')
    } catch {
      throw new TokenCipherError('A stored JIRA token cannot be decrypted: TOKEN_ENCRYPTION_KEY is not the key it was written with')
    }
  }
}
