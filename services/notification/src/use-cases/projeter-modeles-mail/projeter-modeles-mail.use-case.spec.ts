import { MailKind } from '@demarches/contracts';
import { demarchePublished } from '@demarches/testing';
import { EmailKind } from '../../mail/email-kind';
import { InMemoryDemarcheMails } from '../../testing/in-memory-ports';
import { ProjeterModelesMailUseCase } from './projeter-modeles-mail.use-case';

describe(ProjeterModelesMailUseCase.name, () => {
  it('keeps the customised templates and the labels of the champs and annotations', async () => {
    const mails = new InMemoryDemarcheMails();
    const event = demarchePublished({
      version: 4,
      mailTemplates: [{ kind: MailKind.DOSSIER_DEPOSE, subject: 'Reçu --Nom du jardin--', body: 'Merci' }],
    });
    await expect(new ProjeterModelesMailUseCase(mails).execute(event)).resolves.toBe(true);
    expect(await mails.find(event.demarcheId)).toEqual({
      demarcheId: event.demarcheId,
      version: 4,
      templates: { [EmailKind.AccuseReception]: { subject: 'Reçu --Nom du jardin--', body: 'Merci' } },
      labels: ['Nom du jardin'],
    });
  });

  it('ignores an older snapshot arriving late, and a newer one without templates goes back to the defaults', async () => {
    const mails = new InMemoryDemarcheMails();
    const useCase = new ProjeterModelesMailUseCase(mails);
    const custom = demarchePublished({
      version: 5,
      mailTemplates: [{ kind: MailKind.DOSSIER_REFUSE, subject: 'Refus', body: 'Non' }],
    });
    await useCase.execute(custom);
    const older = { ...custom, version: 3, mailTemplates: [] };
    await expect(useCase.execute(older)).resolves.toBe(false);
    expect((await mails.find(custom.demarcheId))?.templates).toEqual({
      [EmailKind.Refus]: { subject: 'Refus', body: 'Non' },
    });
    await useCase.execute({ ...custom, version: 6, mailTemplates: [] });
    expect((await mails.find(custom.demarcheId))?.templates).toEqual({});
  });
});
