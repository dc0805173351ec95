import { Balise } from './balises';
import { renderTemplate } from './balise-renderer';
import { DEFAULT_TEMPLATES } from './default-templates';
import { EmailKind } from './email-kind';

describe('renderTemplate', () => {
  const values = {
    [Balise.NumeroDossier]: '42',
    [Balise.LibelleDemarche]: 'Aide aux associations',
    [Balise.LienDossier]: 'https://demarches.test/dossiers/d-1',
  };

  it('replaces every occurrence of a known balise in subject and body', () => {
    const out = renderTemplate(
      {
        subject: 'Dossier --numéro du dossier-- (--libellé démarche--)',
        body: 'nº --numéro du dossier-- / --numéro du dossier--',
      },
      values,
    );
    expect(out.subject).toBe('Dossier 42 (Aide aux associations)');
    expect(out.body).toBe('nº 42 / 42');
  });

  it('drops a line whose balises are all empty, and collapses the blank lines left behind', () => {
    const out = renderTemplate({ subject: 's', body: 'Bonjour,\n\nMotif : --motivation--\n\nFin' }, values);
    expect(out.body).toBe('Bonjour,\n\nFin');
  });

  it('keeps a line when at least one of its balises has a value', () => {
    const out = renderTemplate({ subject: 's', body: '--motivation-- nº --numéro du dossier--' }, values);
    expect(out.body).toBe('nº 42');
  });

  it('does not expand balises that appear inside a value (no injection through a motivation)', () => {
    const out = renderTemplate(
      { subject: 's', body: 'Motif : --motivation--' },
      { ...values, [Balise.Motivation]: 'voir --lien dossier-- et $&' },
    );
    expect(out.body).toBe('Motif : voir --lien dossier-- et $&');
  });

  it('leaves text that is not a known balise untouched', () => {
    const out = renderTemplate({ subject: 's', body: 'a -- b --inconnue-- c' }, values);
    expect(out.body).toBe('a -- b --inconnue-- c');
  });

  it('renders the default refusal e-mail with its motivation', () => {
    const out = renderTemplate(DEFAULT_TEMPLATES[EmailKind.Refus], {
      ...values,
      [Balise.Motivation]: 'Pièce manquante',
      [Balise.DateDecision]: '27 novembre 2026',
    });
    expect(out.subject).toBe('Votre dossier nº 42 a été refusé (Aide aux associations)');
    expect(out.body).toContain('a été refusé le 27 novembre 2026.');
    expect(out.body).toContain('Motif du refus : Pièce manquante');
    expect(out.body).toContain('https://demarches.test/dossiers/d-1');
    expect(out.body).not.toMatch(/--[a-zé ]+--/);
  });

  it('renders the default acceptance e-mail without a motivation line when there is none', () => {
    const out = renderTemplate(DEFAULT_TEMPLATES[EmailKind.Acceptation], values);
    expect(out.body).not.toContain('Motivation');
    expect(out.body).not.toMatch(/\n{3,}/);
  });

  it('renders a champ balise from its label, dashes in the label included', () => {
    const out = renderTemplate(
      { subject: 'Jardin --Nom du jardin--', body: 'Responsable : --Nom-prénom-- (--numéro du dossier--)' },
      values,
      [
        { label: 'Nom du jardin', value: 'Les Lilas' },
        { label: 'Nom-prénom', value: 'Camille Martin' },
      ],
    );
    expect(out).toEqual({ subject: 'Jardin Les Lilas', body: 'Responsable : Camille Martin (42)' });
  });

  it('never expands a balise written in a champ value, nor lets a champ shadow a built-in', () => {
    const out = renderTemplate({ subject: 's', body: '--Commentaire-- / --numéro du dossier--' }, values, [
      { label: 'Commentaire', value: 'voir --numéro du dossier-- et --Commentaire--' },
      { label: 'numéro du dossier', value: 'usurpé' },
    ]);
    expect(out.body).toBe('voir --numéro du dossier-- et --Commentaire-- / 42');
  });

  it('does not let a stray `--` in the prose swallow the balise that follows', () => {
    const out = renderTemplate({ subject: 's', body: 'note --bis --numéro du dossier--' }, values);
    expect(out.body).toBe('note --bis 42');
  });

  it('drops a line whose only champ balise is empty', () => {
    const out = renderTemplate({ subject: 's', body: 'A\nAvis : --Avis--\nB' }, values, [
      { label: 'Avis', value: '' },
    ]);
    expect(out.body).toBe('A\nB');
  });
});
