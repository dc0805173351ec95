import { CurrentUser, type InternalIdentity } from '@demarches/platform-auth';
import { parseInput } from '@demarches/platform-errors';
import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import { ConsulterDossiersUseCase } from '../use-cases/consulter-dossiers/consulter-dossiers.use-case';
import { DeposerDossierUseCase } from '../use-cases/deposer-dossier/deposer-dossier.use-case';
import { EnregistrerChampsUseCase } from '../use-cases/enregistrer-champs/enregistrer-champs.use-case';
import { dossierView, enregistrerChampsBody } from './dossier.dto';

/** The usager's side of a dossier. Every route checks the caller owns the dossier. */
@Controller('dossiers')
export class DossiersController {
  constructor(
    private readonly consulter: ConsulterDossiersUseCase,
    private readonly enregistrer: EnregistrerChampsUseCase,
    private readonly deposerUseCase: DeposerDossierUseCase,
  ) {}

  @Get()
  async mine(@CurrentUser() user: InternalIdentity) {
    return { dossiers: (await this.consulter.mine(user.sub)).map(dossierView) };
  }

  @Get(':id')
  async one(@CurrentUser() user: InternalIdentity, @Param('id') id: string) {
    return dossierView(await this.consulter.one(id, user.sub));
  }

  @Patch(':id/champs')
  async champs(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Body() body: unknown) {
    const input = parseInput(enregistrerChampsBody, body);
    return dossierView(await this.enregistrer.execute(id, { sub: user.sub, email: user.email }, input));
  }

  @Post(':id/deposer')
  @HttpCode(200)
  async deposer(@CurrentUser() user: InternalIdentity, @Param('id') id: string) {
    return dossierView(await this.deposerUseCase.execute(id, { sub: user.sub, email: user.email }));
  }
}
