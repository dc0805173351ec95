import {
  PublicCible,
  ChampType,
  champTypeFromName,
  DeclarativeMode,
  DemarcheFileKind,
  MailKind as ProtoMailKind,
  type PayloadOf,
  Topics,
} from '@demarches/contracts';
import {
  ChampDescriptor,
  Demarche,
  ModeDeclaratif,
  PublicCible as DomainPublicCible,
} from '../../domain/demarche';
import { FichierKind, fichiersPresents } from '../../domain/fichiers';
import { MailKind } from '../../domain/mail-templates';
import { toProtoAttestation, toProtoCondition, toProtoGroupe } from './routage.mapper';

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

const PROTO_DECLARATIVE_MODES: Record<ModeDeclaratif, DeclarativeMode> = {
  aucun: DeclarativeMode.UNSPECIFIED,
  en_instruction: DeclarativeMode.EN_INSTRUCTION,
  accepte: DeclarativeMode.ACCEPTE,
};

const PROTO_PUBLICS: Record<DomainPublicCible, PublicCible> = {
  particulier: PublicCible.PARTICULIER,
  personne_morale: PublicCible.PERSONNE_MORALE,
};

/**
 * The revision a snapshot carries: the frozen published one, or the draft for a "test" snapshot (en_test) that
 * lets the dossier service create test dossiers on a démarche en test. Démarches published before revisions were
 * kept apart have their champs as published revision.
 */
function revisionOf(demarche: Demarche, enTest: boolean) {
  if (enTest || !demarche.revisionPubliee) {
    return {
      id: demarche.revisionId,
      number: Math.max(demarche.revisionNumber, enTest ? 0 : 1),
      champs: demarche.champs,
      annotations: demarche.annotations,
    };
  }
  return demarche.revisionPubliee;
}

type ProtoChamp = DemarchePublishedPayload['champs'][number];

const PROTO_FILE_KINDS: Record<FichierKind, DemarcheFileKind> = {
  logo: DemarcheFileKind.LOGO,
  notice: DemarcheFileKind.NOTICE,
  cadre_juridique: DemarcheFileKind.CADRE_JURIDIQUE,
};

/** Which files exist, not their S3 keys: usagers download them through form-builder's public route by kind. */
function toProtoFiles(demarche: Demarche): DemarchePublishedPayload['files'] {
  return fichiersPresents(demarche).map(({ kind, fichier }) => ({
    kind: PROTO_FILE_KINDS[kind],
    fileName: fichier.filename,
    contentType: fichier.contentType,
    size: fichier.size,
  }));
}

/** A champ with its bloc répétable's children (one level) and its settings as JSON text ('' = the defaults). */
function toProtoChamp(champ: ChampDescriptor): ProtoChamp {
  const { children, settings, condition, ...rest } = champ;
  return {
    ...rest,
    type: champType(champ.type),
    children: (children ?? []).map(toProtoChamp),
    settingsJson: settings && Object.keys(settings).length > 0 ? JSON.stringify(settings) : '',
    condition: condition ? toProtoCondition(condition) : undefined,
  };
}

/**
 * The complete snapshot of the published revision: consumers (dossier, instruction, export…) build their own
 * view from it and never call form-builder back.
 */
export function demarchePublishedPayload(
  demarche: Demarche,
  options: { enTest?: boolean } = {},
): DemarchePublishedPayload {
  const enTest = options.enTest ?? false;
  const revision = revisionOf(demarche, enTest);
  return {
    demarcheId: demarche.id,
    number: demarche.number,
    title: demarche.title,
    slug: demarche.slug ?? '',
    description: demarche.description,
    revisionId: revision.id,
    champs: revision.champs.map(toProtoChamp),
    annotations: revision.annotations.map(toProtoChamp),
    // Routing by champ is also compiled into each groupe's routingRule: consumers only evaluate rules (ADR 0012).
    groupesInstructeurs: demarche.groupesInstructeurs.map(toProtoGroupe),
    routingChampId: demarche.routingChampId ?? undefined,
    administrateurEmails: demarche.administrateurs,
    declarativeMode: PROTO_DECLARATIVE_MODES[demarche.modeDeclaratif],
    dateLimite: demarche.dateLimiteDepot ?? undefined,
    publishedAt: demarche.publishedAt ?? undefined,
    version: demarche.version + 1,
    // Only customised templates travel; consumers fall back to their defaults for the other kinds.
    mailTemplates: demarche.mailTemplates.map((template) => ({
      kind: protoMailKind(template.kind),
      subject: template.subject,
      body: template.body,
    })),
    publicCible: PROTO_PUBLICS[demarche.publicCible],
    dureeConservationMois: demarche.dureeConservationMois,
    service: demarche.service ?? undefined,
    attestation: toProtoAttestation(demarche.attestation),
    enTest,
    cadreJuridiqueUrl: demarche.cadreJuridique.url ?? '',
    webhookUrl: demarche.webhookUrl ?? undefined,
    revisionNumber: revision.number,
    files: toProtoFiles(demarche),
  };
}
