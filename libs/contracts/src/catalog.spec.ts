import {
  AccountRole,
  ApiTokenExpiryNotice,
  ChampType,
  ChangerEtatAction,
  CommandCatalog,
  CommandTopics,
  DeclarativeMode,
  DeletionReason,
  DossierState,
  EventCatalog,
  ExportFormat,
  SenderRole,
  Topics,
  decodeMessage,
  encodeMessage,
  eventCodec,
  type Codec,
  type EventTypeOf,
  type PayloadOf,
  type TopicName,
} from './index';

const at = new Date('2025-03-14T09:26:53.000Z');

// Typed as the full catalogue: adding an event to the catalogue without a sample here fails to compile.
const samples: { [T in TopicName]: { [E in EventTypeOf<T>]: PayloadOf<T, E> } } = {
  [Topics.procedure]: {
    DemarchePublished: EventCatalog[Topics.procedure].DemarchePublished.fns.fromPartial({
      demarcheId: 'd1',
      number: 42,
      title: 'Subvention',
      slug: 'subvention',
      revisionId: 'r1',
      champs: [
        { id: 'c1', type: ChampType.TEXT, label: 'Nom', mandatory: true },
        {
          id: 'c2',
          type: ChampType.REPETITION,
          label: 'Enfants',
          children: [{ id: 'c3', type: ChampType.DATE }],
        },
        { id: 'c4', type: ChampType.DROP_DOWN_LIST, options: ['a', 'b'] },
      ],
      annotations: [{ id: 'a1', type: ChampType.YES_NO, label: 'Complet ?' }],
      groupesInstructeurs: [
        { id: 'g1', label: 'défaut', instructeurEmails: ['i@x.fr'], routingValues: ['a'] },
      ],
      routingChampId: 'c4',
      administrateurEmails: ['admin@x.fr'],
      declarativeMode: DeclarativeMode.EN_INSTRUCTION,
      dateLimite: at,
      publishedAt: at,
      version: 3,
    }),
    DemarcheClosed: { demarcheId: 'd1', number: 42, closedAt: at, replacedByDemarcheId: 'd2', version: 4 },
    DemarcheCreated: {
      demarcheId: 'd1',
      number: 42,
      title: 'Subvention',
      administrateurEmails: ['admin@x.fr'],
      clonedFromDemarcheId: 'd0',
      at,
      version: 1,
    },
    DemarcheUnpublished: { demarcheId: 'd1', number: 42, at, version: 5 },
    DemarcheReopened: { demarcheId: 'd1', number: 42, at, version: 6 },
    DemarcheDeleted: { demarcheId: 'd1', number: 42, at, version: 7 },
    GroupesInstructeursChanged: EventCatalog[Topics.procedure].GroupesInstructeursChanged.fns.fromPartial({
      demarcheId: 'd1',
      number: 42,
      title: 'Subvention',
      groupesInstructeurs: [{ id: 'g1', label: 'défaut', instructeurEmails: ['i@x.fr'], isDefault: true }],
      invitedEmails: ['i@x.fr'],
      at,
      version: 8,
    }),
  },
  [Topics.dossier]: {
    DossierCreated: {
      dossierId: 'x1',
      number: 1001,
      demarcheId: 'd1',
      demarcheNumber: 42,
      revisionId: 'r1',
      usagerSub: 'sub-1',
      createdAt: at,
      version: 1,
    },
    DossierUpdated: {
      dossierId: 'x1',
      demarcheId: 'd1',
      state: DossierState.BROUILLON,
      changedChampIds: ['c1'],
      champs: [{ champId: 'c1', label: 'Nom', type: ChampType.TEXT, value: 'Dupont' }],
      updatedAt: at,
      version: 2,
      groupeInstructeurId: 'g1',
      authorEmail: 'u@x.fr',
    },
    DossierDeposited: {
      dossierId: 'x1',
      number: 1001,
      usagerEmail: 'u@x.fr',
      usagerSub: 'sub-u',
      demarcheId: 'd1',
      demarcheNumber: 42,
      demarcheTitle: 'Subvention',
      revisionId: 'r1',
      groupeInstructeurId: 'g1',
      champs: [{ champId: 'c1', label: 'Nom', type: ChampType.TEXT, value: 'Dupont' }],
      depositedAt: at,
      version: 3,
      demandeur: {
        particulier: { civilite: 'Mme', nom: 'Dupont', prenom: 'Angela', fromFranceConnect: true },
      },
      state: DossierState.EN_CONSTRUCTION,
      inviteEmails: ['co@x.fr'],
    },
    DossierStateChanged: {
      dossierId: 'x1',
      number: 1001,
      demarcheId: 'd1',
      demarcheNumber: 42,
      groupeInstructeurId: 'g1',
      usagerEmail: 'u@x.fr',
      from: DossierState.EN_INSTRUCTION,
      to: DossierState.REFUSE,
      motivation: 'pièce manquante',
      instructeurEmail: 'i@x.fr',
      at,
      version: 5,
    },
    DossierInviteAdded: {
      dossierId: 'x1',
      demarcheId: 'd1',
      number: 1001,
      email: 'co@x.fr',
      invitedByEmail: 'u@x.fr',
      message: 'Peux-tu compléter ?',
      at,
      version: 4,
    },
    DossierInviteRemoved: { dossierId: 'x1', demarcheId: 'd1', email: 'co@x.fr', at, version: 5 },
    DossierExpirationNotified: {
      dossierId: 'x1',
      demarcheId: 'd1',
      number: 1001,
      usagerEmail: 'u@x.fr',
      demarcheTitle: 'Subvention',
      expiresAt: at,
      version: 6,
    },
    DossierDeleted: {
      dossierId: 'x1',
      demarcheId: 'd1',
      state: DossierState.EN_CONSTRUCTION,
      reason: DeletionReason.USAGER,
      deletedAt: at,
      version: 6,
    },
  },
  [Topics.messaging]: {
    MessageSent: {
      messageId: 'm1',
      dossierId: 'x1',
      demarcheId: 'd1',
      senderEmail: 'i@x.fr',
      senderRole: SenderRole.INSTRUCTEUR,
      body: 'Bonjour',
      attachmentKeys: ['k1'],
      sentAt: at,
    },
  },
  [Topics.notification]: {
    EmailDelivered: {
      deliveryId: 'n1',
      template: 'dossier_depose',
      recipientEmail: 'u@x.fr',
      dossierId: 'x1',
      smtpMessageId: '<id@x>',
      deliveredAt: at,
    },
    EmailFailed: {
      deliveryId: 'n1',
      template: 'dossier_depose',
      recipientEmail: 'u@x.fr',
      dossierId: undefined,
      errorCode: 'SMTP_550',
      errorMessage: 'mailbox unavailable',
      attempts: 5,
      permanent: true,
      failedAt: at,
    },
  },
  [Topics.export]: {
    ExportCompleted: {
      exportId: 'e1',
      demarcheId: 'd1',
      format: ExportFormat.XLSX,
      requestedByEmail: 'i@x.fr',
      objectKey: 'exports/e1.xlsx',
      sizeBytes: 123456,
      dossierCount: 12,
      completedAt: at,
    },
  },
  [Topics.identity]: {
    ApiTokenExpiring: {
      tokenId: '0123456789abcdef0123456789abcdef',
      tokenName: 'SI de la région',
      ownerEmail: 'admin@x.fr',
      expiresAt: at,
      notice: ApiTokenExpiryNotice.ONE_DAY,
      at,
    },
    RoleGranted: {
      userSub: 'kc-1',
      email: 'i@x.fr',
      role: AccountRole.INSTRUCTEUR,
      grantedBy: 'system',
      invited: true,
      demarcheId: 'd1',
      dossierId: '',
      at,
      version: 2,
    },
    RoleRemoved: {
      userSub: 'kc-1',
      email: 'i@x.fr',
      role: AccountRole.INSTRUCTEUR,
      removedBy: 'system',
      demarcheId: 'd1',
      at,
      version: 3,
    },
  },
};

