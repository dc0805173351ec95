import { DossierDeposited, DossierState } from '@demarches/contracts';
import { EmailKind } from '../../mail/email-kind';
import {
  InMemoryContacts,
  InMemoryDemarcheMails,
  InMemoryDeliveries,
  InMemoryQueue,
} from '../../testing/in-memory-ports';
import { EmailScheduler } from '../shared/email-scheduler';
import { AccuserReceptionUseCase } from './accuser-reception.use-case';

const deposited: DossierDeposited = {
  dossierId: 'd-1',
  number: 42,
  usagerEmail: 'usager@exemple.fr',
  usagerSub: 'sub-usager',
  demarcheId: 'dem-1',
  demarcheNumber: 7,
  demarcheTitle: 'Aide aux associations',
  revisionId: 'r-1',
  groupeInstructeurId: 'g-1',
  champs: [],
  depositedAt: new Date('2026-11-20T23:30:00Z'),
  demandeur: undefined,
  state: DossierState.EN_CONSTRUCTION,
  inviteEmails: [],
  version: 2,
};

describe(AccuserReceptionUseCase.name, () => {
  it("sends the accusé de réception to the usager and remembers the dossier's contact", async () => {
    const contacts = new InMemoryContacts();
    const deliveries = new InMemoryDeliveries();
    const queue = new InMemoryQueue();
    const scheduler = new EmailScheduler(deliveries, queue, new InMemoryDemarcheMails(), {
      PUBLIC_URL: 'https://demarches.test',
    });
    await new AccuserReceptionUseCase(contacts, scheduler).execute(deposited, 'evt-1');

    const delivery = deliveries.byId.get('evt-1');
    expect(delivery).toMatchObject({ kind: EmailKind.AccuseReception, recipient: 'usager@exemple.fr' });
    expect(delivery?.subject).toBe('Votre dossier nº 42 a bien été déposé (Aide aux associations)');
    // 23:30 UTC on the 20th is already the 21st in Paris.
    expect(delivery?.body).toContain('a bien été déposé le 21 novembre 2026');
    expect(queue.jobIds.has('evt-1')).toBe(true);
    expect(await contacts.find('d-1')).toMatchObject({ demarcheTitle: 'Aide aux associations', number: 42 });
  });
});
