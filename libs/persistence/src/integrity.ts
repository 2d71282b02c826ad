/**
 * Integrity of what the events refer to. Reports and dossier versions are stored by the API before
 * the command that names them; an event naming a row that does not exist would be a loss (the
 * row deleted while the command was in fact recorded). Checked by the e2e and fault tests.
 */
import { DataSource } from 'typeorm';

export interface DanglingReference {
  candidacyId: string;
  cycle: number;
  sequence: number;
  type: string;
  /** The report id or dossier version the event names. */
  reference: string;
}

export const REPORT_EVENTS = ['ProgressReportFiled', 'VisitReportFiled', 'MidTermReportFiled'] as const;
export const DOSSIER_EVENTS = ['DraftSaved', 'DossierSubmitted', 'ComplementAnswered', 'RenewalRequested'] as const;

/** Every event whose report or dossier version is missing (`candidacyIds`: only those candidacies). */
export async function danglingReferences(ds: DataSource, candidacyIds?: string[]): Promise<DanglingReference[]> {
  const rows: Array<{ candidacy_id: string; cycle: number; sequence: number; type: string; reference: string }> =
    await ds.query(
      `SELECT e.candidacy_id, e.cycle, e.sequence, e.type, e.data->>'reportId' AS reference
       FROM candidacy_events e
      WHERE e.type = ANY($1) AND ($3::uuid[] IS NULL OR e.candidacy_id = ANY($3))
        AND NOT EXISTS (SELECT 1 FROM reports r WHERE r.id::text = e.data->>'reportId' AND r.candidacy_id = e.candidacy_id)
     UNION ALL
     SELECT e.candidacy_id, e.cycle, e.sequence, e.type, e.data->>'dossierVersion'
       FROM candidacy_events e
      WHERE e.type = ANY($2) AND ($3::uuid[] IS NULL OR e.candidacy_id = ANY($3))
        AND NOT EXISTS (SELECT 1 FROM dossier_versions v WHERE v.candidacy_id = e.candidacy_id AND v.version = (e.data->>'dossierVersion')::int)
     ORDER BY 1, 2, 3`,
      [REPORT_EVENTS, DOSSIER_EVENTS, candidacyIds ?? null],
    );
  return rows.map((r) => ({
    candidacyId: r.candidacy_id,
    cycle: r.cycle,
    sequence: r.sequence,
    type: r.type,
    reference: r.reference,
  }));
}
