import { CurrentUser, type InternalIdentity, RequireRole } from '@demarches/platform-auth';
import { parseInput, ZodBody } from '@demarches/platform-errors';
import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ajouterInstructeurs,
  creerGroupe,
  modifierGroupe,
  retirerInstructeur,
  supprimerGroupe,
} from '../domain/groupes';
import { definirRegle, desactiverRoutage, routageView, routerParChamp } from '../domain/routage';
import { GererGroupesUseCase } from '../use-cases/gerer-groupes/gerer-groupes.use-case';
import {
  ajouterInstructeursBody,
  creerGroupeBody,
  definirRegleBody,
  modifierGroupeBody,
  routageBody,
} from './groupes.dto';

/**
 * Groupes instructeurs, their instructeurs and the routing of dossiers between them. Every change is saved with a
 * GroupesInstructeursChanged event (and a fresh snapshot when the démarche is published).
 */
@ApiTags('groupes instructeurs et routage')
@Controller('demarches/:id')
@RequireRole('administrateur')
export class GroupesController {
  constructor(private readonly groupes: GererGroupesUseCase) {}

  @Get('groupes')
  @ApiOperation({ summary: 'Les groupes instructeurs, leurs instructeurs et le routage' })
  async list(@CurrentUser() user: InternalIdentity, @Param('id') id: string) {
    const demarche = await this.groupes.consulter(user.email, id);
    return { groupes: demarche.groupesInstructeurs, routage: routageView(demarche) };
  }

  @Post('groupes')
  @ApiOperation({
    summary: 'Créer un groupe instructeur (nom unique dans la démarche, coordonnées facultatives)',
  })
  @ZodBody(creerGroupeBody)
  async create(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Body() body: unknown) {
    const input = parseInput(creerGroupeBody, body);
    return (await this.groupes.execute(user.email, id, (demarche) => creerGroupe(demarche, input))).result;
  }

  @Patch('groupes/:groupeId')
  @ApiOperation({
    summary: 'Renommer, fermer/rouvrir, changer les coordonnées, désigner comme groupe par défaut',
  })
  @ZodBody(modifierGroupeBody)
  async update(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Param('groupeId') groupeId: string,
    @Body() body: unknown,
  ) {
    const changes = parseInput(modifierGroupeBody, body);
    return (
      await this.groupes.execute(user.email, id, (demarche) => modifierGroupe(demarche, groupeId, changes))
    ).result;
  }

  @Delete('groupes/:groupeId')
  @ApiOperation({ summary: 'Supprimer un groupe (jamais le groupe par défaut)' })
  async remove(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Param('groupeId') groupeId: string,
  ) {
    const { result } = await this.groupes.execute(user.email, id, (demarche) =>
      supprimerGroupe(demarche, groupeId),
    );
    return { groupes: result };
  }

  @Post('groupes/:groupeId/instructeurs')
  @HttpCode(200)
  @ApiOperation({ summary: 'Affecter des instructeurs par e-mail (les nouveaux comptes sont invités)' })
  @ZodBody(ajouterInstructeursBody)
  async addInstructeurs(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Param('groupeId') groupeId: string,
    @Body() body: unknown,
  ) {
    const input = parseInput(ajouterInstructeursBody, body);
    const emails = 'emails' in input ? input.emails : [input.email];
    return (
      await this.groupes.execute(user.email, id, (demarche) =>
        ajouterInstructeurs(demarche, groupeId, emails),
      )
    ).result;
  }

  @Delete('groupes/:groupeId/instructeurs/:email')
  @ApiOperation({ summary: 'Retirer un instructeur d’un groupe' })
  async removeInstructeur(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Param('groupeId') groupeId: string,
    @Param('email') email: string,
  ) {
    return (
      await this.groupes.execute(user.email, id, (demarche) => retirerInstructeur(demarche, groupeId, email))
    ).result;
  }

  @Put('groupes/:groupeId/regle')
  @ApiOperation({ summary: 'Définir (ou retirer avec null) la règle de routage d’un groupe' })
  @ZodBody(definirRegleBody)
  async setRule(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Param('groupeId') groupeId: string,
    @Body() body: unknown,
  ) {
    const { rule } = parseInput(definirRegleBody, body);
    return (await this.groupes.execute(user.email, id, (demarche) => definirRegle(demarche, groupeId, rule)))
      .result;
  }

  @Get('routage')
  @ApiOperation({ summary: 'Le mode de routage (aucun, champ, règles) et la règle de chaque groupe' })
  async routage(@CurrentUser() user: InternalIdentity, @Param('id') id: string) {
    return routageView(await this.groupes.consulter(user.email, id));
  }

  @Put('routage')
  @ApiOperation({
    summary:
      'Router par un champ liste en tête du formulaire (mode champ) ou désactiver le routage (mode aucun)',
  })
  @ZodBody(routageBody)
  async setRoutage(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Body() body: unknown) {
    const input = parseInput(routageBody, body);
    const { result } = await this.groupes.execute(user.email, id, (demarche) =>
      input.mode === 'aucun'
        ? desactiverRoutage(demarche)
        : routerParChamp(demarche, input.champId, input.correspondances),
    );
    return result;
  }
}
