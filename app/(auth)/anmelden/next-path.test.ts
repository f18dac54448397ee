import { describe, expect, it } from 'vitest';
import { pathAfterSignIn } from './next-path';

/** The value the page reads: `weiter` decoded from the query string, as useSearchParams does. */
const weiter = (query: string) => new URLSearchParams(query).get('weiter');

describe('pathAfterSignIn', () => {
  it('keeps paths of the app with their query and fragment', () => {
    expect(pathAfterSignIn('/buchungen')).toBe('/buchungen');
    expect(pathAfterSignIn('/?fahrzeug=abc&von=2026-12-01T09%3A00%3A00.000Z')).toBe(
      '/?fahrzeug=abc&von=2026-12-01T09%3A00%3A00.000Z',
    );
    expect(pathAfterSignIn(weiter('weiter=%2Fverwaltung%2Ffahrzeuge%3Fseite%3D2%23liste'))).toBe(
      '/verwaltung/fahrzeuge?seite=2#liste',
    );
    expect(pathAfterSignIn('/')).toBe('/');
  });

  it('sends everything else to the start page', () => {
    const foreign = [
      '//example.com',
      '//example.com/pfad',
      '/\\example.com',
      '/\\example.com/',
      weiter('weiter=%2F%5Cexample.com%2F'),
      weiter('weiter=%2F%2Fexample.com'),
      'https://example.com/',
      'http://localhost:3000/',
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' /buchungen',
      '/\t/example.com',
      '/\n/example.com',
      '/\r\n/example.com',
      weiter('weiter=%2F%09%2Fexample.com'),
      '\\\\example.com',
      'buchungen',
      '',
      null,
      undefined,
    ];
    for (const next of foreign) expect(pathAfterSignIn(next), JSON.stringify(next)).toBe('/');
  });

  it('leaves encoded slashes encoded: they stay part of a path here', () => {
    expect(pathAfterSignIn('/%2F%2Fexample.com')).toBe('/%2F%2Fexample.com');
    expect(pathAfterSignIn('/%5Cexample.com')).toBe('/%5Cexample.com');
  });
});
