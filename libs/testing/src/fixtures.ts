// Fixture factories: complete, valid event payloads and identities with sensible defaults, so a test states only
// what matters to it (`demarchePublished({ slug: 'aide' })`).
import {
  ChampType,
  DeclarativeMode,
  DossierState,
  type PayloadOf,
  PublicCible,
  Topics,
} from '@demarches/contracts';
import { randomUUID } from 'node:crypto';

type DemarchePublished = PayloadOf<typeof Topics.procedure, 'DemarchePublished'>;
type DossierDeposited = PayloadOf<typeof Topics.dossier, 'DossierDeposited'>;
type DossierStateChanged = PayloadOf<typeof Topics.dossier, 'DossierStateChanged'>;

export function demarchePublished(overrides: Partial<DemarchePublished> = {}): DemarchePublished {
  return {
    demarcheId: randomUUID(),
    number: 1,
    title: 'Aide aux jardins partagés',
    slug: `aide-${randomUUID().slice(0, 8)}`,
    description: '',
    revisionId: randomUUID(),
    champs: [
      {
        id: randomUUID(),
        type: ChampType.TEXT,
        label: 'Nom du jardin',
        description: '',
        mandatory: true,
        options: [],
        children: [],
        settingsJson: '',
      },
    ],
    annotations: [],
    groupesInstructeurs: [
      {
        id: randomUUID(),
        label: 'défaut',
        instructeurEmails: ['instructeur@exemple.fr'],
        routingValues: [],
        closed: false,
        isDefault: true,
      },
    ],
    routingChampId: undefined,
    administrateurEmails: ['admin@exemple.fr'],
    declarativeMode: DeclarativeMode.UNSPECIFIED,
    dateLimite: undefined,
    publishedAt: new Date(),
    version: 1,
    mailTemplates: [],
    publicCible: PublicCible.PARTICULIER,
    dureeConservationMois: 12,
    service: {
      nom: 'Service des jardins',
      organisme: 'Mairie de Lyon',
      email: 'jardins@exemple.fr',
      telephone: '04 72 10 30 30',
      horaires: 'du lundi au vendredi, 9 h – 17 h',
      adresse: '1 place de la Comédie, 69001 Lyon',
      siret: '',
    },
    attestation: undefined,
    enTest: false,
    cadreJuridiqueUrl: 'https://www.legifrance.gouv.fr/',
    webhookUrl: undefined,
    revisionNumber: 1,
    files: [],
    ...overrides,
  };
}

export function dossierDeposited(overrides: Partial<DossierDeposited> = {}): DossierDeposited {
  return {
    dossierId: randomUUID(),
    number: 1,
    usagerEmail: 'usager@exemple.fr',
    usagerSub: 'sub-usager',
    demarcheId: randomUUID(),
    demarcheNumber: 1,
    demarcheTitle: 'Aide aux jardins partagés',
    revisionId: randomUUID(),
    groupeInstructeurId: randomUUID(),
    champs: [],
    depositedAt: new Date(),
    version: 3,
    demandeur: {
      particulier: { civilite: 'Mme', nom: 'Dupont', prenom: 'Angela', fromFranceConnect: false },
    },
    state: DossierState.EN_CONSTRUCTION,
    inviteEmails: [],
    ...overrides,
  };
}

export function dossierStateChanged(overrides: Partial<DossierStateChanged> = {}): DossierStateChanged {
  return {
    dossierId: randomUUID(),
    number: 1,
    demarcheId: randomUUID(),
    demarcheNumber: 1,
    groupeInstructeurId: randomUUID(),
    usagerEmail: 'usager@exemple.fr',
    from: DossierState.EN_CONSTRUCTION,
    to: DossierState.EN_INSTRUCTION,
    motivation: undefined,
    instructeurEmail: 'instructeur@exemple.fr',
    at: new Date(),
    version: 4,
    ...overrides,
  };
}
