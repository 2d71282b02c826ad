/** Reports stored before the command that names them (kept unless the command was refused). */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ReportEntity } from '../entities/report.entity';

/** A report some event of the candidacy names: what was sent, when, by whom, in which cycle. */
export interface FiledReport {
  id: string;
  kind: 'progress' | 'mid_term' | 'visit';
  cycle: number;
  /** The checkpoint (months) of a progress report. */
  checkpoint: number | null;
  late: boolean;
  content: Record<string, unknown>;
  filedBy: string;
  filedAt: string;
}

const FILED_BY_EVENT = { ProgressReportFiled: 'progress', MidTermReportFiled: 'mid_term', VisitReportFiled: 'visit' };

export class ReportRepository {
  constructor(private readonly ds: DataSource) {}

  /**
   * Stores a report and returns its id. With a `requestKey` (the caller and its Idempotency-Key),
   * a retry of the same request gets the id its first attempt stored, so that the workflow is sent
   * the very same command.
   */
  async add(candidacyId: string, kind: string, content: object, filedBy: string, requestKey?: string): Promise<string> {
    const [row] = await this.ds.query<Array<{ id: string }>>(
      `INSERT INTO reports (id, candidacy_id, kind, content, filed_by, request_key) VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (candidacy_id, request_key) WHERE request_key IS NOT NULL
         DO UPDATE SET request_key = EXCLUDED.request_key
       RETURNING id`,
      [randomUUID(), candidacyId, kind, JSON.stringify(content), filedBy, requestKey ?? null],
    );
    return row!.id;
  }

  async discard(id: string): Promise<void> {
    await this.ds.getRepository(ReportEntity).delete({ id });
  }

  /**
   * The reports the candidacy's history names, in the order they were filed. A stored report no
   * event names (its command refused, or its outcome still unknown) is not one of them.
   */
  async filed(candidacyId: string): Promise<FiledReport[]> {
    const rows: Array<{
      id: string;
      type: keyof typeof FILED_BY_EVENT;
      cycle: number;
      checkpoint: string | null;
      late: boolean | null;
      content: Record<string, unknown>;
      filed_by: string;
      occurred_at: Date;
    }> = await this.ds.query(
      `SELECT r.id, e.type, e.cycle, e.data->>'checkpoint' AS checkpoint, (e.data->>'late')::boolean AS late,
              r.content, r.filed_by, e.occurred_at
         FROM candidacy_events e
         JOIN reports r ON r.candidacy_id = e.candidacy_id AND r.id::text = e.data->>'reportId'
        WHERE e.candidacy_id = $1 AND e.type = ANY($2)
        ORDER BY e.position`,
      [candidacyId, Object.keys(FILED_BY_EVENT)],
    );
    return rows.map((r) => ({
      id: r.id,
      kind: FILED_BY_EVENT[r.type] as FiledReport['kind'],
      cycle: r.cycle,
      checkpoint: r.checkpoint === null ? null : Number(r.checkpoint),
      late: r.late === true,
      content: r.content,
      filedBy: r.filed_by,
      filedAt: r.occurred_at.toISOString(),
    }));
  }
}
