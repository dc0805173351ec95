import {
  PublicCible,
  ChampType,
  champTypeFromName,
  DeclarativeMode,
  MailKind as ProtoMailKind,
  type PayloadOf,
  Topics,
} from '@demarches/contracts';
import { ChampDescriptor, DEFAULT_GROUPE_LABEL, Demarche } from '../../domain/demarche';
import { MailKind } from '../../domain/mail-templates';

type DemarchePublishedPayload = PayloadOf<typeof Topics.procedure, 'DemarchePublished'>;

function champType(type: string): ChampType {
  const value = champTypeFromName(type);
  // Every type of TYPES_DE_CHAMP has its proto twin; a unit test keeps the two lists in step.
  if (!value) throw new Error(`no proto ChampType for "${type}"`);
  return value;
}

const PROTO_MAIL_KINDS: Record<MailKind, ProtoMailKind> = {
  dossier_depose: ProtoMailKind.DOSSIER_DEPOSE,
  dossier_en_instruction: ProtoMailKind.DOSSIER_EN_INSTRUCTION,
  dossier_accepte: ProtoMailKind.DOSSIER_ACCEPTE,
  dossier_refuse: ProtoMailKind.DOSSIER_REFUSE,
  dossier_sans_suite: ProtoMailKind.DOSSIER_SANS_SUITE,
  dossier_repasse_en_instruction: ProtoMailKind.DOSSIER_REPASSE_EN_INSTRUCTION,
};

export function protoMailKind(kind: MailKind): ProtoMailKind {
  return PROTO_MAIL_KINDS[kind];
}

function toProtoChamp(champ: ChampDescriptor) {
  return { ...champ, type: champType(champ.type), children: [], settingsJson: '' };
}

/**
 * The complete snapshot of the published revision: consumers (dossier, instruction, export…) build their own
 * view from it and never call form-builder back.
 */
export function demarchePublishedPayload(demarche: Demarche): DemarchePublishedPayload {
  return {
    demarcheId: demarche.id,
    number: demarche.number,
    title: demarche.title,
    slug: demarche.slug ?? '',
    description: demarche.description,
    revisionId: demarche.revisionId,
    champs: demarche.champs.map(toProtoChamp),
    annotations: demarche.annotations.map(toProtoChamp),
    groupesInstructeurs: demarche.groupesInstructeurs.map((groupe) => ({
      id: groupe.id,
      label: groupe.label,
      instructeurEmails: groupe.instructeurs,
      routingValues: [],
      closed: false,
      isDefault: groupe.label === DEFAULT_GROUPE_LABEL,
    })),
    routingChampId: undefined,
    administrateurEmails: demarche.administrateurs,
    declarativeMode: DeclarativeMode.UNSPECIFIED,
    dateLimite: undefined,
    publishedAt: demarche.publishedAt ?? undefined,
    version: demarche.version + 1,
    // Only customised templates travel; consumers fall back to their defaults for the other kinds.
    mailTemplates: demarche.mailTemplates.map((template) => ({
      kind: protoMailKind(template.kind),
      subject: template.subject,
      body: template.body,
    })),
    publicCible: PublicCible.PARTICULIER,
    dureeConservationMois: 12,
    service: undefined,
    attestation: undefined,
    enTest: false,
    cadreJuridiqueUrl: '',
    webhookUrl: undefined,
    revisionNumber: 1,
  };
}
