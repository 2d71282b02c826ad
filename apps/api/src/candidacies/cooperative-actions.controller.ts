/**
 * The cooperative's actions on its candidacy (spec §1, §4): answer a complement request, file
 * checkpoint and mid-term reports, ask for help, declare readiness, request renewal, withdraw, renounce.
 */
import { Body, Controller, Param, ParseIntPipe, Post, Req } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiParam } from '@nestjs/swagger';
import { DossierSchema } from '@qualicoop/domain';
import { DossierRepository } from '@qualicoop/persistence';
import { AuthedRequest, Roles } from '../auth/auth.guard';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { problem } from '../common/error-catalogue';
import { parseBody } from '../common/schema-body';
import { schemaRef } from '../schema-components';
import { ActionAnswer, ActionEndpoints, ActionRunner, uuid } from './action-runner';
import { derivedId, keepUnlessRefused, requestKeyOf } from './candidacy-commands.service';
import { CandidacyReadsService } from './candidacy-reads.service';
import { HelpRequestDto, ProgressReportDto, ReasonDto } from './actions.dto';

@ActionEndpoints()
@Controller('candidacies/:id')
export class CooperativeActionsController {
  constructor(
    private readonly actions: ActionRunner,
    private readonly reads: CandidacyReadsService,
    private readonly dossiers: DossierRepository,
  ) {}

  @Post('complement')
  @ActionAnswer()
  @Roles('coop')
  @ApiBody({ schema: schemaRef('Dossier') })
  @ApiOperation({
    summary: 'Answer a complement request with the completed dossier (a new version; the submitted one is kept)',
  })
  async answerComplement(
    @Param('id', uuid) id: string,
    @Body() body: unknown,
    @Req() req: AuthedRequest,
    @IdempotencyKey() key?: string,
  ) {
    await this.reads.get(id, req.caller);
    const dossier = parseBody(DossierSchema, body);
    const breaches = await this.reads.breaches(id, dossier);
    if (breaches.length) throw problem('DOSSIER.INCOMPLETE', { params: { count: breaches.length }, errors: breaches });
    const version = await this.dossiers.save(id, dossier, req.caller.sub, requestKeyOf(req.caller, key));
    return keepUnlessRefused(
      () =>
        this.actions.act(
          id,
          req,
          { type: 'AnswerComplement', dossierVersion: version.version, dossierHash: version.sha256 },
          key,
        ),
      () => this.dossiers.discard(id, version.version),
    );
  }

  @Post('checkpoints/:checkpoint/report')
  @ActionAnswer()
  @Roles('coop')
  @ApiParam({ name: 'checkpoint', enum: [6, 12] })
  @ApiOperation({ summary: 'File the progress report of the 6- or 12-month checkpoint' })
  fileProgressReport(
    @Param('id', uuid) id: string,
    @Param('checkpoint', ParseIntPipe) checkpoint: number,
    @Body() body: ProgressReportDto,
    @Req() req: AuthedRequest,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.withReport(
      id,
      req,
      'progress',
      { checkpoint, ...body },
      (reportId) => ({ type: 'FileProgressReport', checkpoint: checkpoint, reportId }),
      key,
    );
  }

  @Post('help-requests')
  @ActionAnswer()
  @Roles('coop')
  @ApiOperation({ summary: 'Ask the federation for help (any time during implementation)' })
  requestHelp(
    @Param('id', uuid) id: string,
    @Body() body: HelpRequestDto,
    @Req() req: AuthedRequest,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.act(
      id,
      req,
      { type: 'RequestHelp', helpRequestId: derivedId(id, requestKeyOf(req.caller, key)), question: body.question },
      key,
    );
  }

  @Post('readiness')
  @ActionAnswer()
  @Roles('coop')
  @ApiOperation({ summary: 'Declare readiness for the visit before the 18 months are over' })
  declareReadiness(@Param('id', uuid) id: string, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    return this.actions.act(id, req, { type: 'DeclareReadiness' }, key);
  }

  @Post('mid-term-report')
  @ActionAnswer()
  @Roles('coop')
  @ApiOperation({ summary: 'File the mid-term report of the label (indicator values)' })
  fileMidTermReport(
    @Param('id', uuid) id: string,
    @Body() body: ProgressReportDto,
    @Req() req: AuthedRequest,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.withReport(
      id,
      req,
      'mid_term',
      body,
      (reportId) => ({ type: 'FileMidTermReport', reportId }),
      key,
    );
  }

  @Post('renewal-request')
  @ActionAnswer()
  @Roles('coop')
  @ApiOperation({
    summary: 'Request the renewal of the label (from 6 months before expiry)',
    description:
      'Sends the renewal dossier prepared with PUT /candidacies/{id}/renewal-dossier, or the current dossier as it stands; ' +
      'it must meet the rules of spec §3 (DOSSIER.INCOMPLETE with `errors[]` otherwise).',
  })
  async requestRenewal(@Param('id', uuid) id: string, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    const dossier = await this.reads.renewalDossier(await this.reads.get(id, req.caller));
    if (!dossier) throw problem('DOSSIER.EMPTY');
    const breaches = await this.reads.breaches(id, dossier.content);
    if (breaches.length) throw problem('DOSSIER.INCOMPLETE', { params: { count: breaches.length }, errors: breaches });
    return this.actions.act(id, req, { type: 'RequestRenewal', dossierVersion: dossier.version }, key);
  }

  @Post('withdrawal')
  @ActionAnswer()
  @Roles('coop')
  @ApiOperation({ summary: 'Withdraw the candidacy (any stage before the award)' })
  withdraw(
    @Param('id', uuid) id: string,
    @Body() body: ReasonDto,
    @Req() req: AuthedRequest,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.act(id, req, { type: 'Withdraw', reason: body.reason }, key);
  }

  @Post('renunciation')
  @ActionAnswer()
  @Roles('coop')
  @ApiOperation({ summary: 'Renounce a held label' })
  renounce(
    @Param('id', uuid) id: string,
    @Body() body: ReasonDto,
    @Req() req: AuthedRequest,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.act(id, req, { type: 'RenounceLabel', reason: body.reason }, key);
  }
}
