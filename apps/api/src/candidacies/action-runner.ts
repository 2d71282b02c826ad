/**
 * What every actor action shares: the command goes to the candidacy's workflow as an Update and
 * the answer is the new state; a report or a dossier version is stored first and removed only when
 * the workflow refused (never on an unknown outcome).
 */
import { applyDecorators, HttpCode, Injectable, ParseUUIDPipe } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiResponse, ApiTags } from '@nestjs/swagger';
import { Command } from '@qualicoop/domain';
import { ReportRepository } from '@qualicoop/persistence';
import { AuthedRequest } from '../auth/auth.guard';
import { problem } from '../common/error-catalogue';
import { phase } from '../common/server-timing';
import { schemaRef } from '../schema-components';
import { CandidacyCommandsService, keepUnlessRefused, requestKeyOf } from './candidacy-commands.service';
import { CandidacyReadsService } from './candidacy-reads.service';
import { candidacyView as view } from './candidacy-view';

export const uuid = new ParseUUIDPipe({ exceptionFactory: () => problem('CANDIDACY.NOT_FOUND') });

/** The OpenAPI description every action controller shares. */
export const ActionEndpoints = () =>
  applyDecorators(
    ApiTags('actions'),
    ApiBearerAuth(),
    ApiResponse({
      status: 409,
      description:
        'Refused by the lifecycle: `code` (e.g. LIFECYCLE.ADMISSIBILITY_BEFORE_COMPLETENESS) and a French `detail`',
    }),
    ApiResponse({ status: 404, description: 'No such candidacy (or not yours)' }),
  );

/**
 * What every action answers: 200 with the candidacy after it (on each method: a class-level 200
 * would lose to the one `HttpCode` documents on the method).
 */
export const ActionAnswer = () =>
  applyDecorators(
    HttpCode(200),
    ApiOkResponse({
      description: 'The candidacy after the action, and the events it recorded',
      schema: schemaRef('CandidacyAfterAction'),
    }),
  );

@Injectable()
export class ActionRunner {
  constructor(
    private readonly commands: CandidacyCommandsService,
    private readonly reads: CandidacyReadsService,
    private readonly reports: ReportRepository,
  ) {}

  async act(id: string, req: AuthedRequest, command: Command, key?: string) {
    const row = await phase(req, 'read', () => this.reads.get(id, req.caller));
    const result = await phase(req, 'update', () => this.commands.execute(row.workflowId, command, req.caller, key));
    return { ...view(await phase(req, 'reread', () => this.reads.get(id, req.caller))), events: result.events };
  }

  /** Stores the report, then files it; the row goes only if the workflow refused (not on an unknown outcome). */
  async withReport(
    id: string,
    req: AuthedRequest,
    kind: string,
    content: object,
    command: (reportId: string) => Command,
    key?: string,
  ) {
    await this.reads.get(id, req.caller);
    const reportId = await this.reports.add(id, kind, content, req.caller.sub, requestKeyOf(req.caller, key));
    return keepUnlessRefused(
      () => this.act(id, req, command(reportId), key),
      () => this.reports.discard(reportId),
    );
  }
}
