import { DossierState } from '@demarches/contracts';
import { DossierView } from '../../domain/dossier-access';
import { Message } from '../../domain/message';
import { MessagingErrorCode } from '../../messaging.exception';
import { DossierViews, Messages } from '../../persistence/ports';
import { ListerMessagesUseCase } from './lister-messages.use-case';

const view: DossierView = {
  dossierId: 'd-1',
  demarcheId: 'dem-1',
  state: DossierState.ACCEPTE,
  usagerSub: 'usager-sub',
  usagerEmail: 'usager@exemple.fr',
  groupeInstructeurId: 'g-1',
  instructeurEmails: ['instructeur@exemple.fr'],
  archived: false,
};
const message: Message = {
  id: 'm-1',
  dossierId: 'd-1',
  demarcheId: 'dem-1',
  senderSub: 'usager-sub',
  senderEmail: 'usager@exemple.fr',
  senderRole: 'usager',
  body: 'Bonjour',
  sentAt: new Date(),
};

const useCase = new ListerMessagesUseCase(
  new (class extends DossierViews {
    async find(id: string) {
      return id === 'd-1' ? view : null;
    }
  })(),
  new (class extends Messages {
    async send(): Promise<void> {
      throw new Error('listing never writes');
    }
    async listByDossier(id: string) {
      return id === 'd-1' ? [message] : [];
    }
  })(),
);

describe(ListerMessagesUseCase.name, () => {
  it('shows the conversation to its participants even after the decision', async () => {
    const caller = { sub: 'usager-sub', email: 'usager@exemple.fr', roles: ['usager'] };
    await expect(useCase.execute({ dossierId: 'd-1', caller })).resolves.toEqual([message]);
  });

  it('answers "not found" to anyone else', async () => {
    const caller = { sub: 'x', email: 'x@exemple.fr', roles: ['instructeur'] };
    await expect(useCase.execute({ dossierId: 'd-1', caller })).rejects.toMatchObject({
      code: MessagingErrorCode.DOSSIER_NOT_FOUND,
    });
  });
});
