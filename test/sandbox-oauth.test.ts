// The sandbox's independent OAuth 1.0a verification (RFC 5849 section 3.4.1): published vectors and
// the base-string edge cases the vectors do not cover.
import { createHmac, createPrivateKey, createPublicKey } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { baseStringUri, normalizeParameters, signatureBaseString } from '../sandbox/oauth/base-string.ts'
import { formDecode, percentEncode } from '../sandbox/oauth/encoding.ts'
import { parseAuthorizationHeader } from '../sandbox/oauth/header.ts'
import { verifyRsaSha1 } from '../sandbox/oauth/verify.ts'

// oauth.net test cases, RSA-SHA1 (section 9.3): a published test key, never a real one.
const OAUTH_NET_PRIVATE_KEY = `-----BEGIN PRIVATE KEY-----
MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBALRiMLAh9iimur8V
A7qVvdqxevEuUkW4K+2KdMXmnQbG9Aa7k7eBjK1S+0LYmVjPKlJGNXHDGuy5Fw/d
7rjVJ0BLB+ubPK8iA/Tw3hLQgXMRRGRXXCn8ikfuQfjUS1uZSatdLB81mydBETlJ
hI6GH4twrbDJCR2Bwy/XWXgqgGRzAgMBAAECgYBYWVtleUzavkbrPjy0T5FMou8H
X9u2AC2ry8vD/l7cqedtwMPp9k7TubgNFo+NGvKsl2ynyprOZR1xjQ7WgrgVB+mm
uScOM/5HVceFuGRDhYTCObE+y1kxRloNYXnx3ei1zbeYLPCHdhxRYW7T0qcynNmw
rn05/KO2RLjgQNalsQJBANeA3Q4Nugqy4QBUCEC09SqylT2K9FrrItqL2QKc9v0Z
zO2uwllCbg0dwpVuYPYXYvikNHHg+aCWF+VXsb9rpPsCQQDWR9TT4ORdzoj+Nccn
qkMsDmzt0EfNaAOwHOmVJ2RVBspPcxt5iN4HI7HNeG6U5YsFBb+/GZbgfBT3kpNG
WPTpAkBI+gFhjfJvRw38n3g/+UeAkwMI2TJQS4n8+hid0uus3/zOjDySH3XHCUno
cn1xOJAyZODBo47E+67R4jV1/gzbAkEAklJaspRPXP877NssM5nAZMU0/O/NGCZ+
3jPgDUno6WbJn5cqm8MqWhW1xGkImgRk+fkDBquiq4gPiT898jusgQJAd5Zrr6Q8
AO/0isr/3aa6O6NLQxISLKcPDk2NOccAfS/xOtfOz4sJYM3+Bs4Io9+dZGSDCA54
Lw03eHTNQghS0A==
-----END PRIVATE KEY-----`

const OAUTH_NET_SIGNATURE =
  'jvTp/wX1TYtByB1m+Pbyo0lnCOLIsyGCH7wke8AUs3BpnwZJtAuEJkvQL2/9n4s5wUmUl4aCI4BwpraNx4RtEXMe5qg5T1LVTGliMRpKasKsW//e+RinhejgCuzoH26dyF8iY2ZZ/5D1ilgeijhV/vBka5twt399mXwaYdCwFYE='

const OAUTH_NET_BASE_STRING =
  'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacaction.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3D13917289812797014437%26oauth_signature_method%3DRSA-SHA1%26oauth_timestamp%3D1196666512%26oauth_version%3D1.0%26size%3Doriginal'

const RFC_BASE_STRING =
  'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7'

/** base string of a GET with no header parameters: isolates the query handling */
function queryOnly(url: string): string {
  return signatureBaseString({ method: 'get', url, headerParams: [] })
}

