import { PieceJointe } from '../domain/piece-jointe';

/** The files of dossiers. Their bytes live in S3; only their description is here. */
export abstract class PieceJointeRepository {
  abstract insert(piece: PieceJointe): Promise<void>;
  abstract find(id: string): Promise<PieceJointe | null>;
  abstract findMany(ids: string[]): Promise<PieceJointe[]>;
  abstract ofDossier(dossierId: string): Promise<PieceJointe[]>;
  abstract save(piece: PieceJointe): Promise<void>;
  abstract remove(id: string): Promise<void>;
  /** Uploads still waiting for confirmation since before `before`, and files detached by the usager. */
  abstract orphans(before: Date, limit: number): Promise<PieceJointe[]>;
}
