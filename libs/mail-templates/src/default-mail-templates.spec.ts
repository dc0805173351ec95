import {
  API_TOKEN_EXPIRATION_MAIL_TEMPLATE,
  BROUILLON_EXPIRATION_MAIL_TEMPLATE,
  DEFAULT_MAIL_TEMPLATES,
  MAIL_KINDS,
} from './default-mail-templates';

describe('default e-mail templates', () => {
  it.each(MAIL_KINDS)('%s has a subject and a body naming the dossier and the démarche', (kind) => {
    const template = DEFAULT_MAIL_TEMPLATES[kind];
    expect(template.subject).toContain('--numéro du dossier--');
    expect(template.body).toContain('--libellé démarche--');
  });
});

describe('brouillon expiration e-mail', () => {
  it('names the dossier, the démarche and the day of the deletion', () => {
    expect(BROUILLON_EXPIRATION_MAIL_TEMPLATE.subject).toContain('--numéro du dossier--');
    expect(BROUILLON_EXPIRATION_MAIL_TEMPLATE.body).toContain('--libellé démarche--');
    expect(BROUILLON_EXPIRATION_MAIL_TEMPLATE.body).toContain('--date de suppression--');
  });
});

describe('API token expiration e-mail', () => {
  it('names the token and the day it expires, and links to the tokens page', () => {
    expect(API_TOKEN_EXPIRATION_MAIL_TEMPLATE.subject).toContain('--nom du jeton--');
    expect(API_TOKEN_EXPIRATION_MAIL_TEMPLATE.subject).toContain("--date d'expiration--");
    expect(API_TOKEN_EXPIRATION_MAIL_TEMPLATE.body).toContain('--lien jetons--');
  });
});