describe('published vectors', () => {
  it('RFC 5849 3.4.1.1: the raw request (folded header, form body) gives the published base string byte for byte', () => {
    // The header exactly as printed in the RFC, line folding included.
    const authorization = [
      'OAuth realm="Example",',
      '               oauth_consumer_key="9djdj82h48djs9d2",',
      '               oauth_token="kkk9d7dh3k39sjv7",',
      '               oauth_signature_method="HMAC-SHA1",',
      '               oauth_timestamp="137131201",',
      '               oauth_nonce="7d8f3e4a",',
      '               oauth_signature="bYT5CMsGcbgUdFHObYMEfcx6bsw%3D"',
    ].join('\r\n')
    const header = parseAuthorizationHeader(authorization)
    expect(header?.params).toEqual([
      ['realm', 'Example'],
      ['oauth_consumer_key', '9djdj82h48djs9d2'],
      ['oauth_token', 'kkk9d7dh3k39sjv7'],
      ['oauth_signature_method', 'HMAC-SHA1'],
      ['oauth_timestamp', '137131201'],
      ['oauth_nonce', '7d8f3e4a'],
      ['oauth_signature', 'bYT5CMsGcbgUdFHObYMEfcx6bsw='],
    ])
    const base = signatureBaseString({
      method: 'POST',
      url: 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b',
      headerParams: header!.params,
      formBody: 'c2&a3=2+q',
    })
    expect(base).toBe(RFC_BASE_STRING)
    // and the errata 2550 HMAC over it, which proves the string is the one the RFC signs
    expect(createHmac('sha1', 'j49sk3j29djd&dh893hdasih9').update(base).digest('base64')).toBe('r6/TJjbCOr97/+UU0NsvSne7s5g=')
  })

  it('oauth.net 9.3 RSA-SHA1: the base string matches byte for byte', () => {
    const base = signatureBaseString({
      method: 'GET',
      url: 'http://photos.example.net/photos?file=vacaction.jpg&size=original',
      headerParams: [
        ['oauth_consumer_key', 'dpf43f3p2l4k3l03'],
        ['oauth_nonce', '13917289812797014437'],
        ['oauth_signature_method', 'RSA-SHA1'],
        ['oauth_timestamp', '1196666512'],
        ['oauth_version', '1.0'],
        ['oauth_signature', OAUTH_NET_SIGNATURE],
      ],
    })
    expect(base).toBe(OAUTH_NET_BASE_STRING)
  })

  it('oauth.net 9.3 RSA-SHA1: the published signature verifies with the public key of the published private key', () => {
    const publicKey = createPublicKey(createPrivateKey(OAUTH_NET_PRIVATE_KEY))
    expect(verifyRsaSha1(OAUTH_NET_BASE_STRING, OAUTH_NET_SIGNATURE, publicKey)).toBe(true)
    // the PEM form of the same public key works too
    const pem = publicKey.export({ type: 'spki', format: 'pem' }) as string
    expect(verifyRsaSha1(OAUTH_NET_BASE_STRING, OAUTH_NET_SIGNATURE, pem)).toBe(true)
  })

  it('a tampered signature or base string fails', () => {
    const publicKey = createPublicKey(OAUTH_NET_PRIVATE_KEY)
    const flipped = (OAUTH_NET_SIGNATURE[0] === 'j' ? 'k' : 'j') + OAUTH_NET_SIGNATURE.slice(1)
    expect(verifyRsaSha1(OAUTH_NET_BASE_STRING, flipped, publicKey)).toBe(false)
    expect(verifyRsaSha1(OAUTH_NET_BASE_STRING.replace('original', 'originaL'), OAUTH_NET_SIGNATURE, publicKey)).toBe(false)
    expect(verifyRsaSha1(OAUTH_NET_BASE_STRING, '', publicKey)).toBe(false)
    expect(verifyRsaSha1(OAUTH_NET_BASE_STRING, 'not base64 at all!', publicKey)).toBe(false)
    expect(verifyRsaSha1(OAUTH_NET_BASE_STRING, 'AAAA', publicKey)).toBe(false)
  })
})

describe('percent-encoding (RFC 5849 3.6)', () => {
  it('keeps only the unreserved set and uses uppercase hex over UTF-8 bytes', () => {
    expect(percentEncode('AZaz09-._~')).toBe('AZaz09-._~')
    expect(percentEncode("!*'() +/=&%")).toBe('%21%2A%27%28%29%20%2B%2F%3D%26%25')
    expect(percentEncode('ü☃')).toBe('%C3%BC%E2%98%83')
    expect(percentEncode('🦄')).toBe('%F0%9F%A6%84')
  })

  it('form decoding: + is a space, %2B is a plus, %XX is UTF-8', () => {
    expect(formDecode('a+b%2Bc')).toBe('a b+c')
    expect(formDecode('%C3%BC')).toBe('ü')
    // malformed sequences survive rather than failing the request
    expect(formDecode('100%+sure%E2%98%83')).toBe('100% sure☃')
  })
})

describe('base string URI (RFC 5849 3.4.1.2)', () => {
  it('drops the default port only', () => {
    expect(baseStringUri('http://example.com:80/r')).toBe('http://example.com/r')
    expect(baseStringUri('https://example.com:443/r')).toBe('https://example.com/r')
    expect(baseStringUri('http://example.com:443/r')).toBe('http://example.com:443/r')
    expect(baseStringUri('https://example.com:80/r')).toBe('https://example.com:80/r')
    expect(baseStringUri('http://127.0.0.1:8090/jira/r')).toBe('http://127.0.0.1:8090/jira/r')
  })

  it('lowercases scheme and host, keeps the path as sent', () => {
    expect(baseStringUri('HTTP://EXAMPLE.COM:8080/Jira/REST')).toBe('http://example.com:8080/Jira/REST')
    expect(baseStringUri('http://Example.com/a%2Fb/c%20d')).toBe('http://example.com/a%2Fb/c%20d')
  })

  it('has no query or fragment, and an empty path is /', () => {
    expect(baseStringUri('http://example.com?x=1#frag')).toBe('http://example.com/')
    expect(baseStringUri('http://example.com/p?x=1#frag')).toBe('http://example.com/p')
    expect(baseStringUri('http://[::1]:80/p')).toBe('http://[::1]/p')
    expect(baseStringUri('http://[::1]:8080/p')).toBe('http://[::1]:8080/p')
  })
})

