import { CurrentUser, type InternalIdentity, RequireRole } from '@demarches/platform-auth';
import { parseInput, ZodBody } from '@demarches/platform-errors';
import { Body, Controller, Delete, Get, Param, Put } from '@nestjs/common';
import {
  assertMailKind,
  balisesDisponibles,
  personnaliserMail,
  reinitialiserMail,
} from '../domain/mail-templates';
import { PersonnaliserMailsUseCase } from '../use-cases/personnaliser-mails/personnaliser-mails.use-case';
import { personnaliserMailBody } from './demarche.dto';

/**
 * The e-mails the usager receives, one per kind (dossier_depose, dossier_en_instruction, dossier_accepte,
 * dossier_refuse, dossier_sans_suite, dossier_repasse_en_instruction): read with the defaults, customise, reset.
 */
@Controller('demarches/:id/mails')
@RequireRole('administrateur')
export class MailsController {
  constructor(private readonly mails: PersonnaliserMailsUseCase) {}

  /** Every kind (the customised template or the default one) and the balises the templates may use. */
  @Get()
  async list(@CurrentUser() user: InternalIdentity, @Param('id') id: string) {
    const { demarche, mails } = await this.mails.consulter(user.email, id);
    return { mails, balises: balisesDisponibles(demarche) };
  }

  @Put(':kind')
  @ZodBody(personnaliserMailBody)
  personnaliser(
    @CurrentUser() user: InternalIdentity,
    @Param('id') id: string,
    @Param('kind') kind: string,
    @Body() body: unknown,
  ) {
    const mailKind = assertMailKind(kind);
    const template = parseInput(personnaliserMailBody, body);
    return this.mails.execute(user.email, id, (demarche) => personnaliserMail(demarche, mailKind, template));
  }

  /** Back to the default template; answers with it. */
  @Delete(':kind')
  reinitialiser(@CurrentUser() user: InternalIdentity, @Param('id') id: string, @Param('kind') kind: string) {
    const mailKind = assertMailKind(kind);
    return this.mails.execute(user.email, id, (demarche) => reinitialiserMail(demarche, mailKind));
  }
}
