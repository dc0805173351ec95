import type { MailKind, MailTemplateText } from './mail-templates';

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
 * Default French templates, one per automatic e-mail, shown to administrateurs as the starting point of their own
 * (features.md: initiated/received/closed/refused/without_continuation/re_instructed mails, subject + body, balises).
 * The same wording is notification's fallback (services/notification/src/mail/default-templates.ts): the two
 * services cannot share a hand-written module (contracts holds generated code and catalogues only), so a change
 * here must be made there too.
 */
export const DEFAULT_MAIL_TEMPLATES: Record<MailKind, MailTemplateText> = {
  dossier_depose: {
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
  dossier_en_instruction: {
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
  dossier_accepte: {
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
  dossier_refuse: {
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
  dossier_sans_suite: {
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
  dossier_repasse_en_instruction: {
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
