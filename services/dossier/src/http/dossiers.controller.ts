import { CurrentUser, type InternalIdentity } from '@demarches/platform-auth';
import { parseInput } from '@demarches/platform-errors';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ConsulterDossiersUseCase } from '../use-cases/consulter-dossiers/consulter-dossiers.use-case';
import { DeposerDossierUseCase } from '../use-cases/deposer-dossier/deposer-dossier.use-case';
import { EnregistrerChampsUseCase } from '../use-cases/enregistrer-champs/enregistrer-champs.use-case';
import { InviterPersonneUseCase } from '../use-cases/inviter-personne/inviter-personne.use-case';
import {
  type PivotFranceConnect,
  RenseignerIdentiteUseCase,
  type UsagerIdentity,
} from '../use-cases/renseigner-identite/renseigner-identite.use-case';
import { RevoquerInvitationUseCase } from '../use-cases/revoquer-invitation/revoquer-invitation.use-case';
import { SupprimerDossierUseCase } from '../use-cases/supprimer-dossier/supprimer-dossier.use-case';
import {
  dossierView,
  enregistrerChampsBody,
  inviterBody,
  pagination,
  particulierBody,
  siretBody,
  versionBody,
  versionQuery,
} from './dossier.dto';

/** The usager's identity; the FranceConnect pivot identity when the gateway forwards one. */
function usagerOf(user: InternalIdentity): UsagerIdentity {
  const pivot = (user as InternalIdentity & { franceConnect?: PivotFranceConnect }).franceConnect;
  return { sub: user.sub, email: user.email, ...(pivot ? { franceConnect: pivot } : {}) };
}

/**
 * The usager's side of a dossier. The owner may do everything the dossier's state allows; an invité reads and
 * edits; anybody else gets the answer for a dossier that does not exist.
 */
@Controller('dossiers')
export class DossiersController {
  constructor(
    private readonly consulter: ConsulterDossiersUseCase,
    private readonly enregistrer: EnregistrerChampsUseCase,
    private readonly deposerUseCase: DeposerDossierUseCase,
    private readonly identite: RenseignerIdentiteUseCase,
    private readonly inviter: InviterPersonneUseCase,
    private readonly revoquer: RevoquerInvitationUseCase,
    private readonly supprimer: SupprimerDossierUseCase,
  ) {}

  /** « Mes dossiers », one page at a time (?page=1&perPage=20). */
  @Get()
  async mine(@CurrentUser() user: InternalIdentity, @Query() query: unknown) {
    return this.consulter.mesDossiers(user.sub, parseInput(pagination, query));
  }

  /** « Dossiers invités ». Declared before `:id` so that `invites` is never taken for a dossier id. */
  @Get('invites')
  async invited(@CurrentUser() user: InternalIdentity, @Query() query: unknown) {
    return this.consulter.dossiersInvites(user.email, parseInput(pagination, query));
  }

  @Get(':id')
  async one(@CurrentUser() user: InternalIdentity, @Param('id') id: string) {
    // An instructeur of the dossier's groupe reads it too (its roles travel for that check).
    return dossierView(await this.consulter.one(id, { ...usagerOf(user), roles: user.roles }));
  }

  @Patch(':id/champs')
  async champs(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Body() body: unknown) {
    const input = parseInput(enregistrerChampsBody, body);
    return dossierView(await this.enregistrer.execute(id, { sub: user.sub, email: user.email }, input));
  }

  @Post(':id/deposer')
  @HttpCode(200)
  async deposer(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Body() body: unknown) {
    const { expectedVersion } = parseInput(versionBody, body ?? {});
    return dossierView(await this.deposerUseCase.execute(id, usagerOf(user), expectedVersion));
  }

  /** The owner deletes a brouillon or a dossier en construction. */
  @Delete(':id')
  @HttpCode(204)
  async delete(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Query() query: unknown) {
    const { expectedVersion } = parseInput(versionQuery, query);
    await this.supprimer.execute(id, usagerOf(user), expectedVersion);
  }

  /** The identity step: the public the démarche asks for, the current demandeur and the FranceConnect prefill. */
  @Get(':id/identite')
  async identity(@CurrentUser() user: InternalIdentity, @Param('id') id: string) {
    return this.identite.consulter(id, usagerOf(user));
  }

  @Put(':id/identite/particulier')
  async particulier(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Body() body: unknown) {
    return dossierView(
      await this.identite.particulier(id, usagerOf(user), parseInput(particulierBody, body)),
    );
  }

  /** Looks the SIRET up (API Entreprise) and shows what was found, to be confirmed. */
  @Put(':id/identite/personne-morale')
  async personneMorale(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Body() body: unknown,
  ) {
    return dossierView(await this.identite.personneMorale(id, usagerOf(user), parseInput(siretBody, body)));
  }

  @Post(':id/identite/personne-morale/confirmer')
  @HttpCode(200)
  async confirmer(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Body() body: unknown) {
    return dossierView(await this.identite.confirmer(id, usagerOf(user), parseInput(siretBody, body)));
  }

  /** Co-construction: the owner invites someone by e-mail, with a message. */
  @Post(':id/invites')
  async invite(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Body() body: unknown) {
    return dossierView(await this.inviter.execute(id, usagerOf(user), parseInput(inviterBody, body)));
  }

  @Delete(':id/invites/:email')
  async revoke(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Param('email') email: string,
  ) {
    return dossierView(await this.revoquer.execute(id, usagerOf(user), email));
  }
}
