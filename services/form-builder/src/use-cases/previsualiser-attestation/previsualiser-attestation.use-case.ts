import { renderPdfStream, type RenderOptions } from '@demarches/pdf';
import { ObjectStorage } from '@demarches/platform-storage';
import { Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { attestationOf } from '../../domain/attestation';
import {
  AttestationImages,
  modeleAttestation,
  NUMERO_EXEMPLE,
  valeursExemple,
} from '../../domain/attestation-apercu';
import { DemarcheRepository } from '../../persistence/demarche.repository';
import { Clock } from '../clock';
import { loadOwnDemarche } from '../load-demarche';

async function toBuffer(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream)
    chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

/**
 * The attestation as the usager would receive it, balises filled with sample values, rendered by libs/pdf. Images
 * are read from S3 (confirmed uploads, at most 5 MB each): they are the only bytes that pass through the service.
 */
@Injectable()
export class PrevisualiserAttestationUseCase {
  constructor(
    private readonly repository: DemarcheRepository,
    private readonly storage: ObjectStorage,
    private readonly clock: Clock,
  ) {}

  async execute(
    administrateur: string,
    demarcheId: string,
    options: RenderOptions = {},
  ): Promise<{ filename: string; pdf: Readable }> {
    const demarche = await loadOwnDemarche(this.repository, demarcheId, administrateur);
    const template = attestationOf(demarche);
    const images: AttestationImages = {};
    if (template.logoKey) images.logo = await toBuffer(await this.storage.getObjectStream(template.logoKey));
    if (template.signatureKey) {
      images.signature = await toBuffer(await this.storage.getObjectStream(template.signatureKey));
    }
    const now = this.clock.now();
    const model = modeleAttestation(template, valeursExemple(demarche, now), images, {
      now,
      subject: demarche.title,
      qrCodeValue: `Aperçu de l'attestation du dossier n° ${NUMERO_EXEMPLE} — démarche n° ${demarche.number}`,
    });
    return { filename: `apercu-attestation-${demarche.number}.pdf`, pdf: renderPdfStream(model, options) };
  }
}
