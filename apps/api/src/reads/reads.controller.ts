/**
 * The read side for people: lists, inboxes, agendas, KPIs and the practices export. Everything is
 * read from the PostgreSQL read models (never from Temporal); a coop only ever sees its own data.
 */
import { Controller, Get, Header, Param, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProduces, ApiResponse, ApiTags } from '@nestjs/swagger';
import { ReadModels } from '@qualicoop/persistence';
import { ExpensiveRead } from '../common/limits';
import { AuthedRequest, Roles } from '../auth/auth.guard';
import { problem } from '../common/error-catalogue';
import { addDays, parisInstant } from '@qualicoop/domain';
import { CommitteeInbox, committeeInbox, coopInbox, federationItems, InboxFilter, InboxItem } from './inbox';
import { inboxCsv } from './inbox-csv';
import { practicesCsv } from './practices-csv';
import { InboxQuery, ListCandidaciesQuery, SESSION_ID } from './reads.dto';
import { schemaRef } from '../schema-components';

/** The CSV exports: UTF-8 text (with a BOM) for Excel. */
const CSV = { schema: { type: 'string' as const, description: 'UTF-8 with BOM, `;` separator' } };

const DEFAULT_LIMIT = 20;
const DEFAULT_INBOX_LIMIT = 100;

@ApiTags('reads')
@ApiBearerAuth()
@Controller()
export class ReadsController {
  constructor(private readonly reads: ReadModels) {}

  @Get('candidacies')
  @ExpensiveRead()
  @Roles('coop', 'federation', 'committee')
  @ApiOperation({
    summary: 'List candidacies (a coop: its own only), filtered, sorted by next deadline then id, paginated',
    description: 'Open candidacies unless `closed=true`. `{ items, total, limit, offset }`.',
  })
  @ApiOkResponse({ schema: schemaRef('CandidacyPage') })
  @ApiResponse({
    status: 400,
    description: 'REQUEST.VALIDATION_FAILED: an unknown or invalid parameter (French message per field)',
  })
  async list(@Query() query: ListCandidaciesQuery, @Req() req: AuthedRequest) {
    const { caller } = req;
    return this.reads.candidacies(
      {
        stages: query.stage,
        sessionId: query.sessionId,
        cooperativeId: query.cooperativeId,
        overdue: query.overdue,
        labelExpiringWithinMonths: query.labelExpiringWithinMonths,
        closed: query.closed ?? false,
        limit: query.limit ?? DEFAULT_LIMIT,
        offset: query.offset ?? 0,
      },
      caller.role === 'coop' ? caller.cooperativeId : undefined,
    );
  }

  @Get('inbox')
  @ExpensiveRead()
  @Roles('coop', 'federation', 'committee')
  @ApiOperation({
    summary: 'What is due by the caller, by when, and the API call to make',
    description:
      'coop: its open candidacies (next deadline, actions it can take now); federation: visits to plan, help requests, ' +
      'checkpoint reports awaiting advice, overdue checkpoints, labels expiring within 6 months; committee: decisions on ' +
      'closed agendas (also grouped by session in `bySession`, not paginated) and the visits assigned to the caller. ' +
      'Items sorted by `dueBy` (undated last), paginated: `{ role, items, total, limit, offset }`.',
  })
  @ApiOkResponse({ schema: schemaRef('Inbox') })
  @ApiResponse({
    status: 400,
    description: 'REQUEST.VALIDATION_FAILED: an invalid filter, limit or offset (French message per field)',
  })
  async inbox(@Query() query: InboxQuery, @Req() req: AuthedRequest) {
    const page = { limit: query.limit ?? DEFAULT_INBOX_LIMIT, offset: query.offset ?? 0 };
    const { role, items, total, bySession } = await this.inboxOf(req.caller, query, page);
    return { role, items, total, ...page, ...(bySession ? { bySession } : {}) };
  }

