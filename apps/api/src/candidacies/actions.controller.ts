/**
 * One endpoint per actor action of spec §1/§4. Each becomes a command sent to the candidacy's
 * workflow as an Update: the response carries the new state; a refusal is a 409 with the domain's
 * code and French message; an `Idempotency-Key` makes a retry return the first result.
 */
import { Body, Controller, HttpCode, Param, ParseIntPipe, ParseUUIDPipe, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { randomUUID } from 'node:crypto';
import { checkDossier, Command, CURRENT_REFERENTIAL, Dossier } from '@qualicoop/domain';
import { DossierRepository, RegisterRepository, ReportRepository } from '@qualicoop/persistence';
import { AuthedRequest, Roles } from '../auth/auth.guard';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { invalidField, problem } from '../common/error-catalogue';
import { CandidacyCommandsService, keepUnlessRefused } from './candidacy-commands.service';
import { CandidacyReadsService } from './candidacy-reads.service';
import { candidacyView as view } from './candidacy-view';
import {
  AdmissibilityDto,
  AdviceDto,
  AwardDto,
  CompletenessDto,
  HelpAnswerDto,
  HelpRequestDto,
  MidTermDecisionDto,
  ProgressReportDto,
  ReasonDto,
  RenewalDecisionDto,
  ScheduleVisitDto,
  VisitReportDto,
} from './actions.dto';
import { DossierDto } from './candidacy.dto';
import { checkDossierShape } from './dossier-shape';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => problem('CANDIDACY.NOT_FOUND') });
const FINDINGS = ['on_track', 'partly', 'not_met'];

@ApiTags('actions')
@ApiBearerAuth()
@ApiResponse({ status: 409, description: 'Refused by the lifecycle: `code` (e.g. LIFECYCLE.ADMISSIBILITY_BEFORE_COMPLETENESS) and a French `detail`' })
@ApiResponse({ status: 404, description: 'No such candidacy (or not yours)' })
@Controller('candidacies/:id')
export class ActionsController {
  constructor(
    private readonly commands: CandidacyCommandsService,
    private readonly reads: CandidacyReadsService,
    private readonly dossiers: DossierRepository,
    private readonly reports: ReportRepository,
    private readonly register: RegisterRepository,
  ) {}

  private async act(id: string, req: AuthedRequest, command: Command, key?: string) {
    const row = await this.reads.get(id, req.caller);
    const result = await this.commands.execute(row.workflowId, command, req.caller, key);
    return { ...view(await this.reads.get(id, req.caller)), events: result.events };
  }

  /** Stores the report, then files it; the row goes only if the workflow refused (not on an unknown outcome). */
  private async withReport(id: string, req: AuthedRequest, kind: string, content: object, command: (reportId: string) => Command, key?: string) {
    await this.reads.get(id, req.caller);
    const reportId = await this.reports.add(id, kind, content, req.caller.sub);
    return keepUnlessRefused(
      () => this.act(id, req, command(reportId), key),
      () => this.reports.discard(reportId),
    );
  }

  // — the cooperative —

  @Post('complement')
  @HttpCode(200)
  @Roles('coop')
  @ApiBody({ type: DossierDto })
  @ApiOperation({ summary: 'Answer a complement request with the completed dossier (a new version; the submitted one is kept)' })
  async answerComplement(@Param('id', uuid) id: string, @Body() body: unknown, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    await this.reads.get(id, req.caller);
    const shape = checkDossierShape(body);
    if (shape.length) throw problem('REQUEST.VALIDATION_FAILED', { errors: shape });
    const breaches = checkDossier(body as Dossier, CURRENT_REFERENTIAL);
    if (breaches.length) throw problem('DOSSIER.INCOMPLETE', { params: { count: breaches.length }, errors: breaches });
    const version = await this.dossiers.save(id, body as Dossier, req.caller.sub);
    return keepUnlessRefused(
      () => this.act(id, req, { type: 'AnswerComplement', dossierVersion: version.version, dossierHash: version.sha256 }, key),
      () => this.dossiers.discard(id, version.version),
    );
  }

  @Post('checkpoints/:checkpoint/report')
  @HttpCode(200)
  @Roles('coop')
  @ApiParam({ name: 'checkpoint', enum: [6, 12] })
  @ApiOperation({ summary: 'File the progress report of the 6- or 12-month checkpoint' })
  fileProgressReport(@Param('id', uuid) id: string, @Param('checkpoint', ParseIntPipe) checkpoint: number, @Body() body: ProgressReportDto, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    return this.withReport(id, req, 'progress', { checkpoint, ...body }, (reportId) => ({ type: 'FileProgressReport', checkpoint: checkpoint as 6 | 12, reportId }), key);
  }

  @Post('help-requests')
  @HttpCode(200)
  @Roles('coop')
  @ApiOperation({ summary: 'Ask the federation for help (any time during implementation)' })
  requestHelp(@Param('id', uuid) id: string, @Body() body: HelpRequestDto, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    return this.act(id, req, { type: 'RequestHelp', helpRequestId: randomUUID(), question: body.question }, key);
  }

  @Post('readiness')
  @HttpCode(200)
  @Roles('coop')
  @ApiOperation({ summary: 'Declare readiness for the visit before the 18 months are over' })
  declareReadiness(@Param('id', uuid) id: string, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    return this.act(id, req, { type: 'DeclareReadiness' }, key);
  }

  @Post('mid-term-report')
  @HttpCode(200)
  @Roles('coop')
  @ApiOperation({ summary: 'File the mid-term report of the label (indicator values)' })
  fileMidTermReport(@Param('id', uuid) id: string, @Body() body: ProgressReportDto, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    return this.withReport(id, req, 'mid_term', body, (reportId) => ({ type: 'FileMidTermReport', reportId }), key);
  }

