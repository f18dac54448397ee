import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { fixedSecurityHeaders, pageContentSecurityPolicy, withPageSecurity } from './security-headers';

const page = () => new NextRequest('http://localhost:3000/buchungen');
const nonceOf = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1];

describe('page security headers', () => {
  it('gives every page a policy with a fresh nonce, on the answer and on the request Next.js renders', () => {
    const first = withPageSecurity(page(), 'http://localhost:3000');
    const policy = first.headers.get('content-security-policy');
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(first.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    const nonce = nonceOf(policy);
    expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(
      nonceOf(withPageSecurity(page(), 'http://localhost:3000').headers.get('content-security-policy')),
    ).not.toBe(nonce);
  });

  it('sends HSTS and upgrades mixed content only where APP_URL is https', () => {
    const plain = withPageSecurity(page(), 'http://localhost:3000');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    expect(plain.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    const secure = withPageSecurity(page(), 'https://mobil.partheland.example');
    expect(secure.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    expect(secure.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
  });

  it("allows eval only in development, for React's error overlay", () => {
    expect(pageContentSecurityPolicy({ nonce: 'n', https: false, dev: false })).not.toContain('unsafe-eval');
    expect(pageContentSecurityPolicy({ nonce: 'n', https: false, dev: true })).toContain("'unsafe-eval'");
  });

  it('lets only our own pages ask for the position', () => {
    const permissions = fixedSecurityHeaders.find((header) => header.key === 'Permissions-Policy')?.value;
    expect(permissions).toContain('geolocation=(self)');
    expect(fixedSecurityHeaders).toContainEqual({ key: 'X-Content-Type-Options', value: 'nosniff' });
  });
});
