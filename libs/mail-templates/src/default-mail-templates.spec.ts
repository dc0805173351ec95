import { DEFAULT_MAIL_TEMPLATES, MAIL_KINDS } from './default-mail-templates';

describe('default e-mail templates', () => {
  it.each(MAIL_KINDS)('%s has a subject and a body naming the dossier and the démarche', (kind) => {
    const template = DEFAULT_MAIL_TEMPLATES[kind];
    expect(template.subject).toContain('--numéro du dossier--');
    expect(template.body).toContain('--libellé démarche--');
  });
});
