import { randomUUID } from 'node:crypto';
import { DemarcheException } from '../demarche.exception';
import type { Condition } from '@demarches/formulaire';
import type { AttestationTemplate } from './attestation';
import type { ChampSettings } from './champ-settings';
import type { MailTemplate } from './mail-templates';
import { TypeDeChamp } from './type-de-champ';

/** Reference lifecycle (AASM on procedures): brouillon ("en test") → publiee → close | depubliee → publiee. */
export type DemarcheState = 'brouillon' | 'publiee' | 'close' | 'depubliee';

/** Who files dossiers (the reference's for_individual): the identity step before the form. */
export type PublicCible = 'particulier' | 'personne_morale';
/** Déclaratif mode: what a deposited dossier becomes without an instructeur. */
export type ModeDeclaratif = 'aucun' | 'en_instruction' | 'accepte';

/** A file of the démarche stored in S3 (logo, notice, cadre juridique), confirmed after its upload. */
export interface FichierDemarche {
  key: string;
  filename: string;
  contentType: string;
  size: number;
}

/** The administration running the démarche, shown to usagers (the reference's Service). */
export interface ServiceContact {
  nom: string;
  organisme: string;
  email: string;
  telephone: string;
  horaires: string;
  adresse: string;
  siret: string;
}

/** What allows the administration to ask for the data: a text and/or a link, or a document. */
export interface CadreJuridique {
  texte: string;
  url: string | null;
  document: FichierDemarche | null;
}

/** The frozen revision usagers fill, as it was at its publication. */
export interface RevisionPubliee {
  id: string;
  number: number;
  champs: ChampDescriptor[];
  annotations: ChampDescriptor[];
  publishedAt: Date;
}

export interface ChampDescriptor {
  id: string;
  type: TypeDeChamp;
  label: string;
  description: string;
  mandatory: boolean;
  /** Choices of list types; empty for the others. */
  options: string[];
  /** Shown (and required) only when this holds, tested on earlier champs (domain/conditions.ts); null = always. */
  condition?: Condition | null;
  /** Champs of a bloc répétable (type repetition only), in display order; never a repetition (domain/formulaire.ts). */
  children?: ChampDescriptor[];
  /** Type-specific settings, validated when saved (domain/champ-settings.ts); absent = the type's defaults. */
  settings?: ChampSettings;
}

export interface GroupeInstructeur {
  id: string;
  label: string;
  instructeurs: string[];
  /** Exactly one groupe is the default: it receives the dossiers no rule routes elsewhere (domain/groupes.ts). */
  isDefault: boolean;
  /** A closed groupe receives no new dossier; the default groupe cannot be closed. */
  closed: boolean;
  /** Replaces the démarche's service contact for the dossiers of this groupe. */
  contact: ServiceContact | null;
  /** Routing rule (the reference's): a dossier goes to the first open groupe whose rule holds (domain/routage.ts). */
  routingRule: Condition | null;
  /** Routing by a list champ (the seed's): the options of `Demarche.routingChampId` that lead to this groupe. */
  routingValues: string[];
}

/** A démarche as the administrateur builds it. form-builder is its only writer. */
export interface Demarche {
  id: string;
  number: number;
  title: string;
  description: string;
  state: DemarcheState;
  slug: string | null;
  administrateurs: string[];
  champs: ChampDescriptor[];
  /** Annotations privées: filled by instructeurs only, never shown to the usager. */
  annotations: ChampDescriptor[];
  groupesInstructeurs: GroupeInstructeur[];
  /** E-mail templates the administrateurs customised, in MAIL_KINDS order; the other kinds use the defaults. */
  mailTemplates: MailTemplate[];
  /** The drop_down_list champ whose value routes dossiers (the seed's routing); null with rules or no routing. */
  routingChampId: string | null;
  /** The attestation sent with an acceptance; null until the administrateur configures it. */
  attestation: AttestationTemplate | null;
  /** Id of the revision being edited (the draft); it becomes the published revision's id at publication. */
  revisionId: string;
  publishedAt: Date | null;
  createdAt: Date;
  version: number;
  // Description (issue #4 item 1).
  logo: FichierDemarche | null;
  notice: FichierDemarche | null;
  cadreJuridique: CadreJuridique;
  dureeConservationMois: number;
  publicCible: PublicCible;
  dateLimiteDepot: Date | null;
  modeDeclaratif: ModeDeclaratif;
  service: ServiceContact | null;
  /** Where usagers find the link (a web page, or "mail"…), asked at publication. */
  lienDiffusion: string | null;
  webhookUrl: string | null;
  /** The sanitised MonAvis button snippet. */
  monAvis: string | null;
  // Lifecycle (issue #4 item 8).
  /** Number of publications so far; the next publication gets revisionNumber + 1. */
  revisionNumber: number;
  /** The revision usagers fill; null until the first publication. champs/annotations above are the draft. */
  revisionPubliee: RevisionPubliee | null;
  closedAt: Date | null;
  unpublishedAt: Date | null;
  /** The démarche that took over this one's slug when it was closed by a republication. */
  replacedBy: string | null;
  clonedFrom: string | null;
  /** Deleted démarches stay as tombstones until their DemarcheDeleted event left the outbox. */
  deletedAt: Date | null;
}

