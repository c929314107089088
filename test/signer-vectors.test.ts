// The client signer against the published vectors (../shared/reference/oauth-test-vectors.md).
import { createHmac, createPrivateKey } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { OAuthSigner, baseStringUri, signatureBaseString } from '../src/auth/signer.ts'

const testKey = createPrivateKey(readFileSync(new URL('./fixtures/oauth-net-test-key.pem', import.meta.url)))

describe('RFC 5849 section 3.4.1.1 example', () => {
  const request = {
    method: 'POST',
    url: 'http://example.com/request?b5=%3D%253D&a3=a&c%40=&a2=r%20b',
    form: [...new URLSearchParams('c2&a3=2+q')] as Array<[string, string]>,
  }
  const oauth = {
    realm: 'Example',
    oauth_consumer_key: '9djdj82h48djs9d2',
    oauth_token: 'kkk9d7dh3k39sjv7',
    oauth_signature_method: 'HMAC-SHA1',
    oauth_timestamp: '137131201',
    oauth_nonce: '7d8f3e4a',
    oauth_signature: 'bYT5CMsGcbgUdFHObYMEfcx6bsw%3D',
  }
  const expected =
    'POST&http%3A%2F%2Fexample.com%2Frequest&a2%3Dr%2520b%26a3%3D2%2520q%26a3%3Da%26b5%3D%253D%25253D%26c%2540%3D%26c2%3D%26oauth_consumer_key%3D9djdj82h48djs9d2%26oauth_nonce%3D7d8f3e4a%26oauth_signature_method%3DHMAC-SHA1%26oauth_timestamp%3D137131201%26oauth_token%3Dkkk9d7dh3k39sjv7'

  it('builds the base string byte for byte (realm and signature left out, + in a form body is a space)', () => {
    expect(signatureBaseString(request, oauth)).toBe(expected)
  })

  it('gives the errata 2550 HMAC-SHA1 signature over it', () => {
    const hmac = createHmac('sha1', 'j49sk3j29djd&dh893hdasih9').update(signatureBaseString(request, oauth)).digest('base64')
    expect(hmac).toBe('r6/TJjbCOr97/+UU0NsvSne7s5g=')
  })
})

describe('oauth.net RSA-SHA1 test case (section 9.3)', () => {
  const signer = new OAuthSigner({
    consumerKey: 'dpf43f3p2l4k3l03',
    privateKey: testKey,
    nonce: () => '13917289812797014437',
    timestamp: () => 1196666512,
  })
  const request = { method: 'GET', url: 'http://photos.example.net/photos?file=vacaction.jpg&size=original' }

  it('builds the published base string', () => {
    const params = signer.sign(request)
    expect(signatureBaseString(request, params)).toBe(
      'GET&http%3A%2F%2Fphotos.example.net%2Fphotos&file%3Dvacaction.jpg%26oauth_consumer_key%3Ddpf43f3p2l4k3l03%26oauth_nonce%3D13917289812797014437%26oauth_signature_method%3DRSA-SHA1%26oauth_timestamp%3D1196666512%26oauth_version%3D1.0%26size%3Doriginal',
    )
  })

  it('produces the published signature', () => {
    expect(signer.sign(request).oauth_signature).toBe(
      'jvTp/wX1TYtByB1m+Pbyo0lnCOLIsyGCH7wke8AUs3BpnwZJtAuEJkvQL2/9n4s5wUmUl4aCI4BwpraNx4RtEXMe5qg5T1LVTGliMRpKasKsW//e+RinhejgCuzoH26dyF8iY2ZZ/5D1ilgeijhV/vBka5twt399mXwaYdCwFYE=',
    )
  })

  it('puts the signature, percent-encoded, into the Authorization header', () => {
    const header = signer.authorizationHeader(request)
    expect(header).toMatch(/^OAuth /)
    expect(header).toContain('oauth_signature="jvTp%2FwX1TYtByB1m%2BPbyo0lnCOLIsyGCH7wke8AUs3BpnwZJ')
    expect(header).toContain('oauth_consumer_key="dpf43f3p2l4k3l03"')
  })
})

describe('where oauth-1.0a is loose, the signer follows RFC 5849 section 3.4.1', () => {
  const params = { oauth_consumer_key: 'k', oauth_nonce: 'n', oauth_signature_method: 'RSA-SHA1', oauth_timestamp: '1', oauth_version: '1.0' }
  const oauthPart = 'oauth_consumer_key%3Dk%26oauth_nonce%3Dn%26oauth_signature_method%3DRSA-SHA1%26oauth_timestamp%3D1%26oauth_version%3D1.0'

  it('lowercases scheme and host and drops default ports and fragments', () => {
    expect(baseStringUri('HTTP://Jira.Example.COM:80/jira/rest#frag')).toBe('http://jira.example.com/jira/rest')
    expect(baseStringUri('https://jira.example.com:443/a')).toBe('https://jira.example.com/a')
    expect(baseStringUri('https://jira.example.com:8443/a')).toBe('https://jira.example.com:8443/a')
  })

  it('reads + in a query as a space and %2B as a plus', () => {
    const base = signatureBaseString({ method: 'get', url: 'http://h/p?q=a+b&r=a%2Bb' }, params)
    expect(base).toBe(`GET&http%3A%2F%2Fh%2Fp&${oauthPart}%26q%3Da%2520b%26r%3Da%252Bb`)
  })

  it('keeps values that contain "=" and repeated names, sorted by value', () => {
    const base = signatureBaseString({ method: 'GET', url: 'http://h/p?jql=a%3Db&z=2&z=10&z=1' }, params)
    expect(base).toBe(`GET&http%3A%2F%2Fh%2Fp&jql%3Da%253Db%26${oauthPart}%26z%3D1%26z%3D10%26z%3D2`)
  })

  it('keeps a query parameter and a form field of the same name', () => {
    const base = signatureBaseString({ method: 'POST', url: 'http://h/p?a=1', form: [['a', '2']] }, params)
    expect(base).toBe(`POST&http%3A%2F%2Fh%2Fp&a%3D1%26a%3D2%26${oauthPart}`)
  })

  it('encodes unicode and reserved characters as UTF-8 with uppercase hex, and a stray % does not throw', () => {
    const base = signatureBaseString({ method: 'GET', url: "http://h/p?s=%E2%98%83!*'()&t=100%" }, params)
    expect(base).toBe(`GET&http%3A%2F%2Fh%2Fp&${oauthPart}%26s%3D%25E2%2598%2583%2521%252A%2527%2528%2529%26t%3D100%2525`)
  })

  it('signs a path with a space as the %20 that fetch sends', () => {
    expect(baseStringUri('http://h/a b/ü')).toBe('http://h/a%20b/%C3%BC')
  })
})
