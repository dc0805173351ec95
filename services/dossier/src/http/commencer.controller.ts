import { CurrentUser, type InternalIdentity, Public } from '@demarches/platform-auth';
import { Controller, Get, Param, Post } from '@nestjs/common';
import { CommencerDossierUseCase } from '../use-cases/commencer-dossier/commencer-dossier.use-case';
import { demarchePubliqueView, dossierView } from './dossier.dto';

/** `/commencer/<slug>`: the public link of a published démarche. */
@Controller('commencer')
export class CommencerController {
  constructor(private readonly commencer: CommencerDossierUseCase) {}

  @Get(':slug')
  @Public()
  async demarche(@Param('slug') slug: string) {
    return demarchePubliqueView(await this.commencer.demarche(slug));
  }

  @Post(':slug/dossiers')
  async start(@Param('slug') slug: string, @CurrentUser() user: InternalIdentity) {
    return dossierView(await this.commencer.execute(slug, { sub: user.sub, email: user.email }));
  }
}