/** Reference default (max_duree_conservation_dossiers_dans_ds); the absolute maximum is 60 months. */
export const DUREE_CONSERVATION_DEFAUT = 12;
export const DUREE_CONSERVATION_MAX = 60;

export const DEFAULT_GROUPE_LABEL = 'défaut';

export function nouvelleDemarche(input: {
  number: number;
  title: string;
  description: string;
  administrateur: string;
  now: Date;
}): Demarche {
  return {
    id: randomUUID(),
    number: input.number,
    title: input.title.trim(),
    description: input.description.trim(),
    state: 'brouillon',
    slug: null,
    administrateurs: [input.administrateur.toLowerCase()],
    champs: [],
    annotations: [],
    // Every démarche has a default groupe, as in the reference: routing starts with one groupe holding everyone.
    groupesInstructeurs: [
      {
        id: randomUUID(),
        label: DEFAULT_GROUPE_LABEL,
        instructeurs: [],
        isDefault: true,
        closed: false,
        contact: null,
        routingRule: null,
        routingValues: [],
      },
    ],
    mailTemplates: [],
    routingChampId: null,
    attestation: null,
    revisionId: randomUUID(),
    publishedAt: null,
    createdAt: input.now,
    version: 0,
    logo: null,
    notice: null,
    cadreJuridique: { texte: '', url: null, document: null },
    dureeConservationMois: DUREE_CONSERVATION_DEFAUT,
    publicCible: 'particulier',
    dateLimiteDepot: null,
    modeDeclaratif: 'aucun',
    service: null,
    lienDiffusion: null,
    webhookUrl: null,
    monAvis: null,
    revisionNumber: 0,
    revisionPubliee: null,
    closedAt: null,
    unpublishedAt: null,
    replacedBy: null,
    clonedFrom: null,
    deletedAt: null,
  };
}

export function assertAdministrateur(demarche: Demarche, email: string): void {
  // Someone who does not administer the démarche gets the same answer as for a démarche that does not exist.
  if (!demarche.administrateurs.includes(email.toLowerCase()) || demarche.deletedAt) {
    throw DemarcheException.notFound(demarche.id);
  }
}

/**
 * The published revision is frozen (revisionPubliee); champs and annotations are the draft of the next revision,
 * editable in every state, published by a new publication under the rules of domain/revision.ts.
 * Only a deleted démarche refuses edits.
 */
export function assertChampsEditable(demarche: Demarche): void {
  if (demarche.deletedAt) throw DemarcheException.notFound(demarche.id);
}

/** Adds an instructeur to the default groupe (domain/groupes.ts handles every groupe). */
export function ajouterInstructeur(demarche: Demarche, email: string): Demarche {
  const normalized = email.trim().toLowerCase();
  const defaut =
    demarche.groupesInstructeurs.find((groupe) => groupe.isDefault) ?? demarche.groupesInstructeurs[0];
  if (defaut.instructeurs.includes(normalized)) return demarche;
  return {
    ...demarche,
    groupesInstructeurs: demarche.groupesInstructeurs.map((groupe) =>
      groupe.id === defaut.id ? { ...groupe, instructeurs: [...groupe.instructeurs, normalized] } : groupe,
    ),
  };
}
