import { CurrentUser, type InternalIdentity, RequireRole } from '@demarches/platform-auth';
import { parseInput, ZodBody } from '@demarches/platform-errors';
import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ClonerDemarcheUseCase } from '../use-cases/cloner-demarche/cloner-demarche.use-case';
import { CloturerDemarcheUseCase } from '../use-cases/cloturer-demarche/cloturer-demarche.use-case';
import { DepublierDemarcheUseCase } from '../use-cases/depublier-demarche/depublier-demarche.use-case';
import { EnvoyerCopieUseCase } from '../use-cases/envoyer-copie/envoyer-copie.use-case';
import { TesterDemarcheUseCase } from '../use-cases/tester-demarche/tester-demarche.use-case';
import { demarcheView, emailBody } from './demarche.dto';

/** Close, unpublish, test, clone and send a copy. Publication and deletion are in DemarchesController. */
@ApiTags('cycle de vie')
@Controller('demarches/:id')
@RequireRole('administrateur')
export class CycleDeVieController {
  constructor(
    private readonly cloturerUseCase: CloturerDemarcheUseCase,
    private readonly depublierUseCase: DepublierDemarcheUseCase,
    private readonly testerUseCase: TesterDemarcheUseCase,
    private readonly clonerUseCase: ClonerDemarcheUseCase,
    private readonly envoyerCopieUseCase: EnvoyerCopieUseCase,
  ) {}

  @Post('clore')
  @HttpCode(200)
  @ApiOperation({ summary: 'Clore une démarche publiée (plus aucun dépôt)' })
  async clore(@CurrentUser() user: InternalIdentity, @Param('id') id: string) {
    return demarcheView(await this.cloturerUseCase.execute(user.email, id));
  }

  @Post('depublier')
  @HttpCode(200)
  @ApiOperation({ summary: 'Dépublier une démarche publiée' })
  async depublier(@CurrentUser() user: InternalIdentity, @Param('id') id: string) {
    return demarcheView(await this.depublierUseCase.execute(user.email, id));
  }

  @Post('tester')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Ouvrir le lien de test : envoie le brouillon pour les dossiers de test (en_test)',
  })
  async tester(@CurrentUser() user: InternalIdentity, @Param('id') id: string) {
    return demarcheView(await this.testerUseCase.execute(user.email, id));
  }

  @Post('cloner')
  @ApiOperation({ summary: 'Cloner sa démarche ou une démarche publiée du catalogue' })
  async cloner(@CurrentUser() user: InternalIdentity, @Param('id') id: string) {
    return demarcheView(await this.clonerUseCase.execute(user.email, id));
  }

  @Post('envoyer-copie')
  @ApiOperation({ summary: 'Envoyer une copie à un collègue (elle apparaît dans ses démarches en test)' })
  @ZodBody(emailBody)
  async envoyerCopie(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Body() body: unknown) {
    const { email } = parseInput(emailBody, body);
    const copie = await this.envoyerCopieUseCase.execute(user.email, id, email);
    // The copy belongs to the colleague: the sender only learns that it exists.
    return { id: copie.id, number: copie.number, destinataire: email };
  }
}
