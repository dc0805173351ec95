import {
  AcceptApiToken,
  apiTokenCovers,
  CurrentUser,
  InternalIdentity,
  ReadOperation,
  RequireRole,
} from '@demarches/platform-auth';
import { ExportException } from '../export.exception';
import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ExportJob } from '../domain/export-job';
import { ConsulterExportUseCase, ExportView } from '../use-cases/consulter-export/consulter-export.use-case';
import { DemanderExportUseCase } from '../use-cases/demander-export/demander-export.use-case';

/** Exports of a démarche's dossiers, for its administrateurs and instructeurs (the gateway exposes it under /api). */
@Controller('exports')
@RequireRole('instructeur', 'administrateur')
// API tokens (ADR 0018) may export démarches within their scope; requesting an export changes nothing.
@AcceptApiToken()
export class ExportsController {
  constructor(
    private readonly demanderExport: DemanderExportUseCase,
    private readonly consulterExport: ConsulterExportUseCase,
  ) {}

  /** 202: the file is built in the background; poll GET /exports/:id. */
  @Post()
  @HttpCode(202)
  @ReadOperation()
  async request(
    @Body() body: { demarcheId?: unknown; format?: unknown } | undefined,
    @CurrentUser() user: InternalIdentity,
  ): Promise<{ id: string; status: ExportJob['status'] }> {
    if (typeof body?.demarcheId === 'string' && !apiTokenCovers(user, body.demarcheId.trim()))
      throw ExportException.demarcheNotFound(body.demarcheId.trim());
    const job = await this.demanderExport.execute({
      demarcheId: body?.demarcheId,
      format: body?.format,
      caller: user,
    });
    return { id: job.id, status: job.status };
  }

  @Get(':exportId')
  async show(
    @Param('exportId') exportId: string,
    @CurrentUser() user: InternalIdentity,
  ): Promise<ExportView> {
    const view = await this.consulterExport.execute({ exportId, caller: user });
    if (!apiTokenCovers(user, view.demarcheId)) throw ExportException.exportNotFound(exportId);
    return view;
  }
}
