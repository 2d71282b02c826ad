import { MigrationInterface, QueryRunner } from 'typeorm';

export class InitialSchema1763900000000 implements MigrationInterface {
  name = 'InitialSchema1763900000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE cooperatives (
      id text PRIMARY KEY, name text NOT NULL, region text NOT NULL, email text NOT NULL,
      active boolean NOT NULL DEFAULT true, created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE TABLE referential_engagements (
      version text NOT NULL, id text NOT NULL, axis text NOT NULL, axis_title text NOT NULL, title text NOT NULL,
      PRIMARY KEY (version, id))`);
    await q.query(`CREATE TABLE candidacy_events (
      position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      candidacy_id uuid NOT NULL, cooperative_id text NOT NULL, cycle int NOT NULL, sequence int NOT NULL,
      type text NOT NULL, occurred_at timestamptz NOT NULL, actor_id text, data jsonb NOT NULL,
      recorded_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT candidacy_events_once UNIQUE (candidacy_id, cycle, sequence))`);
    // The event store is append-only: refuse updates and deletes at the database itself.
    await q.query(`CREATE FUNCTION candidacy_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'candidacy_events is append-only'; END $$`);
    await q.query(`CREATE TRIGGER candidacy_events_no_change BEFORE UPDATE OR DELETE ON candidacy_events
      FOR EACH ROW EXECUTE FUNCTION candidacy_events_append_only()`);
    await q.query(`CREATE TABLE candidacies (
      id uuid PRIMARY KEY, cooperative_id text NOT NULL REFERENCES cooperatives(id), workflow_id text NOT NULL,
      cycle int NOT NULL, stage text NOT NULL, closed boolean NOT NULL, opened_at timestamptz NOT NULL,
      stage_since timestamptz NOT NULL, next_deadline_at timestamptz, next_deadline_label text,
      label_expires_on date, dossier_version int, last_sequence int NOT NULL, state jsonb NOT NULL,
      updated_at timestamptz NOT NULL)`);
    await q.query(`CREATE INDEX candidacies_by_stage ON candidacies (stage, next_deadline_at)`);
    await q.query(`CREATE INDEX candidacies_by_cooperative ON candidacies (cooperative_id)`);
    await q.query(`CREATE TABLE dossier_versions (
      candidacy_id uuid NOT NULL, version int NOT NULL, content jsonb NOT NULL, sha256 text NOT NULL,
      saved_by text NOT NULL, saved_at timestamptz NOT NULL DEFAULT now(), PRIMARY KEY (candidacy_id, version))`);
    await q.query(`CREATE TABLE notifications (
      key text PRIMARY KEY, candidacy_id uuid NOT NULL, kind text NOT NULL, recipient text NOT NULL,
      subject text NOT NULL, body text NOT NULL, status text NOT NULL DEFAULT 'pending',
      created_at timestamptz NOT NULL DEFAULT now(), sent_at timestamptz)`);
    await q.query(`CREATE TABLE committee_sessions (
      id text PRIMARY KEY, calendar text NOT NULL, session_date timestamptz NOT NULL, cutoff_at timestamptz NOT NULL,
      members text[] NOT NULL DEFAULT '{}', created_at timestamptz NOT NULL DEFAULT now())`);
    await q.query(`CREATE INDEX committee_sessions_by_cutoff ON committee_sessions (calendar, cutoff_at)`);
    await q.query(`CREATE INDEX notifications_pending ON notifications (created_at) WHERE status = 'pending'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE committee_sessions');
    await q.query('DROP TABLE notifications');
    await q.query('DROP TABLE dossier_versions');
    await q.query('DROP TABLE candidacies');
    await q.query('DROP TABLE candidacy_events');
    await q.query('DROP FUNCTION candidacy_events_append_only');
    await q.query('DROP TABLE referential_engagements');
    await q.query('DROP TABLE cooperatives');
  }
}
