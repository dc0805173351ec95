import { DemarcheErrorCode } from '../demarche.exception';
import { clesDeReglage, validerSettings } from './champ-settings';
import { TypeDeChamp } from './type-de-champ';

function refus(type: TypeDeChamp, settings: Record<string, unknown>) {
  try {
    validerSettings(type, settings);
  } catch (error) {
    return error as { code: string; details: Record<string, unknown>; message: string };
  }
  throw new Error('expected a refusal');
}

describe('champ settings', () => {
  it('keeps the texte formaté rules the dossier service enforces, dropping keys set to null', () => {
    expect(
      validerSettings('formatted', {
        minLength: 2,
        maxLength: 9,
        lettersAccepted: false,
        numbersAccepted: true,
        specialCharsAccepted: null,
      }),
    ).toEqual({ minLength: 2, maxLength: 9, lettersAccepted: false, numbersAccepted: true });
  });

  it('refuses a key the type does not know, naming the key and the known ones', () => {
    const error = refus('formatted', { minLength: 2, regex: '^a+$' });
    expect(error.code).toBe(DemarcheErrorCode.CHAMP_SETTING_UNKNOWN);
    expect(error.details).toMatchObject({ key: 'regex', type: 'formatted' });
    expect(error.message).toContain('« regex »');
    expect(error.message).toContain('minLength');
    const none = refus('text', { maxLength: 10 });
    expect(none).toMatchObject({
      code: DemarcheErrorCode.CHAMP_SETTING_UNKNOWN,
      details: { key: 'maxLength', known: [] },
    });
    expect(none.message).toContain("n'a pas de réglage");
  });

  it('refuses wrong values with the key named', () => {
    expect(refus('formatted', { minLength: 2.5 })).toMatchObject({
      code: DemarcheErrorCode.CHAMP_SETTING_INVALID,
      details: { key: 'minLength' },
    });
    expect(refus('formatted', { maxLength: 20_000 }).details).toMatchObject({ key: 'maxLength' });
    expect(refus('formatted', { minLength: 10, maxLength: 5 }).details).toMatchObject({ key: 'minLength' });
    expect(refus('formatted', { lettersAccepted: 'non' }).details).toMatchObject({ key: 'lettersAccepted' });
    expect(
      refus('formatted', { lettersAccepted: false, numbersAccepted: false, specialCharsAccepted: false })
        .code,
    ).toBe(DemarcheErrorCode.CHAMP_SETTING_INVALID);
  });

  it('bounds numbers: integers for an integer champ, min never above max', () => {
    expect(validerSettings('integer_number', { min: 0, max: 100 })).toEqual({ min: 0, max: 100 });
    expect(validerSettings('decimal_number', { min: -2.5 })).toEqual({ min: -2.5 });
    expect(refus('integer_number', { min: 0.5 }).details).toMatchObject({ key: 'min' });
    expect(refus('decimal_number', { max: '12' }).details).toMatchObject({ key: 'max' });
    expect(refus('decimal_number', { min: 3, max: 1 })).toMatchObject({
      code: DemarcheErrorCode.CHAMP_SETTING_INVALID,
      details: { key: 'min' },
    });
  });

  it('restricts a pièce justificative to known formats, images only for a titre d’identité', () => {
    expect(
      validerSettings('piece_justificative', { nature: 'titre_identite', formats: ['PNG', 'jpg', 'png'] }),
    ).toEqual({ nature: 'titre_identite', formats: ['png', 'jpg'] });
    expect(validerSettings('piece_justificative', { formats: ['pdf', 'odt'] })).toEqual({
      formats: ['pdf', 'odt'],
    });
    expect(refus('piece_justificative', { formats: ['exe'] }).details).toMatchObject({ key: 'formats' });
    expect(refus('piece_justificative', { formats: [] }).details).toMatchObject({ key: 'formats' });
    expect(refus('piece_justificative', { nature: 'passeport' }).details).toMatchObject({ key: 'nature' });
    expect(
      refus('piece_justificative', { nature: 'titre_identite', formats: ['pdf'] }).details,
    ).toMatchObject({ key: 'formats' });
  });

  it('lets a carte show the reference’s layers and a header its level', () => {
    expect(validerSettings('carte', { layers: ['cadastres', 'natura_2000'] })).toEqual({
      layers: ['cadastres', 'natura_2000'],
    });
    expect(refus('carte', { layers: ['volcans'] }).details).toMatchObject({ key: 'layers' });
    expect(validerSettings('header_section', { level: 2 })).toEqual({ level: 2 });
    expect(refus('header_section', { level: 4 }).details).toMatchObject({ key: 'level' });
  });

  it('lists the keys of each type, none for a bloc répétable', () => {
    expect(clesDeReglage('integer_number')).toEqual(['min', 'max']);
    expect(clesDeReglage('repetition')).toEqual([]);
    expect(validerSettings('repetition', {})).toEqual({});
  });
});
