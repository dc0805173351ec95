import { Injectable } from '@nestjs/common';
import { fichierPublic, FichierKind } from '../../domain/fichiers';
import { DemarcheException } from '../../demarche.exception';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { DemarcheFiles } from '../../storage/demarche-files';

/**
 * The public download of a démarche's logo, notice or cadre juridique document: a short-lived presigned GET of the
 * current object, for anyone when the démarche is published, for its administrateurs otherwise (en test…). The
 * link names the file by its kind, so it stays valid when the administrateur replaces the file.
 */
@Injectable()
export class TelechargerFichierUseCase {
  constructor(
    private readonly repository: DemarcheRepository,
    private readonly files: DemarcheFiles,
  ) {}

  async execute(demarcheId: string, kind: FichierKind, viewer: string | undefined): Promise<{ url: string }> {
    const demarche = await this.repository.load(demarcheId);
    if (!demarche) throw DemarcheException.notFound(demarcheId);
    const fichier = fichierPublic(demarche, kind, viewer);
    return { url: await this.files.downloadUrl(fichier.key, fichier.filename, fichier.contentType) };
  }
}
