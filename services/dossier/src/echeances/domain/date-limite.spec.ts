import { clotureDuDepot, dateLimiteAtteinte, minuitParis } from './date-limite';

describe('date limite de dépôt', () => {
  it('closes at midnight Paris at the start of the chosen date, in summer (UTC+2)', () => {
    // « 14 septembre » → the night of the 13th to the 14th at midnight, Paris time.
    expect(clotureDuDepot(new Date('2026-09-14T00:00:00Z')).toISOString()).toBe('2026-09-13T22:00:00.000Z');
  });

  it('closes at midnight Paris in winter (UTC+1)', () => {
    expect(clotureDuDepot(new Date('2026-01-20T00:00:00Z')).toISOString()).toBe('2026-01-19T23:00:00.000Z');
  });

  it('keeps a date limite already given as midnight Paris', () => {
    expect(clotureDuDepot(new Date('2026-09-13T22:00:00Z')).toISOString()).toBe('2026-09-13T22:00:00.000Z');
  });

  it('handles the days of the clock changes', () => {
    // 29 March 2026: clocks go forward at 02:00; midnight is still UTC+1.
    expect(minuitParis(new Date('2026-03-29T12:00:00Z')).toISOString()).toBe('2026-03-28T23:00:00.000Z');
    // 25 October 2026: clocks go back at 03:00; midnight is still UTC+2.
    expect(minuitParis(new Date('2026-10-25T12:00:00Z')).toISOString()).toBe('2026-10-24T22:00:00.000Z');
  });

  it('refuses the dépôt from that instant, not a second before', () => {
    const dateLimite = new Date('2026-09-14T00:00:00Z');
    expect(dateLimiteAtteinte(dateLimite, new Date('2026-09-13T21:59:59Z'))).toBe(false);
    expect(dateLimiteAtteinte(dateLimite, new Date('2026-09-13T22:00:00Z'))).toBe(true);
    expect(dateLimiteAtteinte(null, new Date('2099-01-01T00:00:00Z'))).toBe(false);
  });
});
