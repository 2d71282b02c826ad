/**
 * The committee's actions on a candidacy: the visit report (the assigned visitor) and the decisions
 * of a session — completeness, admissibility, award, mid-term, renewal.
 */
import { Body, Controller, Param, Post, Req } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { AuthedRequest, Roles } from '../auth/auth.guard';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { CURRENT_REFERENTIAL, findEngagement, VISIT_FINDINGS } from '@qualicoop/domain';
import { problem } from '../common/error-catalogue';
import { ActionAnswer, ActionEndpoints, ActionRunner, uuid } from './action-runner';
import {
  AdmissibilityDto,
  AwardDto,
  CompletenessDto,
  MidTermDecisionDto,
  RenewalDecisionDto,
  VisitReportDto,
} from './actions.dto';

@ActionEndpoints()
@Controller('candidacies/:id')
export class CommitteeActionsController {
  constructor(private readonly actions: ActionRunner) {}

  @Post('visit-report')
  @ActionAnswer()
  @Roles('committee')
  @ApiOperation({ summary: 'File the visit report (the assigned visitor only)' })
  fileVisitReport(
    @Param('id', uuid) id: string,
    @Body() body: VisitReportDto,
    @Req() req: AuthedRequest,
    @IdempotencyKey() key?: string,
  ) {
    const bad = Object.entries(body.findings ?? {}).flatMap(([k, v]) =>
      !findEngagement(CURRENT_REFERENTIAL, k)
        ? [{ field: `findings.${k}`, message: `« ${k} » n'est pas un engagement du référentiel.` }]
        : !VISIT_FINDINGS.includes(v)
          ? [{ field: `findings.${k}`, message: 'Constat attendu : on_track, partly ou not_met.' }]
          : [],
    );
    if (bad.length) {
      throw problem('REQUEST.VALIDATION_FAILED', {
        errors: bad.map((b) => ({ ...b, code: 'REQUEST.INVALID_FIELD' })),
      });
    }
    return this.actions.withReport(
      id,
      req,
      'visit',
      body,
      (reportId) => ({
        type: 'FileVisitReport',
        reportId,
        findingsSummary: body.findingsSummary,
        findings: body.findings,
      }),
      key,
    );
  }

  @Post('decisions/completeness')
  @ActionAnswer()
  @Roles('committee')
  @ApiOperation({ summary: 'Record completeness (if incomplete: what is missing; the coop gets 60 days)' })
  completeness(
    @Param('id', uuid) id: string,
    @Body() body: CompletenessDto,
    @Req() req: AuthedRequest,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.act(id, req, { type: 'RecordCompleteness', ...body }, key);
  }

  @Post('decisions/admissibility')
  @ActionAnswer()
  @Roles('committee')
  @ApiOperation({ summary: 'Record admissibility (after completeness); admissible starts the 18-month implementation' })
  admissibility(
    @Param('id', uuid) id: string,
    @Body() body: AdmissibilityDto,
    @Req() req: AuthedRequest,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.act(id, req, { type: 'RecordAdmissibility', ...body }, key);
  }

  @Post('decisions/award')
  @ActionAnswer()
  @Roles('committee')
  @ApiOperation({
    summary: 'Decide the award after the visit report: granted, extension (once, ≤ 6 months) or refused',
  })
  award(
    @Param('id', uuid) id: string,
    @Body() body: AwardDto,
    @Req() req: AuthedRequest,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.act(id, req, { type: 'DecideAward', ...body }, key);
  }

  @Post('decisions/mid-term')
  @ActionAnswer()
  @Roles('committee')
  @ApiOperation({ summary: 'Confirm or withdraw the label at mid-term' })
  midTerm(
    @Param('id', uuid) id: string,
    @Body() body: MidTermDecisionDto,
    @Req() req: AuthedRequest,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.act(id, req, { type: 'DecideMidTerm', ...body }, key);
  }

  @Post('decisions/renewal')
  @ActionAnswer()
  @Roles('committee')
  @ApiOperation({ summary: 'Renew the label (a new 3-year cycle) or refuse' })
  renewal(
    @Param('id', uuid) id: string,
    @Body() body: RenewalDecisionDto,
    @Req() req: AuthedRequest,
    @IdempotencyKey() key?: string,
  ) {
    return this.actions.act(id, req, { type: 'DecideRenewal', ...body }, key);
  }
}
