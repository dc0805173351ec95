import {
  API_TOKEN_EXPIRATION_MAIL_TEMPLATE,
  BROUILLON_EXPIRATION_MAIL_TEMPLATE,
  COPIE_DEMARCHE_MAIL_TEMPLATE,
  DEFAULT_MAIL_TEMPLATES,
  INVITATION_DOSSIER_TEMPLATE,
} from '@demarches/mail-templates';
import { EmailTemplate } from './balise-renderer';
import { EmailKind } from './email-kind';

/**
 * The e-mail sent when the démarche has no customised template for a kind: the shared default wording, which
 * form-builder also shows administrateurs as the starting point of their own. EmailKind values are the shared kind
 * names, so each entry is looked up by the same string.
 */
export const DEFAULT_TEMPLATES: Readonly<Record<EmailKind, EmailTemplate>> = {
  [EmailKind.AccuseReception]: DEFAULT_MAIL_TEMPLATES.dossier_depose,
  [EmailKind.PassageEnInstruction]: DEFAULT_MAIL_TEMPLATES.dossier_en_instruction,
  [EmailKind.Acceptation]: DEFAULT_MAIL_TEMPLATES.dossier_accepte,
  [EmailKind.Refus]: DEFAULT_MAIL_TEMPLATES.dossier_refuse,
  [EmailKind.ClassementSansSuite]: DEFAULT_MAIL_TEMPLATES.dossier_sans_suite,
  [EmailKind.RepasseEnInstruction]: DEFAULT_MAIL_TEMPLATES.dossier_repasse_en_instruction,
  [EmailKind.InvitationDossier]: INVITATION_DOSSIER_TEMPLATE,
  [EmailKind.ExpirationBrouillon]: BROUILLON_EXPIRATION_MAIL_TEMPLATE,
  [EmailKind.ExpirationJetonApi]: API_TOKEN_EXPIRATION_MAIL_TEMPLATE,
  [EmailKind.CopieDemarche]: COPIE_DEMARCHE_MAIL_TEMPLATE,
};
