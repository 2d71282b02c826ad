import { Controller, Get, HttpCode, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import type { Response } from 'express';
import { Database } from '@qualicoop/persistence';
import { Public } from '../auth/auth.guard';
import { schemaRef } from '../schema-components';

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly db: Database,
    private readonly temporal: Client,
  ) {}

  @Get()
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Liveness of the API and its dependencies (database, Temporal)' })
  @ApiOkResponse({ description: 'Up, and both dependencies up', schema: schemaRef('Health') })
  @ApiResponse({ status: 503, description: 'Degraded: a dependency is down', schema: schemaRef('Health') })
  async check(@Res({ passthrough: true }) res: Response) {
    const [database, temporal] = await Promise.all([
      this.db.ping().then((up) => (up ? 'up' : 'down')),
      this.temporal.workflowService.getSystemInfo({}).then(
        () => 'up',
        () => 'down',
      ),
    ]);
    const ok = database === 'up' && temporal === 'up';
    if (!ok) res.status(503);
    return { status: ok ? 'up' : 'degraded', database, temporal };
  }
}
