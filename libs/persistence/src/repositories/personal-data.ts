/**
 * A person's data under the GDPR: what the system holds about them (export) and erasing their
 * identity (erase). The event store and the workflow histories only ever hold a person's
 * pseudonymous id (the token's `sub`); who that is lives in `people`, the one place erased.
 * See docs/security.md.
 */
import { DataSource } from 'typeorm';

export const ERASED_NAME = 'Personne effacée';

export interface PersonalDataExport {
  person: { id: string; role: string; cooperativeId: string | null; name: string; email: string; active: boolean };
  /** What they did, as the event store recorded it (their id is the event's actor). */
  events: Array<{ candidacyId: string; cycle: number; type: string; occurredAt: string }>;
  dossierVersions: Array<{ candidacyId: string; version: number; savedAt: string }>;
  documents: Array<{ id: string; candidacyId: string; filename: string; uploadedAt: string }>;
  reports: Array<{ id: string; candidacyId: string; kind: string; filedAt: string }>;
  committeeSessions: Array<{ id: string; sessionDate: string }>;
}

export interface ErasureReport {
  personId: string;
  /** Outbox rows whose last delivery error named the person's address, now cleared. */
  deliveryErrorsCleared: number;
  /** Stored answers to the person's retried requests, deleted. */
  idempotencyRecordsDeleted: number;
}

const iso = (d: Date | string) => new Date(d).toISOString();

type PersonRow = {
  id: string;
  role: string;
  cooperative_id: string | null;
  name: string;
  email: string;
  active: boolean;
};

export class PersonalDataRepository {
  constructor(private readonly ds: DataSource) {}

  async export(personId: string): Promise<PersonalDataExport | undefined> {
    const [person] = await this.ds.query<PersonRow[]>(
      'SELECT id, role, cooperative_id, name, email, active FROM people WHERE id = $1',
      [personId],
    );
    if (!person) return undefined;
    const events = await this.ds.query<Array<{ candidacy_id: string; cycle: number; type: string; occurred_at: Date }>>(
      'SELECT candidacy_id, cycle, type, occurred_at FROM candidacy_events WHERE actor_id = $1 ORDER BY position',
      [personId],
    );
    const versions = await this.ds.query<Array<{ candidacy_id: string; version: number; saved_at: Date }>>(
      'SELECT candidacy_id, version, saved_at FROM dossier_versions WHERE saved_by = $1 ORDER BY saved_at, version',
      [personId],
    );
    const documents = await this.ds.query<
      Array<{ id: string; candidacy_id: string; filename: string; uploaded_at: Date }>
    >('SELECT id, candidacy_id, filename, uploaded_at FROM documents WHERE uploaded_by = $1 ORDER BY uploaded_at, id', [
      personId,
    ]);
    const reports = await this.ds.query<Array<{ id: string; candidacy_id: string; kind: string; filed_at: Date }>>(
      'SELECT id, candidacy_id, kind, filed_at FROM reports WHERE filed_by = $1 ORDER BY filed_at, id',
      [personId],
    );
    const sessions = await this.ds.query<Array<{ id: string; session_date: Date }>>(
      'SELECT id, session_date FROM committee_sessions WHERE $1 = ANY(members) ORDER BY session_date',
      [personId],
    );
    return {
      person: {
        id: person.id,
        role: person.role,
        cooperativeId: person.cooperative_id,
        name: person.name,
        email: person.email,
        active: person.active,
      },
      events: events.map((e) => ({
        candidacyId: e.candidacy_id,
        cycle: e.cycle,
        type: e.type,
        occurredAt: iso(e.occurred_at),
      })),
      dossierVersions: versions.map((v) => ({
        candidacyId: v.candidacy_id,
        version: v.version,
        savedAt: iso(v.saved_at),
      })),
      documents: documents.map((d) => ({
        id: d.id,
        candidacyId: d.candidacy_id,
        filename: d.filename,
        uploadedAt: iso(d.uploaded_at),
      })),
      reports: reports.map((r) => ({ id: r.id, candidacyId: r.candidacy_id, kind: r.kind, filedAt: iso(r.filed_at) })),
      committeeSessions: sessions.map((s) => ({ id: s.id, sessionDate: iso(s.session_date) })),
    };
  }

  /**
   * Erases who the person is, in one transaction: name replaced, address removed, deactivated
   * (no e-mail reaches them any more); delivery errors naming their address cleared; their
   * stored request answers deleted. Their pseudonymous id stays in the history, naming nobody.
   */
  async erase(personId: string): Promise<ErasureReport | undefined> {
    return this.ds.transaction(async (tx) => {
      const [person] = await tx.query<Array<{ email: string }>>('SELECT email FROM people WHERE id = $1 FOR UPDATE', [
        personId,
      ]);
      if (!person) return undefined;
      const [, cleared] = await tx.query<[unknown, number]>(
        `UPDATE notifications SET last_error = NULL
          WHERE $1 <> '' AND last_error IS NOT NULL AND strpos(lower(last_error), lower($1)) > 0`,
        [person.email],
      );
      const [, deleted] = await tx.query<[unknown, number]>('DELETE FROM api_idempotency WHERE caller = $1', [
        personId,
      ]);
      await tx.query(`UPDATE people SET name = $2, email = '', active = false WHERE id = $1`, [personId, ERASED_NAME]);
      return { personId, deliveryErrorsCleared: cleared, idempotencyRecordsDeleted: deleted };
    });
  }
}
