import {
  ChampValue,
  DossierDeleted,
  DossierDeposited,
  DossierState,
  DossierStateChanged,
  DossierUpdated,
} from '@demarches/contracts';
import { Injectable } from '@nestjs/common';
import { ChampCell, DossierRecord } from '../../domain/dossier-record';
import { DossierRecords } from '../../persistence/ports';

const DECIDED = new Set([DossierState.ACCEPTE, DossierState.REFUSE, DossierState.SANS_SUITE]);

/**
 * Keeps export's projection of deposited dossiers in step with the dossier topic. Brouillons are never exported,
 * so a dossier enters the projection at its dépôt; each event applies only if it is newer than what is stored.
 */
@Injectable()
export class ProjeterDossierUseCase {
  constructor(private readonly records: DossierRecords) {}

  async depose(event: DossierDeposited): Promise<void> {
    const record: DossierRecord = {
      dossierId: event.dossierId,
      number: event.number,
      demarcheId: event.demarcheId,
      groupeInstructeurId: event.groupeInstructeurId,
      state: DossierState.EN_CONSTRUCTION,
      usagerEmail: event.usagerEmail,
      depositedAt: event.depositedAt ?? null,
      enInstructionAt: null,
      decidedAt: null,
      motivation: null,
      champs: cells(event.champs),
      version: event.version,
    };
    await this.records.upsert(record);
  }

  async etatChange(event: DossierStateChanged): Promise<void> {
    const changes: Partial<DossierRecord> = {
      state: event.to,
      groupeInstructeurId: event.groupeInstructeurId,
    };
    const at = event.at ?? null;
    if (event.to === DossierState.EN_INSTRUCTION) changes.enInstructionAt = at;
    // Repasser en instruction/construction undoes a decision: its date and motivation no longer apply.
    changes.decidedAt = DECIDED.has(event.to) ? at : null;
    changes.motivation = DECIDED.has(event.to) ? (event.motivation ?? null) : null;
    await this.records.update(event.dossierId, event.version, changes);
  }

  async modifie(event: DossierUpdated): Promise<void> {
    // Only edits after the dépôt matter (en construction); a brouillon is not in the projection anyway.
    if (event.state === DossierState.BROUILLON) return;
    await this.records.update(event.dossierId, event.version, { champs: cells(event.champs) });
  }

  async supprime(event: DossierDeleted): Promise<void> {
    await this.records.remove(event.dossierId);
  }
}

function cells(champs: ChampValue[]): ChampCell[] {
  return champs.map((c) => ({ champId: c.champId, label: c.label, value: c.value }));
}
