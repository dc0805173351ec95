import { EmailTemplate } from './balise-renderer';
import { EmailKind } from './email-kind';

const SIGNATURE = [
  'Bonne journée,',
  '',
  "L'équipe Démarches",
  '',
  'Cet e-mail a été envoyé automatiquement, merci de ne pas y répondre.',
  'Pour toute question sur votre dossier, utilisez la messagerie du dossier.',
].join('\n');

const lines = (...parts: string[]) => parts.join('\n');

/**
 * Default French templates, one per automatic e-mail, used when the démarche has no customised template for it
 * (features.md: initiated/received/closed/refused/without_continuation/re_instructed mails with subject + body and
 * balises). form-builder owns the templates and shows the same defaults to administrateurs
 * (services/form-builder/src/domain/default-mail-templates.ts): the services cannot share a hand-written module, so
 * a change of wording here must be made there too.
 */
export const DEFAULT_TEMPLATES: Record<EmailKind, EmailTemplate> = {
  [EmailKind.AccuseReception]: {
    subject: 'Votre dossier nº --numéro du dossier-- a bien été déposé (--libellé démarche--)',
    body: lines(
      'Bonjour,',
      '',
      'Votre dossier nº --numéro du dossier-- pour la démarche « --libellé démarche-- » a bien été déposé le --date de dépôt--.',
      "Ceci est votre accusé de réception. Vous pouvez encore modifier votre dossier tant qu'il n'est pas passé en instruction.",
      '',
      'Suivre votre dossier : --lien dossier--',
      '',
      SIGNATURE,
    ),
  },
  [EmailKind.PassageEnInstruction]: {
    subject: "Votre dossier nº --numéro du dossier-- est en cours d'instruction (--libellé démarche--)",
    body: lines(
      'Bonjour,',
      '',
      'Votre dossier nº --numéro du dossier-- pour la démarche « --libellé démarche-- » est passé en instruction.',
      "Il ne peut plus être modifié ; l'administration vous contactera par la messagerie si elle a besoin d'informations.",
      '',
      'Suivre votre dossier : --lien dossier--',
      '',
      SIGNATURE,
    ),
  },
  [EmailKind.Acceptation]: {
    subject: 'Votre dossier nº --numéro du dossier-- a été accepté (--libellé démarche--)',
    body: lines(
      'Bonjour,',
      '',
      'Votre dossier nº --numéro du dossier-- pour la démarche « --libellé démarche-- » a été accepté le --date de décision--.',
      '',
      'Motivation : --motivation--',
      '',
      'Consulter votre dossier : --lien dossier--',
      '',
      SIGNATURE,
    ),
  },
  [EmailKind.Refus]: {
    subject: 'Votre dossier nº --numéro du dossier-- a été refusé (--libellé démarche--)',
    body: lines(
      'Bonjour,',
      '',
      'Votre dossier nº --numéro du dossier-- pour la démarche « --libellé démarche-- » a été refusé le --date de décision--.',
      '',
      'Motif du refus : --motivation--',
      '',
      'Consulter votre dossier : --lien dossier--',
      '',
      SIGNATURE,
    ),
  },
  [EmailKind.ClassementSansSuite]: {
    subject: 'Votre dossier nº --numéro du dossier-- a été classé sans suite (--libellé démarche--)',
    body: lines(
      'Bonjour,',
      '',
      'Votre dossier nº --numéro du dossier-- pour la démarche « --libellé démarche-- » a été classé sans suite le --date de décision--.',
      '',
      'Motif : --motivation--',
      '',
      'Consulter votre dossier : --lien dossier--',
      '',
      SIGNATURE,
    ),
  },
  [EmailKind.RepasseEnInstruction]: {
    subject:
      "Votre dossier nº --numéro du dossier-- est à nouveau en cours d'instruction (--libellé démarche--)",
    body: lines(
      'Bonjour,',
      '',
      'Votre dossier nº --numéro du dossier-- pour la démarche « --libellé démarche-- » est repassé en instruction.',
      "La décision précédente est annulée ; l'administration vous informera de sa nouvelle décision.",
      '',
      'Suivre votre dossier : --lien dossier--',
      '',
      SIGNATURE,
    ),
  },
};
