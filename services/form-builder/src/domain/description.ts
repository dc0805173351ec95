import { isValidPhoneNumber } from 'libphonenumber-js';
import { DemarcheErrorCode, DemarcheException } from '../demarche.exception';
import { Demarche, DUREE_CONSERVATION_MAX, ModeDeclaratif, PublicCible, ServiceContact } from './demarche';
import { sanitiserDescription, sanitiserMonAvis } from './html';

/** The description tab: every field optional, null clears an optional one. */
export interface DescriptionChanges {
  title?: string;
  description?: string;
  dureeConservationMois?: number;
  publicCible?: PublicCible;
  dateLimiteDepot?: Date | null;
  modeDeclaratif?: ModeDeclaratif;
  lienDiffusion?: string | null;
  webhookUrl?: string | null;
  monAvis?: string | null;
  cadreJuridiqueTexte?: string;
  cadreJuridiqueUrl?: string | null;
}

export interface Probleme {
  champ: string;
  message: string;
}

function invalide(problemes: Probleme[]): DemarcheException {
  return new DemarcheException(
    DemarcheErrorCode.DESCRIPTION_INVALID,
    'invalid',
    `La description de la démarche est invalide : ${problemes.map((p) => p.message).join(' ; ')}.`,
    { problemes },
  );
}

/** SIRET: 14 digits with a Luhn check digit; La Poste's établissements (SIREN 356000000) sum to a multiple of 5. */
export function siretValide(siret: string): boolean {
  if (!/^\d{14}$/.test(siret)) return false;
  const digits = [...siret].map(Number);
  if (siret.startsWith('356000000')) return digits.reduce((a, b) => a + b, 0) % 5 === 0;
  const sum = digits.reduce((acc, digit, index) => {
    // From the right, every second digit is doubled: with 14 digits these are the even indexes from the left.
    const value = index % 2 === 0 ? digit * 2 : digit;
    return acc + (value > 9 ? value - 9 : value);
  }, 0);
  return sum % 10 === 0;
}

function isLocalHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '127.0.0.1' || hostname === '[::1]';
}

/** The webhook (lien de rappel HTTP) carries dossier data: https only, except to a local receiver in development. */
export function webhookUrlValide(value: string): boolean {
  try {
    const url = new URL(value);
    if (url.username || url.password) return false;
    return url.protocol === 'https:' || (url.protocol === 'http:' && isLocalHost(url.hostname));
  } catch {
    return false;
  }
}

function httpUrlValide(value: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}

/**
 * Applies the description tab. The seed keeps the description editable after publication; the public (particuliers
 * or personnes morales) is fixed at the first publication because the dossiers already filed went through its
 * identity step. The date limite de dépôt must be in the future (the reference's auto_archive_on).
 */
