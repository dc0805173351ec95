import { ChampType, champTypeFromName, DeclarativeMode, type PayloadOf, Topics } from '@demarches/contracts';
import { ChampDescriptor, Demarche } from '../../domain/demarche';

type DemarchePublishedPayload = PayloadOf<typeof Topics.procedure, 'DemarchePublished'>;

function champType(type: string): ChampType {
  const value = champTypeFromName(type);
  // Every type of TYPES_DE_CHAMP has its proto twin; a unit test keeps the two lists in step.
  if (!value) throw new Error(`no proto ChampType for "${type}"`);
  return value;
}

function toProtoChamp(champ: ChampDescriptor) {
  return { ...champ, type: champType(champ.type), children: [] };
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
    })),
    routingChampId: undefined,
    administrateurEmails: demarche.administrateurs,
    declarativeMode: DeclarativeMode.UNSPECIFIED,
    dateLimite: undefined,
    publishedAt: demarche.publishedAt ?? undefined,
    version: demarche.version + 1,
  };
}
