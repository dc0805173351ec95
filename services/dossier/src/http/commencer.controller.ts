import { CurrentUser, type InternalIdentity, Public } from '@demarches/platform-auth';
import { Controller, Get, Param, Post } from '@nestjs/common';
import { RevisionPubliee } from '../domain/revision';
import { CommencerDossierUseCase } from '../use-cases/commencer-dossier/commencer-dossier.use-case';
import { demarchePubliqueView, dossierView } from './dossier.dto';

/**
 * The start page with the démarche's logo, notice and cadre juridique document: links to form-builder's public
 * route through the gateway, which redirects to a short-lived download (the files are never copied here).
 */
export function commencerView(revision: RevisionPubliee) {
  return {
    ...demarchePubliqueView(revision),
    fichiers: (revision.fichiers ?? []).map((fichier) => ({
      ...fichier,
      url: `/api/demarches/${encodeURIComponent(revision.demarcheId)}/fichiers/${fichier.kind}`,
    })),
  };
}

/**
 * `/commencer/<slug>`: the public link of a published démarche. `/commencer/test/<démarche id>` (or its slug once
 * published): the test link of a démarche en test, for its administrateurs (test dossiers).
 */
@Controller('commencer')
export class CommencerController {
  constructor(private readonly commencer: CommencerDossierUseCase) {}

  @Get('test/:idOuSlug')
  async demarcheEnTest(@Param('idOuSlug') idOuSlug: string, @CurrentUser() user: InternalIdentity) {
    return commencerView(await this.commencer.demarcheEnTest(idOuSlug, { sub: user.sub, email: user.email }));
  }

  @Post('test/:idOuSlug/dossiers')
  async startTest(@Param('idOuSlug') idOuSlug: string, @CurrentUser() user: InternalIdentity) {
    return dossierView(
      await this.commencer.execute(idOuSlug, { sub: user.sub, email: user.email }, { test: true }),
    );
  }

  @Get(':slug')
  @Public()
  async demarche(@Param('slug') slug: string) {
    return commencerView(await this.commencer.demarche(slug));
  }

  @Post(':slug/dossiers')
  async start(@Param('slug') slug: string, @CurrentUser() user: InternalIdentity) {
    return dossierView(await this.commencer.execute(slug, { sub: user.sub, email: user.email }));
  }
}
