import { randomUUID } from 'node:crypto';
import { DemarcheErrorCode, DemarcheException } from '../demarche.exception';
import type { MailTemplate } from './mail-templates';
import { TypeDeChamp } from './type-de-champ';

export type DemarcheState = 'brouillon' | 'publiee' | 'close';

export interface ChampDescriptor {
  id: string;
  type: TypeDeChamp;
  label: string;
  description: string;
  mandatory: boolean;
  /** Choices of list types; empty for the others. */
  options: string[];
}

export interface GroupeInstructeur {
  id: string;
  label: string;
  instructeurs: string[];
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
  revisionId: string;
  publishedAt: Date | null;
  createdAt: Date;
  version: number;
}

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
    groupesInstructeurs: [{ id: randomUUID(), label: DEFAULT_GROUPE_LABEL, instructeurs: [] }],
    mailTemplates: [],
    revisionId: randomUUID(),
    publishedAt: null,
    createdAt: input.now,
    version: 0,
  };
}

export function assertAdministrateur(demarche: Demarche, email: string): void {
  // Someone who does not administer the démarche gets the same answer as for a démarche that does not exist.
  if (!demarche.administrateurs.includes(email.toLowerCase())) throw DemarcheException.notFound(demarche.id);
}

/** The published revision is frozen: its champs only change by publishing a new revision (later issue). */
export function assertChampsEditable(demarche: Demarche): void {
  if (demarche.state !== 'brouillon') {
    throw new DemarcheException(
      DemarcheErrorCode.DEMARCHE_FROZEN,
      'conflict',
      'La démarche est publiée : son formulaire et ses annotations ne peuvent plus être modifiés.',
      { demarcheId: demarche.id, state: demarche.state },
    );
  }
}

export function ajouterInstructeur(demarche: Demarche, email: string): Demarche {
  const normalized = email.trim().toLowerCase();
  const [defaut, ...autres] = demarche.groupesInstructeurs;
  if (defaut.instructeurs.includes(normalized)) return demarche;
  return {
    ...demarche,
    groupesInstructeurs: [{ ...defaut, instructeurs: [...defaut.instructeurs, normalized] }, ...autres],
  };
}
