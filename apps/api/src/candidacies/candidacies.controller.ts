import { Body, Controller, Get, HttpCode, Inject, Param, ParseUUIDPipe, Post, Put, Req, Res } from '@nestjs/common';
import type { Response } from 'express';
import { ApiBearerAuth, ApiBody, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { DossierSchema, renewalPreparable } from '@qualicoop/domain';
import { DossierRepository, RegisterRepository } from '@qualicoop/persistence';
import { RuntimeConfig } from '@qualicoop/platform';
import { CONFIG } from '../common/infrastructure.module';
import { AuthedRequest, Roles } from '../auth/auth.guard';
import { IdempotencyKey } from '../common/idempotency-key.decorator';
import { problem } from '../common/error-catalogue';
import { CandidacyCommandsService, keepUnlessRefused, requestKeyOf } from './candidacy-commands.service';
import { CandidacyReadsService } from './candidacy-reads.service';
import { candidacyView as view } from './candidacy-view';
import { OpenCandidacyDto } from './candidacy.dto';
import { parseBody } from '../common/schema-body';
import { arrayOf, schemaRef } from '../schema-components';

const uuid = new ParseUUIDPipe({ exceptionFactory: () => problem('CANDIDACY.NOT_FOUND') });

@ApiTags('candidacies')
@ApiBearerAuth()
@Controller('candidacies')
export class CandidaciesController {
  constructor(
    private readonly commands: CandidacyCommandsService,
    private readonly reads: CandidacyReadsService,
    private readonly dossiers: DossierRepository,
    private readonly register: RegisterRepository,
    @Inject(CONFIG) private readonly config: RuntimeConfig,
  ) {}

  @Post()
  @Roles('coop', 'federation')
  @ApiOperation({
    summary: 'Open a candidacy for a cooperative (starts its workflow)',
    description:
      'With an Idempotency-Key, a retry of the same request returns the same candidacy, even if the first response was lost. ' +
      'The `Location` header names the candidacy.',
  })
  @ApiResponse({ status: 201, description: 'The new candidacy, in stage draft', schema: schemaRef('Candidacy') })
  @ApiResponse({
    status: 202,
    description:
      'CANDIDACY.OPENING: the workflow is started but its first event is not yet in the read models (system under load or recovering); ' +
      '`{ id, cooperativeId, code, detail }`, GET the `Location` shortly after',
    schema: schemaRef('CandidacyOpening'),
  })
  @ApiResponse({
    status: 409,
    description: 'CANDIDACY.ALREADY_OPEN: the cooperative already has an open candidacy or label cycle',
  })
  async open(
    @Body() body: OpenCandidacyDto,
    @Req() req: AuthedRequest,
    @Res({ passthrough: true }) res: Response,
    @IdempotencyKey() idempotencyKey?: string,
  ) {
    const { caller } = req;
    const cooperative = await this.register.cooperative(body.cooperativeId);
    if (!cooperative || (caller.role === 'coop' && caller.cooperativeId !== body.cooperativeId)) {
      throw problem('COOPERATIVE.NOT_FOUND');
    }
    const requestKey = idempotencyKey ? `${caller.sub}:${idempotencyKey}` : undefined;
    const id = await this.commands.open(cooperative, caller, this.commands.policyFor(body.policy), requestKey);
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
  @ApiOperation({
    summary: "A candidacy's read model: stage, next deadline, state; once a visit is planned, the visitor's name",
    description:
      "For the federation, `workflowUrl`: the candidacy's workflow in the operators' Temporal UI (null when none is configured).",
  })
  @ApiOkResponse({ schema: schemaRef('CandidacyDetail') })
  async get(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    const row = await this.reads.get(id, req.caller);
    const visitorId = row.state.visit?.visitorId;
    const visitor = visitorId
      ? { id: visitorId, name: (await this.register.personName(visitorId)) ?? visitorId }
      : null;
    const ui = this.config.temporalUiUrl;
    const workflowUrl =
      req.caller.role !== 'federation'
        ? undefined
        : ui
          ? `${ui}/namespaces/${encodeURIComponent(this.config.temporalNamespace)}/workflows/${encodeURIComponent(row.workflowId)}`
          : null;
    return { ...view(row), visitor, ...(workflowUrl !== undefined ? { workflowUrl } : {}) };
  }

  @Get(':id/history')
  @Roles('coop', 'federation', 'committee')
  @ApiOperation({ summary: 'The domain events of the candidacy, in order' })
  @ApiOkResponse({ schema: arrayOf('HistoryEntry') })
  async history(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    const events = await this.reads.history(id, req.caller);
    return events.map((e) => ({
      cycle: e.cycle,
      sequence: e.sequence,
      type: e.type,
      occurredAt: e.occurredAt,
      actorId: e.actorId,
      data: e.data,
    }));
  }

  @Get(':id/dossier')
  @Roles('coop', 'federation', 'committee')
  @ApiOperation({ summary: 'The latest saved version of the dossier' })
  @ApiOkResponse({ schema: schemaRef('DossierVersion') })
  async dossier(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    const latest = await this.reads.currentDossier(await this.reads.get(id, req.caller));
    if (!latest) throw problem('DOSSIER.NOT_FOUND');
    return { version: latest.version, sha256: latest.sha256, savedAt: latest.savedAt, dossier: latest.content };
  }

  @Get(':id/reports')
  @Roles('coop', 'federation', 'committee')
  @ApiOperation({
    summary:
      'The reports filed on the candidacy, every cycle: checkpoint progress reports, visit reports, mid-term reports',
  })
  @ApiOkResponse({ schema: arrayOf('FiledReport') })
  reports(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    return this.reads.filedReports(id, req.caller);
  }

  @Get(':id/renewal-dossier')
  @Roles('coop', 'federation', 'committee')
  @ApiOperation({
    summary: 'The renewal dossier: the one being prepared during the label, else the current dossier carried over',
  })
  @ApiOkResponse({ schema: schemaRef('DossierVersion') })
  async renewalDossier(@Param('id', uuid) id: string, @Req() req: AuthedRequest) {
    const found = await this.reads.renewalDossier(await this.reads.get(id, req.caller));
    if (!found) throw problem('DOSSIER.NOT_FOUND');
    return { version: found.version, sha256: found.sha256, savedAt: found.savedAt, dossier: found.content };
  }

  @Put(':id/renewal-dossier')
  @Roles('coop')
  @ApiBody({ schema: schemaRef('Dossier') })
  @ApiOperation({
    summary: 'Save the renewal dossier being prepared (while the label runs, before the renewal request)',
    description: 'A new version beside the current dossier, which stays what the label was granted on.',
  })
  @ApiOkResponse({ schema: schemaRef('SavedRenewalDossier') })
  @ApiResponse({ status: 409, description: 'RENEWAL.NOT_PREPARABLE: no label running, or renewal already requested' })
  async saveRenewalDossier(@Param('id', uuid) id: string, @Body() body: unknown, @Req() req: AuthedRequest) {
    const row = await this.reads.get(id, req.caller);
    const dossier = parseBody(DossierSchema, body);
    if (!renewalPreparable(row.state)) throw problem('RENEWAL.NOT_PREPARABLE');
    const saved = await this.dossiers.save(id, dossier, req.caller.sub);
    return { dossierVersion: saved.version, sha256: saved.sha256, savedAt: saved.savedAt };
  }

  @Put(':id/dossier')
  @Roles('coop')
  @ApiBody({ schema: schemaRef('Dossier') })
  @ApiOperation({ summary: 'Save the dossier draft (as often as needed, until submission)' })
  @ApiOkResponse({ schema: schemaRef('SavedDraft') })
  async saveDraft(
    @Param('id', uuid) id: string,
    @Body() body: unknown,
    @Req() req: AuthedRequest,
    @IdempotencyKey() key?: string,
  ) {
    const row = await this.reads.get(id, req.caller);
    const dossier = parseBody(DossierSchema, body);
    const version = await this.dossiers.save(id, dossier, req.caller.sub, requestKeyOf(req.caller, key));
    const result = await keepUnlessRefused(
      () =>
        this.commands.execute(
          row.workflowId,
          { type: 'SaveDraft', dossierVersion: version.version, dossierHash: version.sha256 },
          req.caller,
          key,
        ),
      () => this.dossiers.discard(id, version.version),
    );
    // A retry with the Idempotency-Key of a draft already saved gets that first version back.
    const saved = result.state.dossierVersion ?? version.version;
    return {
      dossierVersion: saved,
      sha256: saved === version.version ? version.sha256 : result.state.dossierHash,
      stage: result.state.stage,
    };
  }

  @Post(':id/submission')
  @HttpCode(200)
  @Roles('coop')
  @ApiOperation({
    summary: 'Submit the latest draft: the rules of spec §3 are checked, one field-level error per breach',
  })
  @ApiOkResponse({ schema: schemaRef('CandidacyAfterAction') })
  @ApiResponse({ status: 400, description: 'DOSSIER.INCOMPLETE with `errors[]` (field, code, French message)' })
  async submit(@Param('id', uuid) id: string, @Req() req: AuthedRequest, @IdempotencyKey() key?: string) {
    const row = await this.reads.get(id, req.caller);
    const latest = await this.reads.currentDossier(row);
    if (!latest) throw problem('DOSSIER.EMPTY');
    const breaches = await this.reads.breaches(id, latest.content);
    if (breaches.length) throw problem('DOSSIER.INCOMPLETE', { params: { count: breaches.length }, errors: breaches });
    const result = await this.commands.execute(
      row.workflowId,
      { type: 'SubmitDossier', dossierVersion: latest.version, dossierHash: latest.sha256 },
      req.caller,
      key,
    );
    return { ...view(await this.reads.get(id, req.caller)), events: result.events };
  }
}
