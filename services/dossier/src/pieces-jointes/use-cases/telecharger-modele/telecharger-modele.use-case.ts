import { InjectConfig } from '@demarches/platform-config';
import type { PresignedRequest } from '@demarches/platform-storage';
import { Injectable } from '@nestjs/common';
import type { DossierConfig } from '../../../config';
import { DossierErrorCode, DossierException } from '../../../dossier.exception';
import { DossierRepository } from '../../../persistence/dossier.repository';
import { RevisionRepository } from '../../../persistence/revision.repository';
import { loadRevision } from '../../../use-cases/load';
import { extensionOf } from '../../domain/formats';
import { Fichiers } from '../../storage/fichiers';
import { Appelant, loadDossierVisible } from '../acces';

/**
 * The modèle an administrateur attached to a pièce justificative (e.g. a form to print, fill and scan), by the key
 * the published snapshot carries (ChampDescriptor.modele_file_key), from the platform bucket form-builder writes to.
 */
@Injectable()
export class TelechargerModeleUseCase {
  constructor(
    private readonly dossiers: DossierRepository,
    private readonly revisions: RevisionRepository,
    private readonly fichiers: Fichiers,
    @InjectConfig() private readonly config: Pick<DossierConfig, 'PIECE_JOINTE_URL_TTL_S'>,
  ) {}

  async execute(dossierId: string, champId: string, who: Appelant): Promise<PresignedRequest> {
    const dossier = await loadDossierVisible(this.dossiers, dossierId, who);
    const revision = await loadRevision(this.revisions, dossier.demarcheId);
    const champ = revision.champs.find((candidate) => candidate.id === champId);
    const key = champ?.modeleFileKey;
    if (!champ || !key) {
      throw new DossierException(
        DossierErrorCode.MODELE_NOT_FOUND,
        'not_found',
        "Ce champ n'a pas de modèle à télécharger.",
        { champId },
      );
    }
    const extension = extensionOf(key);
    return this.fichiers.presignGet(key, {
      filename: `Modèle - ${champ.label}${extension ? `.${extension}` : ''}`,
      expiresIn: this.config.PIECE_JOINTE_URL_TTL_S,
    });
  }
}
