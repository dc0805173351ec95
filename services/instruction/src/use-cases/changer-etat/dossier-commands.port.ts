import { EtatDossier } from '../../domain/dossier-instruction';

export type ActionInstructeur =
  | 'passer_en_instruction'
  | 'repasser_en_construction'
  | 'accepter'
  | 'refuser'
  | 'classer_sans_suite'
  | 'repasser_en_instruction';

export interface ChangerEtatRequest {
  dossierId: string;
  action: ActionInstructeur;
  instructeurEmail: string;
  instructeurSub: string;
  motivation?: string;
}

/**
 * What instruction may ask of dossier, the only writer of dossier state. Implemented over Kafka request-reply;
 * a refusal comes back as a DomainError carrying dossier's code and message.
 */
export abstract class DossierCommands {
  abstract changerEtat(request: ChangerEtatRequest): Promise<{ state: EtatDossier; version: number }>;
}
