import { DossierState, DossierStateChanged } from '@demarches/contracts';
import { EmailKind } from '../../mail/email-kind';
import {
  InMemoryContacts,
  InMemoryDemarcheMails,
  InMemoryDeliveries,
  InMemoryQueue,
} from '../../testing/in-memory-ports';
import { EmailScheduler } from '../shared/email-scheduler';
import { NotifierChangementEtatUseCase } from './notifier-changement-etat.use-case';

const config = { PUBLIC_URL: 'https://demarches.test' };

function setup() {
  const contacts = new InMemoryContacts();
  const deliveries = new InMemoryDeliveries();
  const queue = new InMemoryQueue();
  const mails = new InMemoryDemarcheMails();
  const useCase = new NotifierChangementEtatUseCase(
    contacts,
    new EmailScheduler(deliveries, queue, mails, config),
  );
  return { contacts, deliveries, queue, mails, useCase };
}

const event = (overrides: Partial<DossierStateChanged> = {}): DossierStateChanged => ({
  dossierId: 'd-1',
  number: 42,
  demarcheId: 'dem-1',
  demarcheNumber: 7,
  groupeInstructeurId: 'g-1',
  usagerEmail: 'usager@exemple.fr',
  from: DossierState.EN_INSTRUCTION,
  to: DossierState.ACCEPTE,
  at: new Date('2026-11-27T10:00:00Z'),
  version: 4,
  ...overrides,
});

describe(NotifierChangementEtatUseCase.name, () => {
  it('sends the refusal e-mail with the motivation to the usager', async () => {
    const { contacts, deliveries, queue, useCase } = setup();
    await contacts.save({
      dossierId: 'd-1',
      number: 42,
      demarcheId: 'dem-1',
      demarcheTitle: 'Aide aux associations',
      usagerEmail: 'usager@exemple.fr',
      depositedAt: new Date('2026-11-20T10:00:00Z'),
      enInstructionAt: null,
      champs: [],
    });
    await useCase.execute(event({ to: DossierState.REFUSE, motivation: 'Budget épuisé' }), 'evt-1');

    const delivery = deliveries.byId.get('evt-1');
    expect(delivery).toMatchObject({
      kind: EmailKind.Refus,
      recipient: 'usager@exemple.fr',
      status: 'queued',
    });
    expect(delivery?.subject).toBe('Votre dossier nº 42 a été refusé (Aide aux associations)');
    expect(delivery?.body).toContain('Motif du refus : Budget épuisé');
    expect(delivery?.body).toContain('https://demarches.test/dossiers/d-1');
    expect(delivery?.body).toContain('27 novembre 2026');
    expect([...queue.jobIds]).toEqual(['evt-1']);
  });

  it('sends the accusé de passage en instruction', async () => {
    const { deliveries, useCase } = setup();
    await useCase.execute(
      event({ from: DossierState.EN_CONSTRUCTION, to: DossierState.EN_INSTRUCTION }),
      'evt-2',
    );
    expect(deliveries.byId.get('evt-2')?.kind).toBe(EmailKind.PassageEnInstruction);
  });

  it('sends nothing when a dossier goes back en construction', async () => {
    const { deliveries, queue, useCase } = setup();
    const outcome = await useCase.execute(event({ to: DossierState.EN_CONSTRUCTION }), 'evt-3');
    expect(outcome).toBe('no_email');
    expect(deliveries.byId.size).toBe(0);
    expect(queue.jobIds.size).toBe(0);
  });

  it('falls back on the event when the dossier was never seen deposited', async () => {
    const { deliveries, useCase } = setup();
    await useCase.execute(event({ to: DossierState.SANS_SUITE }), 'evt-4');
    expect(deliveries.byId.get('evt-4')?.subject).toBe(
      'Votre dossier nº 42 a été classé sans suite (démarche nº 7)',
    );
  });

  it('records one delivery for a redelivered event', async () => {
    const { deliveries, queue, useCase } = setup();
    await useCase.execute(event(), 'evt-5');
    await useCase.execute(event({ motivation: 'changed' }), 'evt-5');
    expect(deliveries.byId.size).toBe(1);
    expect(deliveries.byId.get('evt-5')?.body).not.toContain('changed');
    expect(queue.jobIds.size).toBe(1);
  });

  it("uses the démarche's customised template, with champ balises and the date de passage en instruction", async () => {
    const { contacts, deliveries, mails, useCase } = setup();
    await contacts.save({
      dossierId: 'd-1',
      number: 42,
      demarcheId: 'dem-1',
      demarcheTitle: 'Aide aux associations',
      usagerEmail: 'usager@exemple.fr',
      depositedAt: new Date('2026-11-20T10:00:00Z'),
      enInstructionAt: null,
      champs: [{ label: 'Nom du club', value: 'US Ségur' }],
    });
    await mails.apply({
      demarcheId: 'dem-1',
      version: 3,
      templates: {
        [EmailKind.Acceptation]: {
          subject: 'Bravo --Nom du club-- (nº --numéro du dossier--)',
          body: 'Instruit depuis le --date de passage en instruction--.\nAvis : --Avis technique--\nFin',
        },
      },
      labels: ['Nom du club', 'Avis technique'],
    });
    await useCase.execute(
      event({
        from: DossierState.EN_CONSTRUCTION,
        to: DossierState.EN_INSTRUCTION,
        at: new Date('2026-11-22T10:00:00Z'),
      }),
      'evt-6',
    );
    await useCase.execute(event({ to: DossierState.ACCEPTE }), 'evt-7');

    // Not customised: the default wording.
    expect(deliveries.byId.get('evt-6')?.subject).toBe(
      "Votre dossier nº 42 est en cours d'instruction (Aide aux associations)",
    );
    const accepted = deliveries.byId.get('evt-7');
    expect(accepted?.subject).toBe('Bravo US Ségur (nº 42)');
    // The annotation has no value here: its line is dropped rather than shown as `--Avis technique--`.
    expect(accepted?.body).toBe('Instruit depuis le 22 novembre 2026.\nFin');
  });

  it('sends the repassé en instruction e-mail when a decided dossier goes back en instruction', async () => {
    const { deliveries, useCase } = setup();
    await useCase.execute(event({ from: DossierState.ACCEPTE, to: DossierState.EN_INSTRUCTION }), 'evt-8');
    expect(deliveries.byId.get('evt-8')).toMatchObject({
      kind: EmailKind.RepasseEnInstruction,
      subject: "Votre dossier nº 42 est à nouveau en cours d'instruction (démarche nº 7)",
    });
  });
});
