/** The federation's register of cooperatives and the committee calendar (spec §1, §4.1). */
import { Body, Controller, Get, Param, Patch, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Client } from '@temporalio/client';
import { DataSource } from 'typeorm';
import { candidacyWorkflowId, sessionMovedSignal } from '@qualicoop/contracts';
import { AuthedRequest, Roles } from '../auth/auth.guard';
import { ProblemException } from '../common/problem';
import { CreateCooperativeDto, CreateSessionDto, SessionDto, UpdateCooperativeDto } from './register.dto';

const CUTOFF_DAYS = 21;
const sessionView = (r: { id: string; calendar: string; session_date: Date; cutoff_at: Date; members: string[] }) => ({
  id: r.id,
  calendar: r.calendar,
  sessionDate: r.session_date,
  cutoffAt: r.cutoff_at,
  agendaClosed: r.cutoff_at.getTime() <= Date.now(),
  members: r.members,
});

@ApiTags('register')
@ApiBearerAuth()
@Controller()
export class RegisterController {
  constructor(
    private readonly ds: DataSource,
    private readonly temporal: Client,
  ) {}

  @Get('cooperatives')
  @Roles('federation')
  @ApiOperation({ summary: 'The register of cooperatives' })
  cooperatives() {
    return this.ds.query('SELECT id, name, region, email, active FROM cooperatives ORDER BY name');
  }

  @Post('cooperatives')
  @Roles('federation')
  @ApiOperation({ summary: 'Register a cooperative' })
  async createCooperative(@Body() body: CreateCooperativeDto) {
    const rows = (await this.ds.query('INSERT INTO cooperatives (id, name, region, email) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id, name, region, email, active', [
      body.id,
      body.name,
      body.region,
      body.email,
    ])) as unknown[];
    if (!rows.length) throw new ProblemException(409, 'COOPERATIVE.ALREADY_EXISTS', 'Une coopérative porte déjà cet identifiant.');
    return rows[0];
  }

  @Patch('cooperatives/:cooperativeId')
  @Roles('federation')
  @ApiOperation({ summary: 'Update a cooperative (name, region, e-mail, active)' })
  async updateCooperative(@Param('cooperativeId') id: string, @Body() body: UpdateCooperativeDto) {
    const [rows] = (await this.ds.query(
      `UPDATE cooperatives SET name = COALESCE($2, name), region = COALESCE($3, region), email = COALESCE($4, email), active = COALESCE($5, active)
       WHERE id = $1 RETURNING id, name, region, email, active`,
      [id, body.name ?? null, body.region ?? null, body.email ?? null, body.active ?? null],
    )) as [unknown[]];
    if (!rows?.length) throw new ProblemException(404, 'COOPERATIVE.NOT_FOUND', "Cette coopérative n'existe pas.");
    return rows[0];
  }

  @Get('committee-sessions')
  @Roles('federation', 'committee', 'coop')
  @ApiOperation({ summary: 'The committee calendar (standard sessions)' })
  async sessions() {
    const rows = await this.ds.query(`SELECT * FROM committee_sessions WHERE calendar = 'standard' ORDER BY session_date`);
    return rows.map(sessionView);
  }

  @Post('committee-sessions')
  @Roles('federation')
  @ApiOperation({ summary: 'Add a committee session (cut-off 21 days before by default)' })
  async addSession(@Body() body: CreateSessionDto) {
    const cutoff = body.cutoffAt ?? new Date(Date.parse(body.sessionDate) - CUTOFF_DAYS * 86_400_000).toISOString();
    if (Date.parse(cutoff) >= Date.parse(body.sessionDate)) throw fieldError('cutoffAt', "La date limite de l'ordre du jour doit précéder la séance.");
    const rows = await this.ds.query(
      `INSERT INTO committee_sessions (id, calendar, session_date, cutoff_at, members) VALUES ($1, 'standard', $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING *`,
      [body.id, body.sessionDate, cutoff, body.members ?? []],
    );
    if (!rows.length) throw new ProblemException(409, 'SESSION.ALREADY_EXISTS', 'Une séance porte déjà cet identifiant.');
    return sessionView(rows[0]);
  }

  @Patch('committee-sessions/:sessionId')
  @Roles('federation')
  @ApiOperation({ summary: 'Move a session: candidacies on its still-open agenda follow it' })
  async moveSession(@Param('sessionId') sessionId: string, @Body() body: SessionDto, @Req() _req: AuthedRequest) {
    const cutoff = body.cutoffAt ?? new Date(Date.parse(body.sessionDate) - CUTOFF_DAYS * 86_400_000).toISOString();
    if (Date.parse(cutoff) >= Date.parse(body.sessionDate)) throw fieldError('cutoffAt', "La date limite de l'ordre du jour doit précéder la séance.");
    const [rows] = (await this.ds.query(
      `UPDATE committee_sessions SET session_date = $2, cutoff_at = $3, members = COALESCE($4, members) WHERE id = $1 RETURNING *`,
      [sessionId, body.sessionDate, cutoff, body.members ?? null],
    )) as [Array<Parameters<typeof sessionView>[0]>];
    const row = rows?.[0];
    if (!row) throw new ProblemException(404, 'SESSION.NOT_FOUND', "Cette séance n'existe pas.");
    const onAgenda = (await this.ds.query(`SELECT cooperative_id FROM candidacies WHERE NOT closed AND state->'agenda'->>'sessionId' = $1 AND (state->'agenda'->>'closed')::boolean IS NOT TRUE`, [
      sessionId,
    ])) as Array<{ cooperative_id: string }>;
    const ref = { sessionId, sessionDate: row.session_date.toISOString(), cutoffAt: row.cutoff_at.toISOString() };
    await Promise.all(onAgenda.map((c) => this.temporal.workflow.getHandle(candidacyWorkflowId(c.cooperative_id)).signal(sessionMovedSignal, ref)));
    return { ...sessionView(row), candidaciesMoved: onAgenda.length };
  }
}

function fieldError(field: string, message: string): ProblemException {
  return new ProblemException(400, 'REQUEST.VALIDATION_FAILED', 'La requête contient des champs invalides.', [{ field, code: 'REQUEST.INVALID_FIELD', message }]);
}