describe('EventCatalog', () => {
  const entries = Object.entries(samples).flatMap(([topic, byType]) =>
    Object.entries(byType).map(([eventType, payload]) => [topic, eventType, payload] as const),
  );

  it.each(entries)('%s %s survives an encode/decode round trip', (topic, eventType, payload) => {
    const c = eventCodec(topic, eventType);
    expect(c).toBeDefined();
    const decoded = decodeMessage(c as Codec<unknown>, encodeMessage(c as Codec<unknown>, payload));
    expect(decoded).toEqual(payload);
  });

  it.each(entries)('%s %s declares the schema name of its own package and message', (topic, eventType) => {
    expect(eventCodec(topic, eventType)?.schema).toBe(`${topic}.${eventType}`);
  });

  it('returns no codec for an unknown topic or event type', () => {
    expect(eventCodec('demarches.nope.v1', 'X')).toBeUndefined();
    expect(eventCodec(Topics.dossier, 'DossierExploded')).toBeUndefined();
  });

  it('fails to decode bytes that are not the message', () => {
    const c = EventCatalog[Topics.dossier].DossierDeposited;
    expect(() => decodeMessage(c, Uint8Array.from([0x0a, 0xff, 0xff, 0xff, 0xff, 0x0f]))).toThrow();
  });

  it('rejects a wrong payload at compile time', () => {
    const typed = <T extends TopicName, E extends EventTypeOf<T>>(_t: T, _e: E, p: PayloadOf<T, E>) => p;
    // @ts-expect-error DossierDeposited has no `title` and lacks its required fields.
    typed(Topics.dossier, 'DossierDeposited', { title: 'x' });
    // @ts-expect-error DemarchePublished is not an event of the dossier topic.
    typed(Topics.dossier, 'DemarchePublished', samples[Topics.procedure].DemarchePublished);
    expect(typed(Topics.export, 'ExportCompleted', samples[Topics.export].ExportCompleted).exportId).toBe(
      'e1',
    );
  });
});

describe('CommandCatalog', () => {
  it('round-trips a request and both reply shapes', () => {
    const { request, reply } = CommandCatalog[CommandTopics.changerEtatDossier];
    const req = request.fns.fromPartial({
      dossierId: 'x1',
      action: ChangerEtatAction.ACCEPTER,
      instructeurEmail: 'i@x.fr',
      expectedVersion: 4,
    });
    expect(decodeMessage(request, encodeMessage(request, req))).toEqual(req);
    const ok = reply.fns.fromPartial({ ok: { dossierId: 'x1', state: DossierState.ACCEPTE, version: 5 } });
    expect(decodeMessage(reply, encodeMessage(reply, ok)).ok?.state).toBe(DossierState.ACCEPTE);
    const err = reply.fns.fromPartial({
      error: { code: 'STALE_VERSION', kind: 'conflict', message: 'stale' },
    });
    expect(decodeMessage(reply, encodeMessage(reply, err))).toEqual({
      ok: undefined,
      error: { code: 'STALE_VERSION', kind: 'conflict', message: 'stale', detailsJson: undefined },
    });
  });

  it('names every request and reply after its own package', () => {
    for (const { request, reply } of Object.values(CommandCatalog)) {
      expect(request.schema).toMatch(/^demarches\.[a-z]+\.v\d+\.[A-Za-z]+Request$/);
      expect(reply.schema).toBe(request.schema.replace(/Request$/, 'Reply'));
    }
  });
});
