import { CurrentUser, type InternalIdentity, RequireRole } from '@demarches/platform-auth';
import { parseInput } from '@demarches/platform-errors';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { AjouterInstructeurUseCase } from '../use-cases/ajouter-instructeur/ajouter-instructeur.use-case';
import { ConsulterDemarchesUseCase } from '../use-cases/consulter-demarches/consulter-demarches.use-case';
import { CreerDemarcheUseCase } from '../use-cases/creer-demarche/creer-demarche.use-case';
import { PublierDemarcheUseCase } from '../use-cases/publier-demarche/publier-demarche.use-case';
import { ajouterInstructeurBody, creerDemarcheBody, demarcheView, publierBody } from './demarche.dto';

@Controller('demarches')
@RequireRole('administrateur')
export class DemarchesController {
  constructor(
    private readonly creer: CreerDemarcheUseCase,
    private readonly ajouterInstructeurUseCase: AjouterInstructeurUseCase,
    private readonly publierUseCase: PublierDemarcheUseCase,
    private readonly consulter: ConsulterDemarchesUseCase,
  ) {}

  @Get()
  async list(@CurrentUser() user: InternalIdentity) {
    return { demarches: (await this.consulter.mine(user.email)).map(demarcheView) };
  }

  @Post()
  async create(@CurrentUser() user: InternalIdentity, @Body() body: unknown) {
    return demarcheView(await this.creer.execute(user.email, parseInput(creerDemarcheBody, body)));
  }

  @Get(':id')
  async get(@CurrentUser() user: InternalIdentity, @Param('id') id: string) {
    return demarcheView(await this.consulter.one(user.email, id));
  }

  @Post(':id/instructeurs')
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
  async publier(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Body() body: unknown) {
    const { slug } = parseInput(publierBody, body);
    return demarcheView(await this.publierUseCase.execute(user.email, id, slug));
  }
}
