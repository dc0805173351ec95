import { CurrentUser, type InternalIdentity, RequireRole } from '@demarches/platform-auth';
import { parseInput } from '@demarches/platform-errors';
import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { z } from 'zod';
import { DossierInstruction, ONGLETS } from '../domain/dossier-instruction';
import { ChangerEtatUseCase } from '../use-cases/changer-etat/changer-etat.use-case';
import { ActionInstructeur } from '../use-cases/changer-etat/dossier-commands.port';
import { ListerDossiersUseCase } from '../use-cases/lister-dossiers/lister-dossiers.use-case';
import { SuivreDossierUseCase } from '../use-cases/suivre-dossier/suivre-dossier.use-case';

const listQuery = z.object({ onglet: z.enum(ONGLETS as [string, ...string[]]).default('a-suivre') });
const motivationBody = z.object({ motivation: z.string().trim().max(5_000).optional() }).default({});

/** Routes (as the service sees them): /instructeur/dossiers/:id/<action>, one per instructeur decision. */
const ACTIONS: Record<string, ActionInstructeur> = {
  'passer-en-instruction': 'passer_en_instruction',
  'repasser-en-construction': 'repasser_en_construction',
  accepter: 'accepter',
  refuser: 'refuser',
  'classer-sans-suite': 'classer_sans_suite',
  'repasser-en-instruction': 'repasser_en_instruction',
};
const actionParam = z.enum(Object.keys(ACTIONS) as [string, ...string[]], { message: 'action inconnue' });

function rowView(row: DossierInstruction) {
  const { dossierVersion, ...view } = row;
  return { ...view, version: dossierVersion };
}

@Controller('instructeur/dossiers')
@RequireRole('instructeur')
export class InstructeurController {
  constructor(
    private readonly lister: ListerDossiersUseCase,
    private readonly changerEtat: ChangerEtatUseCase,
    private readonly suivre: SuivreDossierUseCase,
  ) {}

  @Get()
  async list(@CurrentUser() user: InternalIdentity, @Query() query: unknown) {
    const { onglet } = parseInput(listQuery, query);
    const rows = await this.lister.execute(user.email, onglet as (typeof ONGLETS)[number]);
    return { onglet, dossiers: rows.map(rowView) };
  }

  @Post(':id/suivre')
  @HttpCode(204)
  async follow(@CurrentUser() user: InternalIdentity, @Param('id') id: string): Promise<void> {
    await this.suivre.execute(user.email, id);
  }

  @Post(':id/:action')
  @HttpCode(200)
  act(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Param('action') action: string,
    @Body() body: unknown,
  ) {
    const parsedAction = ACTIONS[parseInput(actionParam, action, "L'action")];
    const { motivation } = parseInput(motivationBody, body ?? {});
    return this.changerEtat.execute({ sub: user.sub, email: user.email }, id, parsedAction, motivation);
  }
}
