import { MongooseModule } from '@nestjs/mongoose';
import { PieceJustificativeCheck } from '../domain/champs/verifications';
import { DossierPdfController } from '../pdf/http/dossier-pdf.controller';
import { GenererPdfDossierUseCase } from '../pdf/use-cases/generer-pdf-dossier/generer-pdf-dossier.use-case';
import { PiecesJointesController } from './http/pieces-jointes.controller';
import { MongoPieceJointeRepository } from './persistence/mongo-piece-jointe.repository';
import { PieceJointeRepository } from './persistence/piece-jointe.repository';
import { PIECE_JOINTE_COLLECTION, PieceJointeSchema } from './persistence/piece-jointe.schema';
import { Fichiers } from './storage/fichiers';
import { S3Fichiers } from './storage/s3-fichiers';
import { ConfirmerEnvoiUseCase } from './use-cases/confirmer-envoi/confirmer-envoi.use-case';
import { DemarrerEnvoiUseCase } from './use-cases/demarrer-envoi/demarrer-envoi.use-case';
import { DetacherFichiersRetiresUseCase } from './use-cases/detacher-fichiers-retires/detacher-fichiers-retires.use-case';
import { PiecesJointesCheck } from './use-cases/pieces-jointes.check';
import { NettoyerEnvoisOrphelinsUseCase } from './use-cases/nettoyer-envois-orphelins/nettoyer-envois-orphelins.use-case';
import { RetirerPieceJointeUseCase } from './use-cases/retirer-piece-jointe/retirer-piece-jointe.use-case';
import { TelechargerModeleUseCase } from './use-cases/telecharger-modele/telecharger-modele.use-case';
import { TelechargerPieceJointeUseCase } from './use-cases/telecharger-piece-jointe/telecharger-piece-jointe.use-case';

/**
 * What AppModule registers for the pièces justificatives and the dossier's PDF, which lists their names (they share
 * its dossier and revision repositories).
 */
export const piecesJointesImports = [
  MongooseModule.forFeature([{ name: PIECE_JOINTE_COLLECTION, schema: PieceJointeSchema }]),
];
export const piecesJointesControllers = [PiecesJointesController, DossierPdfController];
export const piecesJointesProviders = [
  { provide: PieceJointeRepository, useClass: MongoPieceJointeRepository },
  { provide: Fichiers, useClass: S3Fichiers },
  DemarrerEnvoiUseCase,
  ConfirmerEnvoiUseCase,
  RetirerPieceJointeUseCase,
  DetacherFichiersRetiresUseCase,
  TelechargerPieceJointeUseCase,
  TelechargerModeleUseCase,
  NettoyerEnvoisOrphelinsUseCase,
  GenererPdfDossierUseCase,
];
/** Replaces the shape-only check of pièce justificative values (domain/champs/verifications). */
export const pieceJustificativeCheckProvider = {
  provide: PieceJustificativeCheck,
  useClass: PiecesJointesCheck,
};
