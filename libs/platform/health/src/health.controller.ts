import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import type { Response } from 'express';
import { HealthService, ReadinessReport } from './health.service';

/** Probe endpoints. The auth guard skips /health/* so the kubelet needs no identity. */
@Controller('health')
export class HealthController {
  constructor(private readonly health: HealthService) {}

  /** The process answers: nothing else is checked, so a slow dependency never gets the pod restarted. */
  @Get('live')
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }

  @Get('ready')
  async ready(@Res({ passthrough: true }) res: Response): Promise<ReadinessReport> {
    const report = await this.health.readiness();
    res.status(report.status === 'ok' ? 200 : 503);
    return report;
  }
}
