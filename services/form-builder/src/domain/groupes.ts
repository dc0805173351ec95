import { randomUUID } from 'node:crypto';
import { isValidPhoneNumber } from 'libphonenumber-js';
import { DemarcheErrorCode, DemarcheException } from '../demarche.exception';
import { Demarche, GroupeInstructeur, ServiceContact } from './demarche';

/**
 * Groupes instructeurs (seed « Nommer des instructeurs », « Routage »; reference GroupeInstructeur): every démarche
 * has at least one groupe and exactly one default groupe, which is always open. Groupes and instructeurs stay
 * editable after publication (the seed: « à tout moment, y compris après publication »).
 */

export const GROUPE_LABEL_MAX = 100;

/**
 * One change of groupes or instructeurs: the edited démarche, what the caller gets back, and the e-mails added to
 * a groupe by this change (identity invites those without an account). `changed` is false when nothing needs
 * saving (adding an instructeur already there).
 */
export interface GroupesEdition<R> {
  demarche: Demarche;
  result: R;
  invites: string[];
  changed: boolean;
}

export function edition<R>(
  avant: Demarche,
  apres: Demarche,
  result: R,
  invites: string[] = [],
): GroupesEdition<R> {
  return { demarche: apres, result, invites, changed: apres !== avant };
}

const invalide = (message: string, details: Record<string, unknown>) =>
  new DemarcheException(DemarcheErrorCode.GROUPE_INVALID, 'invalid', message, details);
const refuse = (message: string, details: Record<string, unknown>) =>
  new DemarcheException(DemarcheErrorCode.GROUPE_CONFLICT, 'conflict', message, details);

export function groupeParDefaut(demarche: Demarche): GroupeInstructeur {
  return demarche.groupesInstructeurs.find((groupe) => groupe.isDefault) ?? demarche.groupesInstructeurs[0];
}

export function trouverGroupe(demarche: Demarche, groupeId: string): GroupeInstructeur {
  const groupe = demarche.groupesInstructeurs.find((candidate) => candidate.id === groupeId);
  if (!groupe) {
    throw new DemarcheException(
      DemarcheErrorCode.GROUPE_NOT_FOUND,
      'not_found',
      "Ce groupe instructeur n'existe pas dans cette démarche.",
      { groupeId },
    );
  }
  return groupe;
}

function remplacer(demarche: Demarche, groupe: GroupeInstructeur): Demarche {
  return {
    ...demarche,
    groupesInstructeurs: demarche.groupesInstructeurs.map((g) => (g.id === groupe.id ? groupe : g)),
  };
}

/** Labels are unique per démarche (reference), compared without case or surrounding blanks. */
function validerLibelle(demarche: Demarche, label: string, groupeId?: string): string {
  const clean = label.trim().replace(/\s+/g, ' ');
  if (clean === '' || clean.length > GROUPE_LABEL_MAX) {
    throw invalide(`Le nom du groupe doit faire de 1 à ${GROUPE_LABEL_MAX} caractères.`, { label });
  }
  const doublon = demarche.groupesInstructeurs.find(
    (groupe) => groupe.id !== groupeId && groupe.label.toLowerCase() === clean.toLowerCase(),
  );
  if (doublon) {
    throw invalide(
      `Un groupe « ${doublon.label} » existe déjà dans cette démarche : choisissez un autre nom.`,
      {
        label,
        groupeId: doublon.id,
      },
    );
  }
  return clean;
}

/**
 * The contact shown to the usagers of a groupe's dossiers (reference ContactInformation: nom, e-mail, téléphone,
 * horaires and adresse are required). Every problem is listed.
 */
export function validerContact(contact: ServiceContact): ServiceContact {
  const clean: ServiceContact = {
    nom: contact.nom.trim(),
    organisme: contact.organisme.trim(),
    email: contact.email.trim().toLowerCase(),
    telephone: contact.telephone.trim(),
    horaires: contact.horaires.trim(),
    adresse: contact.adresse.trim(),
    siret: contact.siret.replace(/\s/g, ''),
  };
  const problemes: string[] = [];
  for (const [field, label] of [
    ['nom', 'le nom'],
    ['email', "l'e-mail"],
    ['telephone', 'le téléphone'],
    ['horaires', 'les horaires'],
    ['adresse', "l'adresse"],
  ] as const) {
    if (clean[field] === '') problemes.push(`${label} est obligatoire`);
  }
  if (clean.email !== '' && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(clean.email))
    problemes.push("l'e-mail est invalide");
  if (clean.telephone !== '' && !isValidPhoneNumber(clean.telephone, 'FR')) {
    problemes.push('le numéro de téléphone est invalide');
  }
  if (clean.siret !== '' && !/^\d{14}$/.test(clean.siret))
    problemes.push('le SIRET doit compter 14 chiffres');
  if (problemes.length > 0) {
    throw invalide(`Les coordonnées du groupe sont invalides : ${problemes.join(' ; ')}.`, { problemes });
  }
  return clean;
}

export function creerGroupe(
  demarche: Demarche,
  input: { label: string; contact?: ServiceContact | null },
): GroupesEdition<GroupeInstructeur> {
  const groupe: GroupeInstructeur = {
    id: randomUUID(),
    label: validerLibelle(demarche, input.label),
    instructeurs: [],
    isDefault: false,
    closed: false,
    contact: input.contact ? validerContact(input.contact) : null,
    routingRule: null,
    routingValues: [],
  };
  return edition(
    demarche,
    { ...demarche, groupesInstructeurs: [...demarche.groupesInstructeurs, groupe] },
    groupe,
  );
}

