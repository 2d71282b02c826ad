/** The federation's register of cooperatives and the committee calendar (spec §1, §4.1). */
import { Body, Controller, Get, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { candidacyWorkflowId, sessionMovedSignal } from '@qualicoop/contracts';
import { agendaCutoffOf, STANDARD_POLICY } from '@qualicoop/domain';
import { CandidacyRepository, RegisterRepository, SessionRecord } from '@qualicoop/persistence';
import { AuthedRequest, Roles } from '../auth/auth.guard';
import { CreateCooperativeDto, CreateSessionDto, SessionDto, UpdateCooperativeDto } from './register.dto';
import { invalidField, problem } from '../common/error-catalogue';
import { arrayOf, schemaRef } from '../schema-components';

const sessionView = (r: SessionRecord) => ({
  id: r.id,
  calendar: r.calendar,
  sessionDate: r.sessionDate,
  cutoffAt: r.cutoffAt,
  agendaClosed: r.cutoffAt.getTime() <= Date.now(),
  members: r.members,
});

/** The cut-off given, or the calendar's rule (21 days before, at the start of that day in Paris). */
function cutoffOf(body: { sessionDate: string; cutoffAt?: string }): string {
  const cutoff = body.cutoffAt ?? agendaCutoffOf(body.sessionDate, STANDARD_POLICY);
  if (Date.parse(cutoff) >= Date.parse(body.sessionDate))
    throw invalidField('cutoffAt', "La date limite de l'ordre du jour doit précéder la séance.");
  return cutoff;
}

@ApiTags('register')
@ApiBearerAuth()
@Controller()
export class RegisterController {
  constructor(
    private readonly register: RegisterRepository,
    private readonly candidacies: CandidacyRepository,
    private readonly temporal: Client,
  ) {}

  @Get('cooperatives')
  @Roles('federation')
  @ApiOperation({ summary: 'The register of cooperatives' })
  @ApiOkResponse({ schema: arrayOf('Cooperative') })
  cooperatives() {
    return this.register.cooperatives();
  }

  @Post('cooperatives')
  @Roles('federation')
  @ApiOperation({ summary: 'Register a cooperative' })
  @ApiCreatedResponse({ schema: schemaRef('Cooperative') })
  async createCooperative(@Body() body: CreateCooperativeDto) {
    const added = await this.register.addCooperative(body);
    if (!added) throw problem('COOPERATIVE.ALREADY_EXISTS');
    return added;
  }

  @Patch('cooperatives/:cooperativeId')
  @Roles('federation')
  @ApiOperation({ summary: 'Update a cooperative (name, region, e-mail, active)' })
  @ApiOkResponse({ schema: schemaRef('Cooperative') })
  async updateCooperative(@Param('cooperativeId') id: string, @Body() body: UpdateCooperativeDto) {
    const updated = await this.register.updateCooperative(id, body);
    if (!updated) throw problem('COOPERATIVE.NOT_FOUND');
    return updated;
  }

  @Get('committee-members')
  @Roles('federation')
  @ApiOperation({ summary: 'The active committee members (id and name): who may be sent on a visit' })
  @ApiOkResponse({ schema: arrayOf('CommitteeMember') })
  committeeMembers() {
    return this.register.committeeMembers();
  }

  @Get('committee-sessions')
  @Roles('federation', 'committee', 'coop')
  @ApiOperation({ summary: 'The committee calendar (standard sessions)' })
  @ApiOkResponse({ schema: arrayOf('CommitteeSession') })
  async sessions() {
    return (await this.register.standardSessions()).map(sessionView);
  }

  @Post('committee-sessions')
  @Roles('federation')
  @ApiOperation({ summary: 'Add a committee session (cut-off 21 days before by default)' })
  @ApiCreatedResponse({ schema: schemaRef('CommitteeSession') })
  async addSession(@Body() body: CreateSessionDto) {
    const added = await this.register.addSession({
      id: body.id,
      sessionDate: body.sessionDate,
      cutoffAt: cutoffOf(body),
      members: body.members ?? [],
    });
    if (!added) throw problem('SESSION.ALREADY_EXISTS');
    return sessionView(added);
  }

  @Patch('committee-sessions/:sessionId')
  @Roles('federation')
  @ApiOperation({ summary: 'Move a session: candidacies on its still-open agenda follow it' })
  @ApiOkResponse({ schema: schemaRef('MovedCommitteeSession') })
  async moveSession(@Param('sessionId') sessionId: string, @Body() body: SessionDto, @Req() _req: AuthedRequest) {
    const row = await this.register.moveSession(sessionId, {
      sessionDate: body.sessionDate,
      cutoffAt: cutoffOf(body),
      members: body.members,
    });
    if (!row) throw problem('SESSION.NOT_FOUND');
    const onAgenda = await this.candidacies.cooperativesOnOpenAgenda(sessionId);
    const ref = { sessionId, sessionDate: row.sessionDate.toISOString(), cutoffAt: row.cutoffAt.toISOString() };
    await Promise.all(
      onAgenda.map((cooperativeId) =>
        this.temporal.workflow.getHandle(candidacyWorkflowId(cooperativeId)).signal(sessionMovedSignal, ref),
      ),
    );
    return { ...sessionView(row), candidaciesMoved: onAgenda.length };
  }
}
