import {
  AcceptApiToken,
  apiTokenDemarcheIds,
  CurrentUser,
  type InternalIdentity,
  RequireRole,
} from '@demarches/platform-auth';
import { parseInput, ZodBody, ZodQuery } from '@demarches/platform-errors';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { AjouterInstructeurUseCase } from '../use-cases/ajouter-instructeur/ajouter-instructeur.use-case';
import { ConsulterCatalogueUseCase } from '../use-cases/consulter-catalogue/consulter-catalogue.use-case';
import { ConsulterDemarchesUseCase } from '../use-cases/consulter-demarches/consulter-demarches.use-case';
import { CreerDemarcheUseCase } from '../use-cases/creer-demarche/creer-demarche.use-case';
import { ModifierDescriptionUseCase } from '../use-cases/modifier-description/modifier-description.use-case';
import { PublierDemarcheUseCase } from '../use-cases/publier-demarche/publier-demarche.use-case';
import { SupprimerDemarcheUseCase } from '../use-cases/supprimer-demarche/supprimer-demarche.use-case';
import {
  ajouterInstructeurBody,
  catalogueQuery,
  catalogueView,
  creerDemarcheBody,
  demarcheView,
  emailBody,
  modifierDescriptionBody,
  publierBody,
  serviceBody,
} from './demarche.dto';

@ApiTags('démarches')
@Controller('demarches')
@RequireRole('administrateur')
// API tokens (ADR 0018): only démarches of their scope (the guard checks :id), writes only if read-write.
@AcceptApiToken({ demarcheParam: 'id' })
export class DemarchesController {
  constructor(
    private readonly creer: CreerDemarcheUseCase,
    private readonly ajouterInstructeurUseCase: AjouterInstructeurUseCase,
    private readonly publierUseCase: PublierDemarcheUseCase,
    private readonly consulter: ConsulterDemarchesUseCase,
    private readonly catalogueUseCase: ConsulterCatalogueUseCase,
    private readonly description: ModifierDescriptionUseCase,
    private readonly supprimerUseCase: SupprimerDemarcheUseCase,
  ) {}

  @Get()
  @ApiOperation({ summary: 'Les démarches de l’administrateur (en test, publiées, closes, dépubliées)' })
  async list(@CurrentUser() user: InternalIdentity) {
    const scope = apiTokenDemarcheIds(user);
    const mine = await this.consulter.mine(user.email);
    return { demarches: mine.filter((d) => !scope || scope.includes(d.id)).map(demarcheView) };
  }

  /** Declared before `:id` so that "catalogue" is not read as an id. */
  @Get('catalogue')
  @ApiOperation({
    summary: 'Catalogue des démarches publiées (recherche titre, description, organisme ; paginé)',
  })
  @ZodQuery(catalogueQuery)
  async catalogue(@Query() query: unknown) {
    const { q, page, perPage } = parseInput(catalogueQuery, query, 'La recherche');
    const result = await this.catalogueUseCase.execute({ q, page, perPage });
    return { demarches: result.demarches.map(catalogueView), total: result.total, page, perPage };
  }

  @Post()
  @ApiOperation({ summary: 'Créer une démarche en test' })
  @ZodBody(creerDemarcheBody)
  async create(@CurrentUser() user: InternalIdentity, @Body() body: unknown) {
    return demarcheView(await this.creer.execute(user.email, parseInput(creerDemarcheBody, body)));
  }

  @Get(':id')
  async get(@CurrentUser() user: InternalIdentity, @Param('id') id: string) {
    return demarcheView(await this.consulter.one(user.email, id));
  }

  @Patch(':id')
  @ApiOperation({
    summary: 'Modifier la description (titre, description HTML, conservation, public, date limite…)',
  })
  @ZodBody(modifierDescriptionBody)
  async modifier(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Body() body: unknown) {
    const { cadreJuridique, ...changes } = parseInput(modifierDescriptionBody, body);
    return demarcheView(
      await this.description.description(user.email, id, {
        ...changes,
        cadreJuridiqueTexte: cadreJuridique?.texte,
        cadreJuridiqueUrl: cadreJuridique?.url,
      }),
    );
  }

  @Put(':id/service')
  @ApiOperation({ summary: 'Le service et ses coordonnées affichés aux usagers' })
  @ZodBody(serviceBody)
  async service(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Body() body: unknown) {
    return demarcheView(await this.description.service(user.email, id, parseInput(serviceBody, body)));
  }

  @Post(':id/administrateurs')
  @ApiOperation({ summary: 'Ajouter un co-administrateur' })
  @ZodBody(emailBody)
  async ajouterAdministrateur(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Body() body: unknown,
  ) {
    const { email } = parseInput(emailBody, body);
    return demarcheView(await this.description.ajouterAdministrateur(user.email, id, email));
  }

  @Delete(':id/administrateurs/:email')
  @ApiOperation({ summary: 'Retirer un administrateur (le dernier ne peut pas partir)' })
  async retirerAdministrateur(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Param('email') email: string,
  ) {
    return demarcheView(await this.description.retirerAdministrateur(user.email, id, email));
  }

  @Post(':id/instructeurs')
  @ZodBody(ajouterInstructeurBody)
  async ajouterInstructeur(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Body() body: unknown,
  ) {
    const { email } = parseInput(ajouterInstructeurBody, body);
    return demarcheView(await this.ajouterInstructeurUseCase.execute(user.email, id, email));
  }

  @Post(':id/publier')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Publier (première publication, nouvelle révision ou réouverture) à /commencer/<slug>',
  })
  @ZodBody(publierBody)
  async publier(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Body() body: unknown) {
    return demarcheView(await this.publierUseCase.execute(user.email, id, parseInput(publierBody, body)));
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiOperation({ summary: 'Supprimer définitivement une démarche en test ou close' })
  async supprimer(@CurrentUser() user: InternalIdentity, @Param('id') id: string): Promise<void> {
    await this.supprimerUseCase.execute(user.email, id);
  }
}
