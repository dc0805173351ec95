import { Dossier } from '../../domain/dossier';
import {
  ajouterMois,
  dateDeSuppression,
  doitEtrePrevenu,
  doitEtreSupprime,
  echeancesDuDossier,
  finDeConservation,
} from './conservation';

const T0 = new Date('2026-01-31T10:00:00Z');
const base = {
  state: 'brouillon',
  updatedAt: T0,
  depositedAt: null,
  decidedAt: null,
  expirationNotifiedAt: null,
} as unknown as Dossier;
const d = (overrides: Partial<Dossier>): Dossier => ({ ...base, ...overrides });

describe('conservation des dossiers', () => {
  it('adds calendar months without overflowing short months', () => {
    expect(ajouterMois(T0, 1).toISOString()).toBe('2026-02-28T10:00:00.000Z');
    expect(ajouterMois(T0, 12).toISOString()).toBe('2027-01-31T10:00:00.000Z');
    expect(ajouterMois(new Date('2026-03-31T00:00:00Z'), -1).toISOString()).toBe('2026-02-28T00:00:00.000Z');
  });

  it('counts from the last change of a brouillon, the dépôt, or the decision; never for en instruction', () => {
    expect(finDeConservation(d({}), 3)).toEqual(ajouterMois(T0, 3));
    expect(finDeConservation(d({ state: 'en_construction', depositedAt: T0 }), 3)).toEqual(
      ajouterMois(T0, 3),
    );
    expect(finDeConservation(d({ state: 'refuse', decidedAt: T0 }), 3)).toEqual(ajouterMois(T0, 3));
    expect(finDeConservation(d({ state: 'en_instruction', depositedAt: T0 }), 3)).toBeNull();
    expect(finDeConservation(d({}), 0)).toBeNull();
  });

  it('warns a brouillon one month before its end, once per version of it', () => {
    const warnFrom = ajouterMois(ajouterMois(T0, 3), -1);
    expect(doitEtrePrevenu(d({}), 3, new Date(warnFrom.getTime() - 1))).toBe(false);
    expect(doitEtrePrevenu(d({}), 3, warnFrom)).toBe(true);
    expect(doitEtrePrevenu(d({ expirationNotifiedAt: warnFrom }), 3, warnFrom)).toBe(false);
    // Edited after the warning: a new version, warned again when its own end comes near.
    const edited = new Date(warnFrom.getTime() + 1000);
    expect(
      doitEtrePrevenu(d({ expirationNotifiedAt: warnFrom, updatedAt: edited }), 3, ajouterMois(edited, 2)),
    ).toBe(true);
    expect(doitEtrePrevenu(d({ state: 'accepte', decidedAt: T0 }), 3, ajouterMois(T0, 3))).toBe(false);
  });

  it('deletes a brouillon only at its end and a month after its warning', () => {
    const end = ajouterMois(T0, 3);
    expect(doitEtreSupprime(d({}), 3, end)).toBe(false); // never warned
    const warnedLate = new Date(end.getTime() - 24 * 3600_000);
    expect(doitEtreSupprime(d({ expirationNotifiedAt: warnedLate }), 3, end)).toBe(false);
    expect(doitEtreSupprime(d({ expirationNotifiedAt: warnedLate }), 3, ajouterMois(warnedLate, 1))).toBe(
      true,
    );
    expect(dateDeSuppression(d({}), 3, warnedLate)).toEqual(ajouterMois(warnedLate, 1));
  });

  it('deletes a deposited or decided dossier at its end without warning, never one en instruction', () => {
    const end = ajouterMois(T0, 3);
    expect(
      doitEtreSupprime(d({ state: 'en_construction', depositedAt: T0 }), 3, new Date(end.getTime() - 1)),
    ).toBe(false);
    expect(doitEtreSupprime(d({ state: 'en_construction', depositedAt: T0 }), 3, end)).toBe(true);
    expect(doitEtreSupprime(d({ state: 'sans_suite', decidedAt: T0 }), 3, end)).toBe(true);
    expect(doitEtreSupprime(d({ state: 'en_instruction', depositedAt: T0 }), 3, ajouterMois(T0, 60))).toBe(
      false,
    );
  });

  describe('stored due dates (echeancesDuDossier)', () => {
    const warned = ajouterMois(T0, 2);
    const cases: [string, Dossier][] = [
      ['a brouillon never warned', d({})],
      ['a brouillon warned on time', d({ expirationNotifiedAt: warned })],
      ['a brouillon warned late', d({ expirationNotifiedAt: ajouterMois(T0, 3) })],
      [
        'a brouillon edited after its warning',
        d({ expirationNotifiedAt: warned, updatedAt: ajouterMois(T0, 2) }),
      ],
      ['a dossier en construction', d({ state: 'en_construction', depositedAt: T0 })],
      ['a dossier refusé', d({ state: 'refuse', decidedAt: T0 })],
      ['a dossier en instruction', d({ state: 'en_instruction', depositedAt: T0 })],
      ['a deleted dossier', d({ state: 'accepte', decidedAt: T0, deletedAt: T0 })],
    ];

    it.each(cases)('are the instants the sweep would act on %s', (_label, dossier) => {
      const { expiresAt, expirationNoticeAt } = echeancesDuDossier(dossier, 3);
      // Every hour over seven months: due by the stored date exactly when the rule says so.
      for (let t = T0.getTime(); t < ajouterMois(T0, 7).getTime(); t += 3600_000) {
        const now = new Date(t);
        const live = !dossier.deletedAt;
        expect([now.toISOString(), expiresAt !== null && now >= expiresAt]).toEqual([
          now.toISOString(),
          live && doitEtreSupprime(dossier, 3, now),
        ]);
        expect([now.toISOString(), expirationNoticeAt !== null && now >= expirationNoticeAt]).toEqual([
          now.toISOString(),
          live && doitEtrePrevenu(dossier, 3, now),
        ]);
      }
    });

    it('are none without a durée de conservation', () => {
      expect(echeancesDuDossier(d({ state: 'accepte', decidedAt: T0 }), 0)).toEqual({
        expiresAt: null,
        expirationNoticeAt: null,
      });
    });
  });
});
