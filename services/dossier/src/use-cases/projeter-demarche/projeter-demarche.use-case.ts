import {
  champTypeName,
  DeclarativeMode,
  DemarcheFileKind,
  type PayloadOf,
  PublicCible,
  Topics,
} from '@demarches/contracts';
import { Injectable } from '@nestjs/common';
import { ChampDescriptor, FichierDemarche, ModeDeclaratif, RevisionPubliee } from '../../domain/revision';
import { RevisionRepository } from '../../persistence/revision.repository';
import { SupprimerDossiersTestUseCase } from '../supprimer-dossiers-test/supprimer-dossiers-test.use-case';
import { clotureDuDepot } from '../../echeances/domain/date-limite';
import { conditionFromProto } from './condition-from-proto';
import { ReaffecterDossiersUseCase } from '../reaffecter-dossiers/reaffecter-dossiers.use-case';

type Published = PayloadOf<typeof Topics.procedure, 'DemarchePublished'>;
type Closed = PayloadOf<typeof Topics.procedure, 'DemarcheClosed'>;
type Unpublished = PayloadOf<typeof Topics.procedure, 'DemarcheUnpublished'>;
type Reopened = PayloadOf<typeof Topics.procedure, 'DemarcheReopened'>;
type Deleted = PayloadOf<typeof Topics.procedure, 'DemarcheDeleted'>;

function declaratif(mode: DeclarativeMode): ModeDeclaratif {
  if (mode === DeclarativeMode.EN_INSTRUCTION) return 'en_instruction';
  if (mode === DeclarativeMode.ACCEPTE) return 'accepte';
  return null;
}

type ProtoChamp = Published['champs'][number];

/** Settings travel as JSON text; anything unreadable counts as no settings (the champ's defaults apply). */
function settingsFromJson(json: string): Record<string, unknown> | undefined {
  if (!json) return undefined;
  try {
    const parsed: unknown = JSON.parse(json);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? (parsed as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** A published champ with its bloc's children, its display condition and its settings (ADR 0013). */
function champFromProto(champ: ProtoChamp): ChampDescriptor {
  const settings = settingsFromJson(champ.settingsJson);
  const condition = conditionFromProto(champ.condition);
  return {
    id: champ.id,
    type: champTypeName(champ.type),
    label: champ.label,
    description: champ.description,
    mandatory: champ.mandatory,
    options: champ.options,
    modeleFileKey: champ.modeleFileKey ?? null,
    ...(champ.children.length > 0 ? { children: champ.children.map(champFromProto) } : {}),
    ...(condition ? { condition } : {}),
    ...(settings ? { settings } : {}),
  };
}

const FILE_KINDS: Partial<Record<DemarcheFileKind, FichierDemarche['kind']>> = {
  [DemarcheFileKind.LOGO]: 'logo',
  [DemarcheFileKind.NOTICE]: 'notice',
  [DemarcheFileKind.CADRE_JURIDIQUE]: 'cadre_juridique',
};

/** The files the démarche has; a kind this version does not know is left out. */
function fichiersFromEvent(event: Published): FichierDemarche[] {
  return (event.files ?? []).flatMap((file) => {
    const kind = FILE_KINDS[file.kind];
    return kind
      ? [{ kind, fileName: file.fileName, contentType: file.contentType, size: Number(file.size) }]
      : [];
  });
}

export function revisionFromEvent(event: Published): RevisionPubliee {
  const groupes = event.groupesInstructeurs.map((groupe) => ({
    id: groupe.id,
    label: groupe.label,
    routingValues: groupe.routingValues,
    routingRule: conditionFromProto(groupe.routingRule),
    closed: groupe.closed,
    isDefault: groupe.isDefault,
    instructeurEmails: groupe.instructeurEmails.map((email) => email.trim().toLowerCase()),
  }));
  const defaut = groupes.find((groupe) => groupe.isDefault) ?? groupes[0];
  return {
    demarcheId: event.demarcheId,
    demarcheNumber: event.number,
    title: event.title,
    slug: event.slug,
    revisionId: event.revisionId,
    state: 'publiee',
    champs: event.champs.map(champFromProto),
    groupeInstructeurDefautId: defaut?.id ?? '',
    publicCible: event.publicCible === PublicCible.PERSONNE_MORALE ? 'personne_morale' : 'particulier',
    enTest: event.enTest,
    administrateurEmails: event.administrateurEmails.map((email) => email.toLowerCase()),
    declarativeMode: declaratif(event.declarativeMode),
    // Stored as the closing instant (midnight Paris at the start of the chosen date), which every check compares to.
    dateLimite: event.dateLimite ? clotureDuDepot(event.dateLimite) : null,
    dureeConservationMois: event.dureeConservationMois,
    administration: event.service?.organisme || event.service?.nom || '',
    groupes,
    routingChampId: event.routingChampId ?? null,
    fichiers: fichiersFromEvent(event),
    sourceVersion: event.version,
  };
}

/** Keeps dossier's copy of published revisions in step with form-builder's events. */
@Injectable()
export class ProjeterDemarcheUseCase {
  constructor(
    private readonly revisions: RevisionRepository,
    private readonly dossiersTest: SupprimerDossiersTestUseCase,
    private readonly reaffecter: ReaffecterDossiersUseCase,
  ) {}

  async published(event: Published): Promise<void> {
    const revision = revisionFromEvent(event);
    await this.revisions.upsertIfNewer(revision);
    const current = await this.revisions.findByDemarcheId(event.demarcheId);
    // Only the newest snapshot decides which groupes exist (an older one replayed must not move dossiers back).
    if (current && current.sourceVersion === revision.sourceVersion) await this.reaffecter.execute(current);
    // Really published (not a test snapshot): the test dossiers started while the démarche was en test go away.
    // Idempotent: a replayed snapshot finds none left.
    if (!event.enTest && current && !current.enTest) await this.dossiersTest.execute(event.demarcheId);
  }

  closed(event: Closed): Promise<void> {
    return this.revisions.markClosed(event.demarcheId, event.version);
  }

  unpublished(event: Unpublished): Promise<void> {
    return this.revisions.markState(event.demarcheId, 'depubliee', event.version);
  }

  reopened(event: Reopened): Promise<void> {
    return this.revisions.markState(event.demarcheId, 'publiee', event.version);
  }

  async deleted(event: Deleted): Promise<void> {
    await this.revisions.markState(event.demarcheId, 'supprimee', event.version);
    await this.dossiersTest.execute(event.demarcheId);
  }
}
