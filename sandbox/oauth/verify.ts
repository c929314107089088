// RSA-SHA1 signature verification (RFC 5849 section 3.4.3): RSASSA-PKCS1-v1_5 with SHA-1 over the
// base string, the signature base64-encoded in oauth_signature.
import { createPublicKey, verify, type KeyObject } from 'node:crypto'

export function verifyRsaSha1(baseString: string, signatureBase64: string, publicKey: KeyObject | string): boolean {
  // Buffer.from(…, 'base64') silently skips junk; insist on real base64 so garbage is never "decoded".
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signatureBase64)) return false
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey
  try {
    return verify('RSA-SHA1', Buffer.from(baseString, 'utf8'), key, Buffer.from(signatureBase64, 'base64'))
  } catch {
    // e.g. a signature of the wrong length for the key
    return false
  }
}
