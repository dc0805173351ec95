import {
  CurrentUser,
  INTERNAL_IDENTITY_HEADER,
  type InternalIdentity,
  Public,
  RequireRole,
  verifyInternalIdentity,
} from '@demarches/platform-auth';
import { InjectConfig } from '@demarches/platform-config';
import { parseInput, ZodBody } from '@demarches/platform-errors';
import {
  Body,
  Controller,
  Delete,
  Get,
  Header,
  Headers,
  HttpCode,
  Param,
  Post,
  Redirect,
} from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { FormBuilderConfig } from '../config';
import { assertFichierKind } from '../domain/fichiers';
import { TelechargerFichierUseCase } from '../use-cases/telecharger-fichier/telecharger-fichier.use-case';
import { TeleverserFichierUseCase } from '../use-cases/televerser-fichier/televerser-fichier.use-case';
import { confirmationBody, demarcheView, televersementBody } from './demarche.dto';

/**
 * Logo, notice and cadre juridique document (`:kind` = logo | notice | cadre_juridique), uploaded to S3 directly.
 * `GET` is public: the usagers of a published démarche download them (a redirect to a short-lived link).
 */
@ApiTags('description')
@Controller('demarches/:id/fichiers/:kind')
@RequireRole('administrateur')
export class FichiersController {
  constructor(
    private readonly fichiers: TeleverserFichierUseCase,
    private readonly telechargement: TelechargerFichierUseCase,
    @InjectConfig() private readonly config: FormBuilderConfig,
  ) {}

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

  /**
   * Anyone, signed in or not, for a published démarche; its administrateurs in any other state (en test…). The
   * gateway forwards the identity of a signed-in caller even on this public route: it is read when present.
   */
  @Get()
  @Public()
  @Redirect(undefined, 302)
  @Header('Cache-Control', 'no-store')
  @ApiOperation({
    summary: 'Télécharger le fichier (public si la démarche est publiée) : redirection vers un lien court',
  })
  @ApiResponse({
    status: 302,
    description: 'Redirection vers un lien de téléchargement présigné (quelques minutes)',
  })
  async telecharger(
    @Param('id') id: string,
    @Param('kind') kind: string,
    @Headers(INTERNAL_IDENTITY_HEADER) identity: string | undefined,
  ): Promise<{ url: string }> {
    const fichierKind = assertFichierKind(kind);
    const viewer = identity
      ? verifyInternalIdentity(identity, this.config.INTERNAL_TOKEN_SECRET).email
      : undefined;
    return this.telechargement.execute(id, fichierKind, viewer);
  }

  @Get('lien')
  @ApiOperation({ summary: 'Lien de téléchargement (court) du fichier, pour ses administrateurs' })
  lien(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Param('kind') kind: string) {
    return this.fichiers.lien(user.email, id, assertFichierKind(kind));
  }

  @Delete()
  @ApiOperation({ summary: 'Retirer le fichier de la démarche' })
  async retirer(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Param('kind') kind: string) {
    return demarcheView(await this.fichiers.retirer(user.email, id, assertFichierKind(kind)));
  }
}
