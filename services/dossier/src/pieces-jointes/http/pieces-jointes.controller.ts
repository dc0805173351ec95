import { CurrentUser, type InternalIdentity } from '@demarches/platform-auth';
import { parseInput } from '@demarches/platform-errors';
import { Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ConfirmerEnvoiUseCase } from '../use-cases/confirmer-envoi/confirmer-envoi.use-case';
import { DemarrerEnvoiUseCase } from '../use-cases/demarrer-envoi/demarrer-envoi.use-case';
import { RetirerPieceJointeUseCase } from '../use-cases/retirer-piece-jointe/retirer-piece-jointe.use-case';
import { TelechargerModeleUseCase } from '../use-cases/telecharger-modele/telecharger-modele.use-case';
import { TelechargerPieceJointeUseCase } from '../use-cases/telecharger-piece-jointe/telecharger-piece-jointe.use-case';
import { confirmerEnvoiBody, demarrerEnvoiBody, pieceJointeView } from './pieces-jointes.dto';

const who = (user: InternalIdentity) => ({ sub: user.sub, email: user.email, roles: user.roles });

/**
 * Files of a dossier. The bytes never pass through here: the browser uploads to and downloads from S3 with the
 * presigned requests this controller hands out.
 */
@Controller('dossiers/:id')
export class PiecesJointesController {
  constructor(
    private readonly demarrer: DemarrerEnvoiUseCase,
    private readonly confirmer: ConfirmerEnvoiUseCase,
    private readonly retirer: RetirerPieceJointeUseCase,
    private readonly telecharger: TelechargerPieceJointeUseCase,
    private readonly modele: TelechargerModeleUseCase,
  ) {}

  @Post('pieces-jointes')
  async start(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Body() body: unknown) {
    const input = parseInput(demarrerEnvoiBody, body);
    const { pieceJointe, envoi } = await this.demarrer.execute(id, who(user), input);
    return { pieceJointe: pieceJointeView(pieceJointe), envoi };
  }

  @Post('pieces-jointes/:pieceId/confirmer')
  @HttpCode(200)
  async confirm(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Param('pieceId') pieceId: string,
    @Body() body: unknown,
  ) {
    const { parts } = parseInput(confirmerEnvoiBody, body ?? {});
    const { pieceJointe, dossier } = await this.confirmer.execute(id, pieceId, who(user), parts);
    return { pieceJointe: pieceJointeView(pieceJointe), dossierVersion: dossier.version };
  }

  @Get('pieces-jointes')
  async list(@CurrentUser() user: InternalIdentity, @Param('id') id: string) {
    return { piecesJointes: (await this.telecharger.liste(id, who(user))).map(pieceJointeView) };
  }

  @Get('pieces-jointes/:pieceId/telechargement')
  download(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Param('pieceId') pieceId: string,
  ) {
    return this.telecharger.lien(id, pieceId, who(user));
  }

  @Delete('pieces-jointes/:pieceId')
  async remove(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Param('pieceId') pieceId: string,
  ) {
    const dossier = await this.retirer.execute(id, pieceId, who(user));
    return { dossierVersion: dossier.version };
  }

  @Get('champs/:champId/modele')
  modeleFile(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Param('champId') champId: string,
  ) {
    return this.modele.execute(id, champId, who(user));
  }
}