export function modifierDescription(demarche: Demarche, changes: DescriptionChanges, now: Date): Demarche {
  const problemes: Probleme[] = [];
  const next: Demarche = { ...demarche, cadreJuridique: { ...demarche.cadreJuridique } };

  if (changes.title !== undefined) {
    const title = changes.title.trim();
    if (title.length === 0) problemes.push({ champ: 'title', message: 'le titre est obligatoire' });
    next.title = title;
  }
  if (changes.description !== undefined) next.description = sanitiserDescription(changes.description);
  if (changes.dureeConservationMois !== undefined) {
    const mois = changes.dureeConservationMois;
    if (!Number.isInteger(mois) || mois < 1 || mois > DUREE_CONSERVATION_MAX) {
      problemes.push({
        champ: 'dureeConservationMois',
        message: `la durée de conservation est un nombre entier de mois de 1 à ${DUREE_CONSERVATION_MAX}`,
      });
    }
    next.dureeConservationMois = mois;
  }
  if (changes.publicCible !== undefined && changes.publicCible !== demarche.publicCible) {
    if (demarche.revisionNumber > 0) {
      problemes.push({
        champ: 'publicCible',
        message: 'le public de la démarche ne peut plus changer après sa première publication',
      });
    }
    next.publicCible = changes.publicCible;
  }
  if (changes.dateLimiteDepot !== undefined) {
    if (changes.dateLimiteDepot && changes.dateLimiteDepot.getTime() <= now.getTime()) {
      problemes.push({
        champ: 'dateLimiteDepot',
        message: 'la date limite de dépôt doit être dans le futur',
      });
    }
    next.dateLimiteDepot = changes.dateLimiteDepot;
  }
  if (changes.modeDeclaratif !== undefined) next.modeDeclaratif = changes.modeDeclaratif;
  if (changes.lienDiffusion !== undefined) {
    next.lienDiffusion = changes.lienDiffusion?.trim() || null;
  }
  if (changes.webhookUrl !== undefined) {
    const url = changes.webhookUrl?.trim() || null;
    if (url && !webhookUrlValide(url)) {
      problemes.push({
        champ: 'webhookUrl',
        message: "le lien de rappel HTTP doit être une adresse https (http n'est admis que vers localhost)",
      });
    }
    next.webhookUrl = url;
  }
  if (changes.monAvis !== undefined) {
    if (changes.monAvis === null || changes.monAvis.trim() === '') next.monAvis = null;
    else {
      const snippet = sanitiserMonAvis(changes.monAvis);
      if (!snippet) {
        problemes.push({
          champ: 'monAvis',
          message:
            'le code MonAvis doit être celui que génère monavis.numerique.gouv.fr (un lien vers MonAvis)',
        });
      }
      next.monAvis = snippet;
    }
  }
  if (changes.cadreJuridiqueTexte !== undefined)
    next.cadreJuridique.texte = changes.cadreJuridiqueTexte.trim();
  if (changes.cadreJuridiqueUrl !== undefined) {
    const url = changes.cadreJuridiqueUrl?.trim() || null;
    if (url && !httpUrlValide(url)) {
      problemes.push({ champ: 'cadreJuridiqueUrl', message: 'le lien vers le cadre juridique est invalide' });
    }
    next.cadreJuridique.url = url;
  }
  if (problemes.length > 0) throw invalide(problemes);
  return next;
}

/** The service contact shown to usagers; the reference requires a valid SIRET for the service. */
export function definirService(demarche: Demarche, service: ServiceContact): Demarche {
  const clean: ServiceContact = {
    nom: service.nom.trim(),
    organisme: service.organisme.trim(),
    email: service.email.trim().toLowerCase(),
    telephone: service.telephone.trim(),
    horaires: service.horaires.trim(),
    adresse: service.adresse.trim(),
    siret: service.siret.replace(/\s/g, ''),
  };
  const problemes: Probleme[] = [];
  for (const champ of ['nom', 'organisme', 'email', 'telephone', 'horaires', 'adresse'] as const) {
    if (!clean[champ])
      problemes.push({ champ: `service.${champ}`, message: `le ${champ} du service est obligatoire` });
  }
  if (clean.telephone && !isValidPhoneNumber(clean.telephone, 'FR')) {
    problemes.push({ champ: 'service.telephone', message: 'le numéro de téléphone du service est invalide' });
  }
  if (!siretValide(clean.siret)) {
    problemes.push({
      champ: 'service.siret',
      message: 'le SIRET du service doit compter 14 chiffres avec une clé de contrôle valide',
    });
  }
  if (problemes.length > 0) throw invalide(problemes);
  return { ...demarche, service: clean };
}

function normaliserEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Co-administrateurs: as many as wanted (seed, "Soyez plusieurs administrateurs sur une même démarche"). */
export function ajouterAdministrateur(demarche: Demarche, email: string): Demarche {
  const normalized = normaliserEmail(email);
  if (demarche.administrateurs.includes(normalized)) return demarche;
  return { ...demarche, administrateurs: [...demarche.administrateurs, normalized] };
}

/** The last administrateur cannot leave (the reference's check_administrateur_minimal_presence). */
export function retirerAdministrateur(demarche: Demarche, email: string): Demarche {
  const normalized = normaliserEmail(email);
  if (!demarche.administrateurs.includes(normalized)) return demarche;
  if (demarche.administrateurs.length === 1) {
    throw new DemarcheException(
      DemarcheErrorCode.DERNIER_ADMINISTRATEUR,
      'conflict',
      "Le dernier administrateur ne peut pas quitter la démarche : ajoutez d'abord un autre administrateur.",
      { demarcheId: demarche.id },
    );
  }
  return { ...demarche, administrateurs: demarche.administrateurs.filter((a) => a !== normalized) };
}
