import { DossierState } from '@demarches/contracts';
import { DossierView } from '../../domain/dossier-access';
import { Message } from '../../domain/message';
import { MessagingErrorCode } from '../../messaging.exception';
import { DossierViews, Messages } from '../../persistence/ports';
import { EnvoyerMessageUseCase } from './envoyer-message.use-case';

class InMemoryDossiers extends DossierViews {
  constructor(private readonly views: DossierView[]) {
    super();
  }
  async find(id: string) {
    return this.views.find((v) => v.dossierId === id) ?? null;
  }
}

class InMemoryMessages extends Messages {
  readonly stored: Message[] = [];
  async send(message: Message) {
    this.stored.push(message);
  }
  async listByDossier(id: string) {
    return this.stored.filter((m) => m.dossierId === id);
  }
}

const dossier = (overrides: Partial<DossierView> = {}): DossierView => ({
  dossierId: 'd-1',
  demarcheId: 'dem-1',
  state: DossierState.EN_CONSTRUCTION,
  usagerSub: 'usager-sub',
  usagerEmail: 'usager@exemple.fr',
  groupeInstructeurId: 'g-1',
  instructeurEmails: ['instructeur@exemple.fr'],
  archived: false,
  ...overrides,
});
const usager = { sub: 'usager-sub', email: 'usager@exemple.fr', roles: ['usager'] };
const instructeur = { sub: 'inst-sub', email: 'Instructeur@Exemple.fr', roles: ['instructeur'] };

function setup(view = dossier()) {
  const messages = new InMemoryMessages();
  return { messages, useCase: new EnvoyerMessageUseCase(new InMemoryDossiers([view]), messages) };
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    return (err as { code: string }).code;
  }
  return 'no error';
}

describe(EnvoyerMessageUseCase.name, () => {
  it("stores the usager's message on an open dossier", async () => {
    const { useCase, messages } = setup();
    const message = await useCase.execute({ dossierId: 'd-1', body: 'Bonjour\n\n', caller: usager });
    expect(message).toMatchObject({ senderRole: 'usager', body: 'Bonjour', demarcheId: 'dem-1' });
    expect(messages.stored).toEqual([message]);
  });

  it('lets an instructeur of the groupe write, whatever the case of her e-mail', async () => {
    const { useCase } = setup(dossier({ state: DossierState.EN_INSTRUCTION }));
    const message = await useCase.execute({ dossierId: 'd-1', body: 'Pièce manquante', caller: instructeur });
    expect(message.senderRole).toBe('instructeur');
  });

  it.each([DossierState.ACCEPTE, DossierState.REFUSE, DossierState.SANS_SUITE])(
    'refuses a message once the dossier is decided (%s)',
    async (state) => {
      const { useCase, messages } = setup(dossier({ state }));
      expect(await codeOf(useCase.execute({ dossierId: 'd-1', body: 'encore moi', caller: usager }))).toBe(
        MessagingErrorCode.MESSAGERIE_FERMEE,
      );
      expect(messages.stored).toHaveLength(0);
    },
  );

  it('refuses a message on an archived dossier', async () => {
    const { useCase } = setup(dossier({ archived: true }));
    await expect(useCase.execute({ dossierId: 'd-1', body: 'x', caller: instructeur })).rejects.toMatchObject(
      {
        code: MessagingErrorCode.MESSAGERIE_FERMEE,
        kind: 'conflict',
        message: 'La messagerie est fermée : ce dossier a été archivé.',
      },
    );
  });

  it('answers "not found" alike for an unknown dossier and for someone who may not see it', async () => {
    const { useCase } = setup();
    const stranger = { sub: 'other', email: 'other@exemple.fr', roles: ['usager'] };
    const otherInstructeur = { sub: 'i2', email: 'autre-groupe@exemple.fr', roles: ['instructeur'] };
    const usagerWithoutRole = { ...instructeur, roles: ['usager'] };
    for (const [dossierId, caller] of [
      ['unknown', usager],
      ['d-1', stranger],
      ['d-1', otherInstructeur],
      ['d-1', usagerWithoutRole],
    ] as const) {
      await expect(useCase.execute({ dossierId, body: 'x', caller })).rejects.toMatchObject({
        code: MessagingErrorCode.DOSSIER_NOT_FOUND,
        kind: 'not_found',
      });
    }
  });

  it('checks access before telling whether the messagerie is closed', async () => {
    const { useCase } = setup(dossier({ state: DossierState.ACCEPTE }));
    const stranger = { sub: 'other', email: 'other@exemple.fr', roles: ['usager'] };
    expect(await codeOf(useCase.execute({ dossierId: 'd-1', body: 'x', caller: stranger }))).toBe(
      MessagingErrorCode.DOSSIER_NOT_FOUND,
    );
  });

  it.each<[unknown, string]>([
    ['', 'empty'],
    ['   \n ', 'blank'],
    [42, 'not text'],
  ])('refuses a %p body (%s)', async (body) => {
    const { useCase } = setup();
    expect(await codeOf(useCase.execute({ dossierId: 'd-1', body, caller: usager }))).toBe(
      MessagingErrorCode.MESSAGE_INVALIDE,
    );
  });

  it('accepts 20 000 characters and refuses one more', async () => {
    const { useCase } = setup();
    await expect(
      useCase.execute({ dossierId: 'd-1', body: 'a'.repeat(20_000), caller: usager }),
    ).resolves.toBeDefined();
    expect(
      await codeOf(useCase.execute({ dossierId: 'd-1', body: 'a'.repeat(20_001), caller: usager })),
    ).toBe(MessagingErrorCode.MESSAGE_INVALIDE);
  });

  it('keeps the messagerie closed on a brouillon', async () => {
    const { useCase } = setup(dossier({ state: DossierState.BROUILLON }));
    expect(await codeOf(useCase.execute({ dossierId: 'd-1', body: 'x', caller: usager }))).toBe(
      MessagingErrorCode.MESSAGERIE_FERMEE,
    );
  });
});
