import { loadNotificationConfig } from './config';

const base = { INTERNAL_TOKEN_SECRET: 'a-secret-of-at-least-thirty-two-characters' };

describe('notification config', () => {
  it('runs with local defaults: port 3006, metrics 9470, its own database, the platform sender', () => {
    const config = loadNotificationConfig(base);
    expect(config).toMatchObject({
      HTTP_PORT: 3006,
      METRICS_PORT: 9470,
      MONGO_DATABASE: 'demarches_notification',
      SMTP_HOST: '127.0.0.1',
      SMTP_PORT: 1025,
      SMTP_FROM: 'Démarches <ne-pas-repondre@demarches.gouv.fr>',
    });
  });

  it('takes a bare sender address as well as "Name <address>"', () => {
    expect(loadNotificationConfig({ ...base, SMTP_FROM: 'contact@exemple.fr' }).SMTP_FROM).toBe(
      'contact@exemple.fr',
    );
  });

  it('refuses to boot with a malformed sender, naming every bad variable', () => {
    expect(() => loadNotificationConfig({ SMTP_FROM: 'Démarches', EMAIL_MAX_ATTEMPTS: '0' })).toThrow(
      /SMTP_FROM[\s\S]*EMAIL_MAX_ATTEMPTS|EMAIL_MAX_ATTEMPTS[\s\S]*SMTP_FROM/,
    );
  });
});