  @Get('inbox.csv')
  @ExpensiveRead()
  @Roles('coop', 'federation', 'committee')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="quali-coop-taches.csv"')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: "The caller's inbox as CSV for Excel: the same filters and order as `GET /inbox`, every item",
    description: 'UTF-8 with BOM, `;` separator; due date and Paris time in two columns; `limit`/`offset` are ignored.',
  })
  @ApiOkResponse(CSV)
  @ApiResponse({ status: 400, description: 'REQUEST.VALIDATION_FAILED: an invalid filter (French message per field)' })
  async inboxExport(@Query() query: InboxQuery, @Req() req: AuthedRequest) {
    return inboxCsv((await this.inboxOf(req.caller, query)).items);
  }

  /** The items of the caller's inbox that pass the query's filters, sorted: one page, or every one. */
  private async inboxOf(
    caller: AuthedRequest['caller'],
    query: InboxQuery,
    page?: { limit: number; offset: number },
  ): Promise<{ role: string; items: InboxItem[]; total: number; bySession?: CommitteeInbox['bySession'] }> {
    const filter: InboxFilter = {
      ...(query.candidacyId ? { candidacyId: query.candidacyId } : {}),
      ...(query.stage ? { stages: query.stage } : {}),
      ...(query.cooperativeId ? { cooperativeId: query.cooperativeId } : {}),
      ...(query.dueUntil ? { dueUntil: query.dueUntil } : {}),
      ...(query.overdue !== undefined ? { overdue: query.overdue } : {}),
    };
    const now = new Date();
    const paged = (items: InboxItem[]) => ({
      items: page ? items.slice(page.offset, page.offset + page.limit) : items,
      total: items.length,
    });
    if (caller.role === 'coop') {
      const candidacies = await this.reads.coopInbox(caller.cooperativeId ?? '', filter);
      return { role: caller.role, ...paged(coopInbox(candidacies, now, filter)) };
    }
    if (caller.role === 'federation') {
      const { items, total } = await this.reads.federationInbox(now, {
        ...filter,
        ...(filter.dueUntil ? { dueBefore: parisInstant(addDays(filter.dueUntil, 1)) } : {}),
        ...page,
      });
      return { role: caller.role, items: federationItems(items, now), total };
    }
    const { items, bySession } = committeeInbox(
      await this.reads.committeeInbox(caller.sub, filter),
      caller.sub,
      now,
      filter,
    );
    return { role: caller.role, ...paged(items), bySession };
  }

  @Get('committee-sessions/:id/agenda')
  @ExpensiveRead()
  @Roles('federation', 'committee')
  @ApiOperation({
    summary: "A committee session's agenda: the candidacies placed on it, with the kind of item and their stage",
  })
  @ApiOkResponse({ schema: schemaRef('SessionAgenda') })
  @ApiResponse({ status: 404, description: 'SESSION.NOT_FOUND' })
  async agenda(@Param('id') id: string) {
    const notFound = () => problem('SESSION.NOT_FOUND');
    if (!SESSION_ID.test(id)) throw notFound();
    const agenda = await this.reads.sessionAgenda(id);
    if (!agenda.session && agenda.items.length === 0) throw notFound();
    return agenda;
  }

  @Get('kpis')
  @ExpensiveRead()
  @Roles('federation')
  @ApiOperation({
    summary:
      'Federation KPIs (spec §5): engagement rate, funnel, overdue checkpoints, labels expiring within 6 months, committee workload',
  })
  @ApiOkResponse({ schema: schemaRef('Kpis') })
  kpis() {
    return this.reads.kpis();
  }

  @Get('kpis/practices.csv')
  @ExpensiveRead()
  @Roles('federation')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @Header('Content-Disposition', 'attachment; filename="quali-coop-pratiques.csv"')
  @Header('Cache-Control', 'no-store')
  @ApiProduces('text/csv')
  @ApiOperation({
    summary: 'Practices export for Excel: one row per cooperative × engagement × indicator of the submitted dossiers',
    description:
      'UTF-8 with BOM, `;` separator, decimal comma: baseline, target and the latest achieved value (progress reports).',
  })
  @ApiOkResponse(CSV)
  async exportPractices() {
    return practicesCsv(await this.reads.practiceRows());
  }

  @Get('kpis/practices')
  @ExpensiveRead()
  @Roles('federation')
  @ApiOperation({ summary: 'Which engagements the submitted dossiers choose most, with the indicators used for each' })
  @ApiOkResponse({ schema: schemaRef('EngagementPopularity') })
  practices() {
    return this.reads.engagementPopularity();
  }
}
