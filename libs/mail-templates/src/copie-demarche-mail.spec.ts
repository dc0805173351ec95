import { COPIE_DEMARCHE_MAIL_TEMPLATE, MAIL_KINDS } from './default-mail-templates';

describe('copy of a démarche e-mail', () => {
  it('names the sender and the démarche, and links to the copy', () => {
    expect(COPIE_DEMARCHE_MAIL_TEMPLATE.subject).toContain('--expéditeur de la copie--');
    expect(COPIE_DEMARCHE_MAIL_TEMPLATE.subject).toContain('--libellé démarche--');
    expect(COPIE_DEMARCHE_MAIL_TEMPLATE.body).toContain('--lien démarche--');
  });

  it('is a platform e-mail that administrateurs cannot customise', () => {
    expect(MAIL_KINDS as readonly string[]).not.toContain('demarche_copie');
  });
});
