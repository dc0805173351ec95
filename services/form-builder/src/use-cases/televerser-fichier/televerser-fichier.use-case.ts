import { Injectable } from '@nestjs/common';
import { Demarche } from '../../domain/demarche';
import {
  avecFichier,
  fichierOf,
  FichierKind,
  nouvelleCleFichier,
  validerTeleversement,
  verifierFichier,
} from '../../domain/fichiers';
import { DemarcheErrorCode, DemarcheException } from '../../demarche.exception';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { DemarcheFiles } from '../../storage/demarche-files';
import { loadOwnDemarche } from '../load-demarche';
import { supprimerObjetsAbandonnes } from './objets-abandonnes';
import { ModifierDescriptionUseCase } from '../modifier-description/modifier-description.use-case';

/** Enough bytes to recognise PNG, JPEG, PDF and ZIP (ODT, DOCX) signatures. */
const MAGIC_BYTES = 16;

/**
 * Logo, notice and cadre juridique document: the browser uploads straight to S3 through a presigned PUT bound to
 * the announced type and size, then asks for confirmation; the confirmation checks the stored object (size, magic
 * bytes) before the démarche points at it. Once the démarche is saved, the object replaced or removed is deleted,
 * unless another démarche (a clone) still points at it.
 */
@Injectable()
export class TeleverserFichierUseCase {
  constructor(
    private readonly repository: DemarcheRepository,
    private readonly files: DemarcheFiles,
    private readonly description: ModifierDescriptionUseCase,
  ) {}

  async preparer(
    administrateur: string,
    demarcheId: string,
    kind: FichierKind,
    input: { contentType: string; size: number },
  ) {
    await loadOwnDemarche(this.repository, demarcheId, administrateur);
    validerTeleversement(kind, input);
    const key = nouvelleCleFichier(demarcheId, kind);
    return { key, upload: await this.files.presignUpload(key, input.contentType, input.size) };
  }

  async confirmer(
    administrateur: string,
    demarcheId: string,
    kind: FichierKind,
    input: { key: string; filename: string; contentType: string },
  ): Promise<Demarche> {
    await loadOwnDemarche(this.repository, demarcheId, administrateur);
    const stored = await this.files.inspect(input.key, MAGIC_BYTES);
    if (!stored) {
      throw new DemarcheException(
        DemarcheErrorCode.FICHIER_INVALID,
        'invalid',
        "Le fichier n'a pas été reçu : téléversez-le avant de confirmer.",
        { kind, key: input.key },
      );
    }
    const fichier = verifierFichier(demarcheId, kind, { ...input, ...stored });
    return this.changer(administrateur, demarcheId, (demarche) => avecFichier(demarche, kind, fichier));
  }

  retirer(administrateur: string, demarcheId: string, kind: FichierKind): Promise<Demarche> {
    return this.changer(administrateur, demarcheId, (demarche) =>
      fichierOf(demarche, kind) ? avecFichier(demarche, kind, null) : demarche,
    );
  }

  /** Saves the change, then deletes the object it left behind (never before: a failed save keeps the file). */
  private async changer(
    administrateur: string,
    demarcheId: string,
    edit: (demarche: Demarche) => Demarche,
  ): Promise<Demarche> {
    let avant: Demarche | undefined;
    const apres = await this.description.apply(administrateur, demarcheId, (demarche) => {
      avant = demarche;
      return edit(demarche);
    });
    if (avant && avant !== apres) await supprimerObjetsAbandonnes(this.repository, this.files, avant, apres);
    return apres;
  }

  async lien(administrateur: string, demarcheId: string, kind: FichierKind): Promise<{ url: string }> {
    const demarche = await loadOwnDemarche(this.repository, demarcheId, administrateur);
    const fichier = fichierOf(demarche, kind);
    if (!fichier) {
      throw new DemarcheException(
        DemarcheErrorCode.FICHIER_INVALID,
        'not_found',
        "Ce fichier n'existe pas.",
        {
          kind,
        },
      );
    }
    return { url: await this.files.downloadUrl(fichier.key, fichier.filename, fichier.contentType) };
  }
}
