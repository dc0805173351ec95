import { Injectable } from '@nestjs/common';
import { z } from 'zod';
import { parseInput } from '@demarches/platform-errors';
import { normalizeEmail } from '../../domain/user';
import { DossierAccessRepository } from '../../persistence/dossier-access.repository';
import { RoleAssignment, RoleChange } from '../assign-role/role-assignment';
import { Clock } from '../clock';

const avisRequestSchema = z.object({
  /** The expert asked for an avis (DS « demander un avis »): any e-mail, with or without an account. */
  expertEmail: z.string().email().max(255),
  dossierId: z.string().min(1).max(100),
  demarcheId: z.string().min(1).max(100),
  /** Subject of the instructeur who asked (audit). */
  requestedBy: z.string().min(1).max(200),
  /** Version of the source aggregate (the avis) when known; the request time otherwise. */
  version: z.number().int().positive().optional(),
});
export type AvisRequest = z.input<typeof avisRequestSchema>;

/**
 * The expert role is created when an avis is requested (issue #3 §3; DS: an instructeur invites an expert by
 * e-mail on one dossier). The e-mail gets the `expert` realm role (her account is created and she is mailed a
 * link to set a password when she has none; experts are not agents, so no second factor is required) and the
 * dossier joins the list of dossiers she was asked about (GET /me `expertises`).
 *
 * No avis event exists yet: the instruction service's « avis demandé » event, when it comes, is consumed by
 * calling this use case (with the avis version). Experts keep the role after the avis is given (DS keeps their
 * access to the dossiers they advised on).
 */
@Injectable()
export class GrantExpertUseCase {
  constructor(
    private readonly roles: RoleAssignment,
    private readonly access: DossierAccessRepository,
    private readonly clock: Clock,
  ) {}

  async execute(input: AvisRequest): Promise<{ role: RoleChange }> {
    const request = parseInput(avisRequestSchema, input);
    const email = normalizeEmail(request.expertEmail);
    await this.access.set(
      { kind: 'expert', dossierId: request.dossierId, demarcheId: request.demarcheId, email },
      true,
      request.version ?? this.clock.now().getTime(),
    );
    const role = await this.roles.grant(
      email,
      'expert',
      { dossierId: request.dossierId, demarcheId: request.demarcheId },
      request.requestedBy,
    );
    return { role };
  }
}
