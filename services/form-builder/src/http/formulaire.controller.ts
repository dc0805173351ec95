import { CurrentUser, type InternalIdentity, RequireRole } from '@demarches/platform-auth';
import { parseInput, ZodBody } from '@demarches/platform-errors';
import { Body, Controller, Delete, HttpCode, Param, Patch, Post, Put, Type } from '@nestjs/common';
import { definirCondition } from '../domain/conditions';
import { ajouterChamp, Cible, deplacer, modifierChamp, supprimerChamp } from '../domain/formulaire';
import { EditerFormulaireUseCase } from '../use-cases/editer-formulaire/editer-formulaire.use-case';
import { ajouterChampBody, deplacerChampBody, modifierChampBody } from './demarche.dto';
import { definirConditionBody } from './groupes.dto';

/**
 * The form editor, built once per target: /demarches/:id/champs/** edits the usager's form and
 * /demarches/:id/annotations/** the instructeurs' private annotations, with the same operations. A champ of a bloc
 * répétable is added with `parentId` (the bloc's id), then edited, moved (within its bloc, or into and out of blocs
 * while not published), given a condition and deleted through its own id like any champ.
 */
function formulaireController(target: Cible): Type<unknown> {
  @Controller(`demarches/:id/${target}`)
  @RequireRole('administrateur')
  class FormulaireController {
    constructor(readonly editer: EditerFormulaireUseCase) {}

    @Post()
    @ZodBody(ajouterChampBody, 'Avec parentId, le champ est ajouté à la fin de ce bloc répétable.')
    ajouter(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Body() body: unknown) {
      const { parentId, ...champ } = parseInput(ajouterChampBody, body);
      return this.editer.execute(user.email, id, (demarche) =>
        ajouterChamp(demarche, target, champ, parentId),
      );
    }

    @Patch(':champId')
    @ZodBody(modifierChampBody)
    modifier(
      @CurrentUser() user: InternalIdentity,
      @Param('id') id: string,
      @Param('champId') champId: string,
      @Body() body: unknown,
    ) {
      const changes = parseInput(modifierChampBody, body);
      return this.editer.execute(user.email, id, (demarche) =>
        modifierChamp(demarche, target, champId, changes),
      );
    }

    /** Conditional display: `{ condition }` tests earlier champs only; `{ condition: null }` removes it. */
    @Put(':champId/condition')
    @ZodBody(definirConditionBody)
    definirCondition(
      @CurrentUser() user: InternalIdentity,
      @Param('id') id: string,
      @Param('champId') champId: string,
      @Body() body: unknown,
    ) {
      const { condition } = parseInput(definirConditionBody, body);
      return this.editer.execute(user.email, id, (demarche) =>
        definirCondition(demarche, target, champId, condition),
      );
    }

    /**
     * `{ direction }` moves one place within the champ's list; `{ parentId, position }` moves it to a position of
     * the form or of a bloc répétable. Answers the champ's list after the move (`parentId`, `ordre`).
     */
    @Post(':champId/deplacer')
    @ZodBody(
      deplacerChampBody,
      '{ direction: haut | bas } : une place dans sa liste ; { parentId, position } : à la position donnée (à partir de 0) du formulaire (parentId null) ou d’un bloc répétable. Un champ publié ne peut ni entrer dans un bloc ni en sortir (CHAMP_PUBLIE_DEPLACEMENT) ; un déplacement qui casserait une condition ou le routage est refusé (CHAMP_DEPENDANCE).',
    )
    @HttpCode(200)
    deplacer(
      @CurrentUser() user: InternalIdentity,
      @Param('id') id: string,
      @Param('champId') champId: string,
      @Body() body: unknown,
    ) {
      const mouvement = parseInput(deplacerChampBody, body);
      return this.editer.execute(user.email, id, (demarche) =>
        deplacer(demarche, target, champId, mouvement),
      );
    }

    @Delete(':champId')
    async supprimer(
      @CurrentUser() user: InternalIdentity,
      @Param('id') id: string,
      @Param('champId') champId: string,
    ) {
      const ordre = await this.editer.execute(user.email, id, (demarche) =>
        supprimerChamp(demarche, target, champId),
      );
      return { ordre };
    }
  }
  return FormulaireController;
}

export const ChampsController = formulaireController('champs');
export const AnnotationsController = formulaireController('annotations');
