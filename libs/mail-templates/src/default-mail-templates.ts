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

/**
 * The invitation a co-author (« invité ») receives when an usager invites them on a dossier (co-construction).
 * Not customisable by administrateurs (not a MailKindName). `--auteur de l'invitation--` is the inviting usager's
 * e-mail; the usager's own message, when given, follows the body.
 */
export const INVITATION_DOSSIER_TEMPLATE: MailTemplateText = {
  subject: 'Vous êtes invité à compléter le dossier nº --numéro du dossier--',
  body: lines(
    'Bonjour,',
    '',
    "--auteur de l'invitation-- vous invite à consulter et à compléter son dossier nº --numéro du dossier-- sur Démarches.",
    "Connectez-vous avec cette adresse e-mail pour y accéder. Vous pourrez le modifier, mais seul l'usager à l'origine du dossier pourra le déposer.",
    '',
    'Accéder au dossier : --lien dossier--',
    '',
    SIGNATURE,
  ),
};

/**
 * RGPD notice sent one month before a brouillon reaches the end of its durée de conservation (dossier's
 * DossierExpirationNotified). A platform e-mail, not one of the customisable kinds above; `--date de suppression--`
 * is the day the brouillon will be deleted.
 */
export const BROUILLON_EXPIRATION_MAIL_TEMPLATE: MailTemplateText = {
  subject: 'Votre brouillon nº --numéro du dossier-- sera bientôt supprimé (--libellé démarche--)',
  body: lines(
    'Bonjour,',
    '',
    'Votre dossier nº --numéro du dossier-- pour la démarche « --libellé démarche-- » est toujours un brouillon.',
    "Conformément à la durée de conservation des données fixée par l'administration, il sera supprimé le --date de suppression-- s'il n'est ni modifié ni déposé d'ici là.",
    '',
    'Pour le conserver, complétez-le et déposez-le : --lien dossier--',
    '',
    SIGNATURE,
  ),
};

/**
 * Notice to an administrateur that one of her API tokens expires soon (a month, a week and a day before; ADR 0018).
 * A platform e-mail, not one of the customisable kinds above. `--nom du jeton--` is the name she gave the token,
 * `--date d'expiration--` the day it stops working, `--lien jetons--` the page of her API tokens.
 */
export const API_TOKEN_EXPIRATION_MAIL_TEMPLATE: MailTemplateText = {
  subject: "Votre jeton d'API « --nom du jeton-- » expire le --date d'expiration--",
  body: lines(
    'Bonjour,',
    '',
    "Votre jeton d'API « --nom du jeton-- » expire le --date d'expiration--. Passé cette date, les appels à l'API faits avec ce jeton seront refusés.",
    "Si ce jeton sert encore, créez-en un nouveau depuis votre profil d'administrateur, remplacez-le dans les outils qui l'utilisent, puis révoquez l'ancien : --lien jetons--",
    '',
    'Bonne journée,',
    '',
    "L'équipe Démarches",
    '',
    'Cet e-mail a été envoyé automatiquement, merci de ne pas y répondre.',
  ),
};

/**
 * The e-mail an administrateur receives when a colleague sends her a copy of a démarche (« Envoyer une copie »,
 * DemarcheCreated.sent_by_email). A platform e-mail, not one of the customisable kinds above.
 * `--expéditeur de la copie--` is the colleague's e-mail, `--lien démarche--` the copy in her démarches en test.
 */
export const COPIE_DEMARCHE_MAIL_TEMPLATE: MailTemplateText = {
  subject: '--expéditeur de la copie-- vous a envoyé une copie de la démarche « --libellé démarche-- »',
  body: lines(
    'Bonjour,',
    '',
    '--expéditeur de la copie-- vous a envoyé une copie de la démarche « --libellé démarche-- ».',
    'Elle figure désormais parmi vos démarches en test : vous pouvez la modifier, la tester puis la publier.',
    '',
    'Ouvrir la copie : --lien démarche--',
    '',
    'Bonne journée,',
    '',
    "L'équipe Démarches",
    '',
    'Cet e-mail a été envoyé automatiquement, merci de ne pas y répondre.',
  ),
};
