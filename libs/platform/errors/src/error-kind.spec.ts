import { httpStatusOf, isRetryableKind, kindOfHttpStatus } from './error-kind';

describe('error kinds', () => {
  it.each([
    ['invalid', 400],
    ['unauthenticated', 401],
    ['forbidden', 403],
    ['not_found', 404],
    ['conflict', 409],
    ['internal', 500],
    ['unavailable', 503],
  ] as const)('maps %s to HTTP %i and back', (kind, status) => {
    expect(httpStatusOf(kind)).toBe(status);
    expect(kindOfHttpStatus(status)).toBe(kind);
  });

  it('treats unlisted 4xx as invalid and 5xx as internal', () => {
    expect(kindOfHttpStatus(413)).toBe('invalid');
    expect(kindOfHttpStatus(502)).toBe('internal');
  });

  it('retries only failures a later attempt can fix', () => {
    expect(isRetryableKind('unavailable')).toBe(true);
    expect(isRetryableKind('conflict')).toBe(false);
    expect(isRetryableKind('invalid')).toBe(false);
  });
});
