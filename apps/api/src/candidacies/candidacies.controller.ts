import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Post, Put, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiBody, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DataSource } from 'typeorm';
import { checkDossier, CURRENT_REFERENTIAL, Dossier } from '@qualicoop/domain';
import { CandidacyEntity, CooperativeEntity } from '@qualicoop/persistence';
import { AuthedRequest, Roles } from '../auth/auth.guard';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { ProblemException } from '../common/problem';
import { CandidacyCommandsService, keepUnlessRefused } from './candidacy-commands.service';
import { CandidacyReadsService } from './candidacy-reads.service';
import { DossierDto, OpenCandidacyDto } from './candidacy.dto';
import { checkDossierShape } from './dossier-shape';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => new ProblemException(404, 'CANDIDACY.NOT_FOUND', "Cette candidature n'existe pas.") });

export function view(row: CandidacyEntity) {
  return {
    id: row.id,
    cooperativeId: row.cooperativeId,
    workflowId: row.workflowId,
    cycle: row.cycle,
    stage: row.stage,
    closed: row.closed,
    openedAt: row.openedAt,
    stageSince: row.stageSince,
    nextDeadline: row.nextDeadlineAt ? { at: row.nextDeadlineAt, what: row.nextDeadlineLabel } : null,
    labelExpiresOn: row.labelExpiresOn,
    dossierVersion: row.dossierVersion,
    lastSequence: row.lastSequence,
    state: row.state,
  };
}

@ApiTags('candidacies')
@ApiBearerAuth()
@Controller('candidacies')
export class CandidaciesController {
  constructor(
    private readonly commands: CandidacyCommandsService,
    private readonly reads: CandidacyReadsService,
    private readonly ds: DataSource,
  ) {}

  @Post()
  @Roles('coop', 'federation')
  @ApiOperation({
    summary: 'Open a candidacy for a cooperative (starts its workflow)',
    description:
      'With an Idempotency-Key, a retry of the same request returns the same candidacy, even if the first response was lost. ' +
      'The `Location` header names the candidacy.',
  })
  @ApiResponse({ status: 201, description: 'The new candidacy, in stage draft' })
  @ApiResponse({
    status: 202,
    description:
      'CANDIDACY.OPENING: the workflow is started but its first event is not yet in the read models (system under load or recovering); ' +
      '`{ id, cooperativeId, code, detail }`, GET the `Location` shortly after',
  })
  @ApiResponse({ status: 409, description: 'CANDIDACY.ALREADY_OPEN: the cooperative already has an open candidacy or label cycle' })
  async open(
    @Body() body: OpenCandidacyDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    const { caller } = req;
    const cooperative = await this.ds.getRepository(CooperativeEntity).findOneBy({ id: body.cooperativeId });
    if (!cooperative || (caller.role === 'coop' && caller.cooperativeId !== body.cooperativeId)) {
      throw new ProblemException(404, 'COOPERATIVE.NOT_FOUND', "Cette coopérative n'existe pas.");
    }
    const requestKey = idempotencyKey ? `${caller.sub}:${idempotencyKey}` : undefined;
    const id = await this.commands.open(body.cooperativeId, caller, this.commands.policyFor(body.policy), requestKey);
    res.setHeader('Location', `/candidacies/${id}`);
    const row = await this.reads.waitFor(id, caller);
    if (row) return view(row);
    res.status(202);
    res.setHeader('Retry-After', '2');
    return {
      id,
      cooperativeId: body.cooperativeId,
      code: 'CANDIDACY.OPENING',
      detail: "La candidature est ouverte ; elle sera visible dans un instant à l'adresse indiquée (en-tête Location).",
    };
  }

  @Get(':id')
  @Roles('coop', 'federation', 'committee')
  @ApiOperation({ summary: "A candidacy's read model: stage, next deadline, state" })
  async get(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    return view(await this.reads.get(id, req.caller));
  }

  @Get(':id/history')
  @Roles('coop', 'federation', 'committee')
  @ApiOperation({ summary: 'The domain events of the candidacy, in order' })
  async history(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    const events = await this.reads.history(id, req.caller);
    return events.map((e) => ({ cycle: e.cycle, sequence: e.sequence, type: e.type, occurredAt: e.occurredAt, actorId: e.actorId, data: e.data }));
  }

  @Get(':id/dossier')
  @Roles('coop', 'federation', 'committee')
  @ApiOperation({ summary: 'The latest saved version of the dossier' })
  async dossier(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    const latest = await this.reads.currentDossier(await this.reads.get(id, req.caller));
    if (!latest) throw new ProblemException(404, 'DOSSIER.NOT_FOUND', "Aucun dossier n'a encore été enregistré.");
    return { version: latest.version, sha256: latest.sha256, savedAt: latest.savedAt, dossier: latest.content };
  }

  @Put(':id/dossier')
  @Roles('coop')
  @ApiBody({ type: DossierDto })
  @ApiOperation({ summary: 'Save the dossier draft (as often as needed, until submission)' })
  async saveDraft(@Param('id', uuid) id: string, @Body() body: unknown, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    const row = await this.reads.get(id, req.caller);
    const errors = checkDossierShape(body);
    if (errors.length) throw new ProblemException(400, 'REQUEST.VALIDATION_FAILED', 'Le dossier envoyé est mal formé.', errors);
    const version = await this.reads.saveDossierVersion(id, body as Dossier, req.caller.sub);
    const result = await keepUnlessRefused(
      () => this.commands.execute(row.workflowId, { type: 'SaveDraft', dossierVersion: version.version, dossierHash: version.sha256 } as never, req.caller, key),
      () => this.reads.discardDossierVersion(id, version.version),
    );
    // A retry with the Idempotency-Key of a draft already saved gets that first version back.
    const saved = result.state.dossierVersion ?? version.version;
    return { dossierVersion: saved, sha256: saved === version.version ? version.sha256 : result.state.dossierHash, stage: result.state.stage };
  }

  @Post(':id/submission')
  @HttpCode(200)
  @Roles('coop')
  @ApiOperation({ summary: 'Submit the latest draft: the rules of spec §3 are checked, one field-level error per breach' })
  @ApiResponse({ status: 400, description: 'DOSSIER.INCOMPLETE with `errors[]` (field, code, French message)' })
  async submit(@Param('id', uuid) id: string, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    const row = await this.reads.get(id, req.caller);
    const latest = await this.reads.currentDossier(row);
    if (!latest) throw new ProblemException(400, 'DOSSIER.EMPTY', "Enregistrez d'abord un brouillon de dossier.");
    const breaches = [
      ...checkDossier(latest.content as unknown as Dossier, CURRENT_REFERENTIAL),
      ...(await this.reads.documentBreaches(id, latest.content as unknown as Dossier)),
    ];
    if (breaches.length) throw new ProblemException(400, 'DOSSIER.INCOMPLETE', `Le dossier ne peut pas être déposé : ${breaches.length} point(s) à compléter.`, breaches);
    const result = await this.commands.execute(row.workflowId, { type: 'SubmitDossier', dossierVersion: latest.version, dossierHash: latest.sha256 } as never, req.caller, key);
    return { ...view(await this.reads.get(id, req.caller)), events: result.events };
  }
}
