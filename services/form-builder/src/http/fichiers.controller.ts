import { CurrentUser, type InternalIdentity, RequireRole } from '@demarches/platform-auth';
import { parseInput, ZodBody } from '@demarches/platform-errors';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { assertFichierKind } from '../domain/fichiers';
import { TeleverserFichierUseCase } from '../use-cases/televerser-fichier/televerser-fichier.use-case';
import { confirmationBody, demarcheView, televersementBody } from './demarche.dto';

/** Logo, notice and cadre juridique document (`:kind` = logo | notice | cadre_juridique), uploaded to S3 directly. */
@ApiTags('description')
@Controller('demarches/:id/fichiers/:kind')
@RequireRole('administrateur')
export class FichiersController {
  constructor(private readonly fichiers: TeleverserFichierUseCase) {}

  @Post('televersement')
  @ApiOperation({
    summary: 'Préparer un téléversement : un PUT présigné lié au type et à la taille annoncés',
  })
  @ZodBody(televersementBody)
  preparer(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Param('kind') kind: string,
    @Body() body: unknown,
  ) {
    const fichierKind = assertFichierKind(kind);
    return this.fichiers.preparer(user.email, id, fichierKind, parseInput(televersementBody, body));
  }

  @Post('confirmation')
  @HttpCode(200)
  @ApiOperation({ summary: 'Confirmer un téléversement (taille et signature du fichier vérifiées)' })
  @ZodBody(confirmationBody)
  async confirmer(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Param('kind') kind: string,
    @Body() body: unknown,
  ) {
    const fichierKind = assertFichierKind(kind);
    return demarcheView(
      await this.fichiers.confirmer(user.email, id, fichierKind, parseInput(confirmationBody, body)),
    );
  }

  @Get()
  @ApiOperation({ summary: 'Lien de téléchargement (court) du fichier' })
  lien(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Param('kind') kind: string) {
    return this.fichiers.lien(user.email, id, assertFichierKind(kind));
  }

  @Delete()
  @ApiOperation({ summary: 'Retirer le fichier de la démarche' })
  async retirer(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Param('kind') kind: string) {
    return demarcheView(await this.fichiers.retirer(user.email, id, assertFichierKind(kind)));
  }
}
