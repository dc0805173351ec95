import {
  DEFAULT_MAIL_TEMPLATES,
  MAIL_KINDS,
  type MailKindName,
  type MailTemplateText,
} from '@demarches/mail-templates';
import { DemarcheErrorCode, DemarcheException } from '../demarche.exception';
import { ChampDescriptor, Demarche } from './demarche';
import { TYPES_SANS_VALEUR } from './type-de-champ';

export { MAIL_KINDS, type MailTemplateText };
/** The automatic e-mails an usager receives, each customisable per démarche (@demarches/mail-templates). */
export type MailKind = MailKindName;

/** A template the administrateurs customised; a kind without one uses the default. */
export interface MailTemplate extends MailTemplateText {
  kind: MailKind;
}

export interface MailView extends MailTemplate {
  custom: boolean;
}

/** Built-in balises (seed, "Personnaliser les e-mails"; reference tags_substitution_concern.rb). */
export const BALISES_INTEGREES = [
  'numéro du dossier',
  'libellé démarche',
  'motivation',
  'lien dossier',
  'date de dépôt',
  'date de passage en instruction',
  'date de décision',
  'lien attestation',
] as const;

export const SUBJECT_MAX_LENGTH = 250;
export const BODY_MAX_LENGTH = 10_000;

/**
 * A balise is `--libellé--`: it starts and ends with neither a blank nor a dash and holds no `--` nor line break, so
 * a dash in a label (« Nom-prénom ») is fine and a stray `--` in prose does not swallow the next balise.
 * notification renders with the same pattern (services/notification/src/mail/balise-renderer.ts): keep them in step.
 */
const BALISE_PATTERN = /--([^\s-](?:(?:(?!--)[^\n])*[^\s-])?)--/g;

export function balisesOf(text: string): string[] {
  return [...text.matchAll(BALISE_PATTERN)].map((match) => match[1]);
}

const avecValeur = (champs: ChampDescriptor[]) =>
  champs.filter((champ) => !TYPES_SANS_VALEUR.has(champ.type)).map((champ) => champ.label);

/**
 * Every balise a template of this démarche may use: the built-ins, then one per champ and per annotation privée
 * (seed: « pour chaque champ dans votre formulaire usager ou dans vos annotations privées, une balise existe »).
 * Titles de section and explications hold no value, so they have no balise.
 */
export function balisesDisponibles(demarche: Demarche): string[] {
  return [
    ...new Set([...BALISES_INTEGREES, ...avecValeur(demarche.champs), ...avecValeur(demarche.annotations)]),
  ];
}

export function balisesInconnues(demarche: Demarche, template: MailTemplateText): string[] {
  const connues = new Set(balisesDisponibles(demarche));
  const used = [...balisesOf(template.subject), ...balisesOf(template.body)];
  return [...new Set(used.filter((balise) => !connues.has(balise)))];
}

export function assertMailKind(kind: string): MailKind {
  if (!(MAIL_KINDS as readonly string[]).includes(kind)) {
    throw new DemarcheException(
      DemarcheErrorCode.MAIL_KIND_NOT_FOUND,
      'not_found',
      `Ce modèle d'e-mail n'existe pas ; modèles possibles : ${MAIL_KINDS.join(', ')}.`,
      { kind },
    );
  }
  return kind as MailKind;
}

/** Refuses a template with every problem listed: lengths, and each balise the démarche does not offer. */
export function validerMailTemplate(
  demarche: Demarche,
  kind: MailKind,
  input: MailTemplateText,
): MailTemplate {
  const subject = input.subject.trim();
  const body = input.body.replace(/\r\n?/g, '\n').trim();
  const problemes: string[] = [];
  if (subject === '') problemes.push("l'objet est obligatoire");
  if (subject.length > SUBJECT_MAX_LENGTH) problemes.push(`l'objet dépasse ${SUBJECT_MAX_LENGTH} caractères`);
  if (body === '') problemes.push('le corps du message est obligatoire');
  if (body.length > BODY_MAX_LENGTH)
    problemes.push(`le corps du message dépasse ${BODY_MAX_LENGTH} caractères`);
  const inconnues = balisesInconnues(demarche, { subject, body });
  if (inconnues.length > 0) {
    problemes.push(`balises inconnues : ${inconnues.map((balise) => `--${balise}--`).join(', ')}`);
  }
  if (problemes.length > 0) {
    throw new DemarcheException(
      DemarcheErrorCode.MAIL_TEMPLATE_INVALID,
      'invalid',
      `Le modèle d'e-mail est invalide : ${problemes.join(' ; ')}.`,
      { kind, problemes, balisesInconnues: inconnues },
    );
  }
  return { kind, subject, body };
}

function trier(templates: MailTemplate[]): MailTemplate[] {
  return [...templates].sort((a, b) => MAIL_KINDS.indexOf(a.kind) - MAIL_KINDS.indexOf(b.kind));
}

/** What the administrateur sees for each kind: her template, or the default one. */
export function mailView(demarche: Demarche, kind: MailKind): MailView {
  const custom = demarche.mailTemplates.find((template) => template.kind === kind);
  return custom ? { ...custom, custom: true } : { kind, ...DEFAULT_MAIL_TEMPLATES[kind], custom: false };
}

export function mailViews(demarche: Demarche): MailView[] {
  return MAIL_KINDS.map((kind) => mailView(demarche, kind));
}

/**
 * Templates stay editable after publication (the reference allows it): they are not part of the frozen form.
 * `changed` is false when nothing needs saving (resetting a template that was not customised).
 */
export interface MailEdition {
  demarche: Demarche;
  result: MailView;
  changed: boolean;
}

export function personnaliserMail(demarche: Demarche, kind: MailKind, input: MailTemplateText): MailEdition {
  const template = validerMailTemplate(demarche, kind, input);
  const autres = demarche.mailTemplates.filter((existing) => existing.kind !== kind);
  return {
    demarche: { ...demarche, mailTemplates: trier([...autres, template]) },
    result: { ...template, custom: true },
    changed: true,
  };
}

export function reinitialiserMail(demarche: Demarche, kind: MailKind): MailEdition {
  const autres = demarche.mailTemplates.filter((existing) => existing.kind !== kind);
  const edited = { ...demarche, mailTemplates: autres };
  return {
    demarche: edited,
    result: mailView(edited, kind),
    changed: autres.length !== demarche.mailTemplates.length,
  };
}

/** Customised templates whose balises no longer exist (a champ renamed or deleted since): they block publication. */
export function templatesInvalides(demarche: Demarche): { kind: MailKind; balisesInconnues: string[] }[] {
  return demarche.mailTemplates
    .map((template) => ({ kind: template.kind, balisesInconnues: balisesInconnues(demarche, template) }))
    .filter((result) => result.balisesInconnues.length > 0);
}
