// The RSA key pair the gateway signs with and the sandbox verifies with, kept on disk so that a
// restarted sandbox still accepts the gateway's signatures.
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes } from 'node:crypto'
import { chmod, link, mkdir, readFile, rename, unlink, writeFile } from 'node:fs/promises'
import { join, resolve } from 'node:path'

export interface SandboxKeyPair {
  privateKeyPem: string
  publicKeyPem: string
  /** absolute path of consumer-private.pem */
  privateKeyFile: string
}

const PRIVATE_FILE = 'consumer-private.pem'
const PUBLIC_FILE = 'consumer-public.pem'

/**
 * Creates `dir` and an RSA-2048 pair in it when missing (consumer-private.pem PKCS#8, mode 0600;
 * consumer-public.pem SPKI), else reads them. Safe when several processes (parallel test workers)
 * call it at once: the private key is published with link(), which fails if another process won,
 * and the public key is always derived from whichever private key is on disk.
 */
export async function ensureSandboxKeyPair(dir: string): Promise<SandboxKeyPair> {
  const directory = resolve(dir)
  await mkdir(directory, { recursive: true })
  const privateKeyFile = join(directory, PRIVATE_FILE)
  const publicKeyFile = join(directory, PUBLIC_FILE)

  let privateKeyPem = await readIfExists(privateKeyFile)
  if (privateKeyPem === null) {
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }) as string
    const temp = `${privateKeyFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    await writeFile(temp, pem, { mode: 0o600 })
    await chmod(temp, 0o600) // in case the umask narrowed the mode differently
    try {
      await link(temp, privateKeyFile)
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
    } finally {
      await unlink(temp)
    }
    privateKeyPem = await readFile(privateKeyFile, 'utf8')
  }

  const publicKeyPem = createPublicKey(createPrivateKey(privateKeyPem)).export({ type: 'spki', format: 'pem' }) as string
  if ((await readIfExists(publicKeyFile)) !== publicKeyPem) {
    const temp = `${publicKeyFile}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`
    await writeFile(temp, publicKeyPem, { mode: 0o644 })
    await rename(temp, publicKeyFile)
  }
  return { privateKeyPem, publicKeyPem, privateKeyFile }
}

async function readIfExists(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null
    throw error
  }
}
