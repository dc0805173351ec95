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
 * The automatic e-mails an usager receives, by the names the API and the `template` field of EmailDelivered use
 * (features.md: initiated/received/closed/refused/without_continuation/re_instructed mails).
 */
export const MAIL_KINDS = [
  'dossier_depose',
  'dossier_en_instruction',
  'dossier_accepte',
  'dossier_refuse',
  'dossier_sans_suite',
  'dossier_repasse_en_instruction',
] as const;

export type MailKindName = (typeof MAIL_KINDS)[number];

export interface MailTemplateText {
  subject: string;
  body: string;
}

/**
 * Default French templates, one per automatic e-mail, with balises. form-builder shows them to administrateurs as
 * the starting point of their own; notification sends them when a démarche has no customised template for a kind.
 * One wording, in one place, for both.
 */
export const DEFAULT_MAIL_TEMPLATES: Readonly<Record<MailKindName, MailTemplateText>> = {
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
