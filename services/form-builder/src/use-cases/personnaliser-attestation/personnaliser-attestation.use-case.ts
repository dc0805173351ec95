import { Injectable } from '@nestjs/common';
import { IMAGE_SIGNATURE_LENGTH, imageFormatOf } from '@demarches/pdf';
import {
  AttestationImageKind,
  AttestationTemplate,
  attestationOf,
  definirImage,
  nouvelleCleImage,
  validerTeleversementImage,
  withImage,
} from '../../domain/attestation';
import { Demarche } from '../../domain/demarche';
import { DemarcheErrorCode, DemarcheException } from '../../demarche.exception';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { DemarcheFiles } from '../../storage/demarche-files';
import { demarcheEvents } from '../demarche-events';
import { loadOwnDemarche } from '../load-demarche';
import { supprimerObjetsAbandonnes } from '../televerser-fichier/objets-abandonnes';

/**
 * The attestation template: text (title, body with balises, footer, QR code, enabled) and its two images (logo,
 * signature), uploaded straight to S3 with a presigned PUT then confirmed after a check of the stored bytes.
 * Editable after publication like the e-mail templates: a published démarche sends a fresh snapshot.
 */
@Injectable()
export class PersonnaliserAttestationUseCase {
  constructor(
    private readonly repository: DemarcheRepository,
    private readonly files: DemarcheFiles,
  ) {}

  async consulter(administrateur: string, demarcheId: string): Promise<Demarche> {
    return loadOwnDemarche(this.repository, demarcheId, administrateur);
  }

  async execute(
    administrateur: string,
    demarcheId: string,
    edit: (demarche: Demarche) => Demarche,
  ): Promise<AttestationTemplate> {
    const demarche = await loadOwnDemarche(this.repository, demarcheId, administrateur);
    const edited = edit(demarche);
    const events = edited.state === 'publiee' ? [demarcheEvents.published(edited)] : [];
    const saved = await this.repository.save(edited, events);
    // An image replaced or removed is deleted once the change is saved, never before.
    await supprimerObjetsAbandonnes(this.repository, this.files, demarche, saved);
    return attestationOf(saved);
  }

  async preparerTeleversement(
    administrateur: string,
    demarcheId: string,
    kind: AttestationImageKind,
    input: { contentType: string; size: number },
  ) {
    await loadOwnDemarche(this.repository, demarcheId, administrateur);
    validerTeleversementImage(input);
    const key = nouvelleCleImage(demarcheId, kind);
    return { key, upload: await this.files.presignUpload(key, input.contentType, input.size) };
  }

  /** Confirms an upload: the stored object's size and first bytes decide, not what the browser announced. */
  async confirmerImage(
    administrateur: string,
    demarcheId: string,
    kind: AttestationImageKind,
    input: { key: string; contentType: string },
  ): Promise<AttestationTemplate> {
    const stored = await this.files.inspect(input.key, IMAGE_SIGNATURE_LENGTH);
    if (!stored) {
      throw new DemarcheException(
        DemarcheErrorCode.ATTESTATION_INVALID,
        'invalid',
        "Aucune image n'a été téléversée sous cette clé : téléversez-la avant de la confirmer.",
        { kind, key: input.key },
      );
    }
    return this.execute(administrateur, demarcheId, (demarche) =>
      definirImage(demarche, kind, {
        key: input.key,
        size: stored.size,
        contentType: input.contentType,
        format: imageFormatOf(stored.head),
      }),
    );
  }

  supprimerImage(administrateur: string, demarcheId: string, kind: AttestationImageKind) {
    return this.execute(administrateur, demarcheId, (demarche) => withImage(demarche, kind, null));
  }
}