export interface GroupeChanges {
  label?: string;
  closed?: boolean;
  /** null removes the groupe's own contact (the démarche's service is shown again). */
  contact?: ServiceContact | null;
  /** true makes this groupe the default one (the previous default stops being it). */
  isDefault?: true;
}

export function modifierGroupe(
  demarche: Demarche,
  groupeId: string,
  changes: GroupeChanges,
): GroupesEdition<GroupeInstructeur> {
  const current = trouverGroupe(demarche, groupeId);
  const updated: GroupeInstructeur = {
    ...current,
    ...(changes.label !== undefined ? { label: validerLibelle(demarche, changes.label, groupeId) } : {}),
    ...(changes.closed !== undefined ? { closed: changes.closed } : {}),
    ...(changes.contact !== undefined
      ? { contact: changes.contact ? validerContact(changes.contact) : null }
      : {}),
    ...(changes.isDefault ? { isDefault: true } : {}),
  };
  // The reference: the default groupe receives every dossier no rule routes elsewhere, so it cannot be closed.
  if (updated.isDefault && updated.closed) {
    throw refuse(
      current.isDefault
        ? "Le groupe par défaut ne peut pas être fermé : désignez d'abord un autre groupe comme groupe par défaut."
        : 'Un groupe fermé ne peut pas devenir le groupe par défaut : rouvrez-le d’abord.',
      { groupeId },
    );
  }
  let edited = remplacer(demarche, updated);
  if (changes.isDefault && !current.isDefault) {
    edited = {
      ...edited,
      groupesInstructeurs: edited.groupesInstructeurs.map((groupe) =>
        groupe.id === groupeId ? groupe : { ...groupe, isDefault: false },
      ),
    };
  }
  const same = JSON.stringify(updated) === JSON.stringify(current);
  return edition(demarche, same ? demarche : edited, updated);
}

/**
 * Deleting a groupe: never the default one (another must be designated first), so never the last one nor the last
 * open one. Dossiers already routed to it are the instruction side's concern (they fall back to the default
 * groupe, ADR 0012); the options of the routing champ that led to it now lead to the default groupe.
 */
export function supprimerGroupe(demarche: Demarche, groupeId: string): GroupesEdition<string[]> {
  const groupe = trouverGroupe(demarche, groupeId);
  if (groupe.isDefault) {
    throw refuse(
      "Le groupe par défaut ne peut pas être supprimé : désignez d'abord un autre groupe comme groupe par défaut.",
      { groupeId },
    );
  }
  const restants = demarche.groupesInstructeurs.filter((g) => g.id !== groupeId);
  if (!restants.some((g) => !g.closed)) {
    throw refuse('Le dernier groupe ouvert ne peut pas être supprimé.', { groupeId });
  }
  return edition(
    demarche,
    { ...demarche, groupesInstructeurs: restants },
    restants.map((g) => g.id),
  );
}

/** Adds instructeurs by e-mail; those already in the groupe are ignored, the others are the invitations. */
export function ajouterInstructeurs(
  demarche: Demarche,
  groupeId: string,
  emails: string[],
): GroupesEdition<GroupeInstructeur> {
  const groupe = trouverGroupe(demarche, groupeId);
  const nouveaux = [...new Set(emails.map((email) => email.trim().toLowerCase()))].filter(
    (email) => !groupe.instructeurs.includes(email),
  );
  if (nouveaux.length === 0) return edition(demarche, demarche, groupe);
  const updated = { ...groupe, instructeurs: [...groupe.instructeurs, ...nouveaux] };
  return edition(demarche, remplacer(demarche, updated), updated, nouveaux);
}

/**
 * Removes an instructeur from a groupe. Once the démarche has been published, an open groupe keeps at least one
 * instructeur (the reference: « il doit y avoir au moins un instructeur dans le groupe »): its dossiers need one.
 */
export function retirerInstructeur(
  demarche: Demarche,
  groupeId: string,
  email: string,
): GroupesEdition<GroupeInstructeur> {
  const groupe = trouverGroupe(demarche, groupeId);
  const normalized = email.trim().toLowerCase();
  if (!groupe.instructeurs.includes(normalized)) {
    throw new DemarcheException(
      DemarcheErrorCode.INSTRUCTEUR_NOT_FOUND,
      'not_found',
      `${normalized} n'est pas instructeur de ce groupe.`,
      { groupeId, email: normalized },
    );
  }
  if (demarche.state !== 'brouillon' && !groupe.closed && groupe.instructeurs.length === 1) {
    throw refuse(
      `Suppression impossible : le groupe « ${groupe.label} » doit garder au moins un instructeur tant qu'il est ouvert.`,
      { groupeId, email: normalized },
    );
  }
  const updated = { ...groupe, instructeurs: groupe.instructeurs.filter((e) => e !== normalized) };
  return edition(demarche, remplacer(demarche, updated), updated);
}

/**
 * Groupes as stored before routing existed (label, instructeurs only): the groupe labelled « défaut », or else the
 * first one, is the default; none is closed, none has a contact or a rule.
 */
export function normaliserGroupes(
  groupes: (Partial<GroupeInstructeur> & Pick<GroupeInstructeur, 'id'>)[] = [],
): GroupeInstructeur[] {
  const hasDefault = groupes.some((groupe) => groupe.isDefault);
  const fallback = groupes.find((groupe) => groupe.label === 'défaut') ?? groupes[0];
  return groupes.map((groupe) => ({
    id: groupe.id,
    label: groupe.label ?? '',
    instructeurs: groupe.instructeurs ?? [],
    isDefault: hasDefault ? groupe.isDefault === true : groupe === fallback,
    closed: groupe.closed ?? false,
    contact: groupe.contact ?? null,
    routingRule: groupe.routingRule ?? null,
    routingValues: groupe.routingValues ?? [],
  }));
}