describe('parameters (RFC 5849 3.4.1.3)', () => {
  it('+ in the query is a space, %2B is a plus', () => {
    expect(queryOnly('http://h/p?a=b+c')).toBe('GET&http%3A%2F%2Fh%2Fp&a%3Db%2520c')
    expect(queryOnly('http://h/p?a=b%2Bc')).toBe('GET&http%3A%2F%2Fh%2Fp&a%3Db%252Bc')
  })

  it('keeps repeated names, sorted by value in byte order', () => {
    expect(normalizeParameters([['a', '2'], ['a', '1'], ['a', '10'], ['B', 'x'], ['a', '']])).toBe('B=x&a=&a=1&a=10&a=2')
  })

  it('keeps the = of empty values, with or without = in the request', () => {
    expect(queryOnly('http://h/p?b=&a')).toBe('GET&http%3A%2F%2Fh%2Fp&a%3D%26b%3D')
  })

  it('encodes unicode names and values over their UTF-8 bytes', () => {
    // %C3%A9 (é) sorts before q: names are compared encoded
    expect(queryOnly('http://h/p?q=%C3%BC%E2%98%83&%C3%A9=1')).toBe('GET&http%3A%2F%2Fh%2Fp&%25C3%25A9%3D1%26q%3D%25C3%25BC%25E2%2598%2583')
    // raw UTF-8 in the URL means the same
    expect(queryOnly('http://h/p?q=ü☃&é=1')).toBe(queryOnly('http://h/p?q=%C3%BC%E2%98%83&%C3%A9=1'))
  })

  it('sorts by encoded name, so that encoding decides the order', () => {
    // '%' (0x25) sorts before digits and letters
    expect(normalizeParameters([['a', '1'], ['!', '1'], ['Z', '1'], ['~', '1']])).toBe('%21=1&Z=1&a=1&~=1')
  })

  it('leaves out realm, oauth_signature from anywhere, and non-oauth header parameters', () => {
    const base = signatureBaseString({
      method: 'GET',
      url: 'http://h/p?oauth_signature=fromquery&x=1',
      headerParams: [['realm', 'R'], ['foo', 'bar'], ['oauth_signature', 'sig'], ['oauth_nonce', 'n']],
    })
    expect(base).toBe('GET&http%3A%2F%2Fh%2Fp&oauth_nonce%3Dn%26x%3D1')
  })

  it('signs a form body only when one is given (the caller passes it for form content only)', () => {
    const withBody = signatureBaseString({ method: 'POST', url: 'http://h/p', headerParams: [], formBody: 'b=1+2&a=%2B' })
    expect(withBody).toBe('POST&http%3A%2F%2Fh%2Fp&a%3D%252B%26b%3D1%25202')
    expect(signatureBaseString({ method: 'POST', url: 'http://h/p', headerParams: [] })).toBe('POST&http%3A%2F%2Fh%2Fp&')
  })

  it('uppercases the method', () => {
    expect(signatureBaseString({ method: 'post', url: 'http://h/', headerParams: [] })).toBe('POST&http%3A%2F%2Fh%2F&')
  })
})

describe('Authorization header parsing', () => {
  it('percent-decodes values (without form rules) and tolerates spacing and unquoted values', () => {
    expect(parseAuthorizationHeader('oauth   oauth_callback="http%3A%2F%2Fx%2Fcb%3Fa%3D1",oauth_nonce=abc ,  oauth_x="a+b"')?.params).toEqual([
      ['oauth_callback', 'http://x/cb?a=1'],
      ['oauth_nonce', 'abc'],
      ['oauth_x', 'a+b'],
    ])
  })

  it('keeps empty values and handles line folding', () => {
    expect(parseAuthorizationHeader('OAuth oauth_token="",\n\toauth_verifier="abc"')?.params).toEqual([
      ['oauth_token', ''],
      ['oauth_verifier', 'abc'],
    ])
  })

  it('is null for other schemes or no header', () => {
    expect(parseAuthorizationHeader('Basic YWRtaW46YWRtaW4=')).toBeNull()
    expect(parseAuthorizationHeader('OAuthx a="b"')).toBeNull()
    expect(parseAuthorizationHeader(undefined)).toBeNull()
    expect(parseAuthorizationHeader('OAuth')?.params).toEqual([])
  })
})
