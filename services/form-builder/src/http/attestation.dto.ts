import { z } from 'zod';
import { ATTESTATION_IMAGE_TYPES } from '../domain/attestation';

/** Types only: lengths, emptiness and balises are business rules checked by the domain (ATTESTATION_INVALID). */
export const personnaliserAttestationBody = z.object({
  enabled: z.boolean({ message: 'enabled (true ou false) est obligatoire' }),
  title: z.string().default(''),
  body: z.string().default(''),
  footer: z.string().default(''),
  qrCode: z.boolean().default(false),
});

export const televersementImageBody = z.object({
  contentType: z.enum(ATTESTATION_IMAGE_TYPES, { message: 'format attendu : image/png ou image/jpeg' }),
  size: z.number().int().positive(),
});

export const confirmerImageBody = z.object({
  key: z.string().min(1),
  contentType: z.enum(ATTESTATION_IMAGE_TYPES, { message: 'format attendu : image/png ou image/jpeg' }),
});
