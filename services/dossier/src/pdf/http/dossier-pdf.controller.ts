import { CurrentUser, type InternalIdentity } from '@demarches/platform-auth';
import { Controller, Get, Param, StreamableFile } from '@nestjs/common';
import { GenererPdfDossierUseCase } from '../use-cases/generer-pdf-dossier/generer-pdf-dossier.use-case';

@Controller('dossiers/:id')
export class DossierPdfController {
  constructor(private readonly generer: GenererPdfDossierUseCase) {}

  @Get('pdf')
  async pdf(@CurrentUser() user: InternalIdentity, @Param('id') id: string): Promise<StreamableFile> {
    const { number, pdf } = await this.generer.execute(id, {
      sub: user.sub,
      email: user.email,
      roles: user.roles,
    });
    return new StreamableFile(pdf, {
      type: 'application/pdf',
      disposition: `attachment; filename="dossier-${number}.pdf"`,
    });
  }
}