  @Post('renewal-request')
  @HttpCode(200)
  @Roles('coop')
  @ApiOperation({ summary: 'Request the renewal of the label (from 6 months before expiry), with the latest dossier' })
  async requestRenewal(@Param('id', uuid) id: string, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    const current = await this.reads.currentDossier(await this.reads.get(id, req.caller));
    if (!current) throw problem('DOSSIER.EMPTY');
    return this.act(id, req, { type: 'RequestRenewal', dossierVersion: current.version }, key);
  }

  @Post('withdrawal')
  @HttpCode(200)
  @Roles('coop')
  @ApiOperation({ summary: 'Withdraw the candidacy (any stage before the award)' })
  withdraw(@Param('id', uuid) id: string, @Body() body: ReasonDto, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    return this.act(id, req, { type: 'Withdraw', reason: body.reason }, key);
  }

  @Post('renunciation')
  @HttpCode(200)
  @Roles('coop')
  @ApiOperation({ summary: 'Renounce a held label' })
  renounce(@Param('id', uuid) id: string, @Body() body: ReasonDto, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    return this.act(id, req, { type: 'RenounceLabel', reason: body.reason }, key);
  }

  // — the federation —

  @Post('checkpoints/:checkpoint/advice')
  @HttpCode(200)
  @Roles('federation')
  @ApiParam({ name: 'checkpoint', enum: [6, 12] })
  @ApiOperation({ summary: 'Give advice on a filed checkpoint report' })
  advise(@Param('id', uuid) id: string, @Param('checkpoint', ParseIntPipe) checkpoint: number, @Body() body: AdviceDto, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    return this.act(id, req, { type: 'AdviseOnCheckpoint', checkpoint: checkpoint as 6 | 12, advice: body.advice }, key);
  }

  @Post('help-requests/:helpRequestId/answer')
  @HttpCode(200)
  @Roles('federation')
  @ApiOperation({ summary: "Answer a cooperative's help request" })
  answerHelp(@Param('id', uuid) id: string, @Param('helpRequestId', uuid) helpRequestId: string, @Body() body: HelpAnswerDto, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    return this.act(id, req, { type: 'AnswerHelpRequest', helpRequestId, answer: body.answer }, key);
  }

  @Post('visit')
  @HttpCode(200)
  @Roles('federation')
  @ApiOperation({ summary: 'Assign the visitor (a committee member) and the visit date; again to move it' })
  async scheduleVisit(@Param('id', uuid) id: string, @Body() body: ScheduleVisitDto, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    if (!(await this.register.isActiveCommitteeMember(body.visitorId))) throw invalidField('visitorId', "Ce membre du comité n'existe pas.", 'VISIT.UNKNOWN_VISITOR');
    return this.act(id, req, { type: 'ScheduleVisit', visitorId: body.visitorId, visitDate: body.visitDate }, key);
  }

  // — the committee —

  @Post('visit-report')
  @HttpCode(200)
  @Roles('committee')
  @ApiOperation({ summary: 'File the visit report (the assigned visitor only)' })
  fileVisitReport(@Param('id', uuid) id: string, @Body() body: VisitReportDto, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    const bad = Object.entries(body.findings ?? {}).filter(([, v]) => !FINDINGS.includes(v));
    if (bad.length) {
      throw problem('REQUEST.VALIDATION_FAILED', { errors: bad.map(([k]) => ({ field: `findings.${k}`, code: 'REQUEST.INVALID_FIELD', message: 'Constat attendu : on_track, partly ou not_met.' })) });
    }
    return this.withReport(id, req, 'visit', body, (reportId) => ({ type: 'FileVisitReport', reportId, findingsSummary: body.findingsSummary, findings: body.findings }), key);
  }

  @Post('decisions/completeness')
  @HttpCode(200)
  @Roles('committee')
  @ApiOperation({ summary: 'Record completeness (if incomplete: what is missing; the coop gets 60 days)' })
  completeness(@Param('id', uuid) id: string, @Body() body: CompletenessDto, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    return this.act(id, req, { type: 'RecordCompleteness', ...body }, key);
  }

  @Post('decisions/admissibility')
  @HttpCode(200)
  @Roles('committee')
  @ApiOperation({ summary: 'Record admissibility (after completeness); admissible starts the 18-month implementation' })
  admissibility(@Param('id', uuid) id: string, @Body() body: AdmissibilityDto, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    return this.act(id, req, { type: 'RecordAdmissibility', ...body }, key);
  }

  @Post('decisions/award')
  @HttpCode(200)
  @Roles('committee')
  @ApiOperation({ summary: 'Decide the award after the visit report: granted, extension (once, ≤ 6 months) or refused' })
  award(@Param('id', uuid) id: string, @Body() body: AwardDto, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    return this.act(id, req, { type: 'DecideAward', ...body }, key);
  }

  @Post('decisions/mid-term')
  @HttpCode(200)
  @Roles('committee')
  @ApiOperation({ summary: 'Confirm or withdraw the label at mid-term' })
  midTerm(@Param('id', uuid) id: string, @Body() body: MidTermDecisionDto, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    return this.act(id, req, { type: 'DecideMidTerm', ...body }, key);
  }

  @Post('decisions/renewal')
  @HttpCode(200)
  @Roles('committee')
  @ApiOperation({ summary: 'Renew the label (a new 3-year cycle) or refuse' })
  renewal(@Param('id', uuid) id: string, @Body() body: RenewalDecisionDto, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    return this.act(id, req, { type: 'DecideRenewal', ...body }, key);
  }
}
