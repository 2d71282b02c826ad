/** The federation's register: cooperatives, the people who act, the committee calendar. */
import { DataSource } from 'typeorm';
import type { CandidacyState } from '@qualicoop/domain';
import { replaceFederationTasks } from '../federation-tasks';
import { CommitteeSessionEntity } from '../entities/committee-session.entity';
import { CooperativeEntity } from '../entities/cooperative.entity';
import { PersonEntity } from '../entities/person.entity';

export type CooperativeRecord = Pick<CooperativeEntity, 'id' | 'name' | 'region' | 'email' | 'active'>;
export type SessionRecord = Pick<CommitteeSessionEntity, 'id' | 'calendar' | 'sessionDate' | 'cutoffAt' | 'members'>;

const COOPERATIVE_COLUMNS = ['id', 'name', 'region', 'email', 'active'] as const;

export class RegisterRepository {
  constructor(private readonly ds: DataSource) {}

  cooperatives(): Promise<CooperativeRecord[]> {
    return this.ds.getRepository(CooperativeEntity).find({ select: [...COOPERATIVE_COLUMNS], order: { name: 'ASC' } });
  }

  cooperative(id: string): Promise<CooperativeRecord | null> {
    return this.ds.getRepository(CooperativeEntity).findOne({ select: [...COOPERATIVE_COLUMNS], where: { id } });
  }

  /** Null when a cooperative already has this id. */
  async addCooperative(c: Omit<CooperativeRecord, 'active'>): Promise<CooperativeRecord | null> {
    const rows = await this.ds.query<CooperativeRecord[]>(
      'INSERT INTO cooperatives (id, name, region, email) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING RETURNING id, name, region, email, active',
      [c.id, c.name, c.region, c.email],
    );
    return rows[0] ?? null;
  }

  /**
   * Null when there is no such cooperative; absent fields are kept. A new name is written into the
   * federation's tasks on its open candidacies in the same transaction, their rows locked first
   * (the projection's lock order: candidacy, then cooperative).
   */
  updateCooperative(id: string, changes: Partial<Omit<CooperativeRecord, 'id'>>): Promise<CooperativeRecord | null> {
    return this.ds.transaction(async (tx) => {
      const open = changes.name
        ? await tx.query<Array<{ id: string; state: CandidacyState }>>(
            'SELECT id, state FROM candidacies WHERE cooperative_id = $1 AND NOT closed ORDER BY id FOR UPDATE',
            [id],
          )
        : [];
      const [rows] = await tx.query<[CooperativeRecord[]]>(
        `UPDATE cooperatives SET name = COALESCE($2, name), region = COALESCE($3, region), email = COALESCE($4, email), active = COALESCE($5, active)
          WHERE id = $1 RETURNING id, name, region, email, active`,
        [id, changes.name ?? null, changes.region ?? null, changes.email ?? null, changes.active ?? null],
      );
      const updated = rows?.[0] ?? null;
      if (updated && open.length > 0) {
        await replaceFederationTasks(
          tx,
          open.map((c) => ({ candidacyId: c.id, state: c.state, cooperativeName: updated.name })),
        );
      }
      return updated;
    });
  }

  /** The name a person is shown by (a visitor, to the cooperative visited), or null. */
  async personName(id: string): Promise<string | null> {
    const person = await this.ds.getRepository(PersonEntity).findOne({ select: ['name'], where: { id } });
    return person?.name ?? null;
  }

  async isActiveCommitteeMember(personId: string): Promise<boolean> {
    return this.ds.getRepository(PersonEntity).existsBy({ id: personId, role: 'committee', active: true });
  }

  /** The active committee members, by name: those the Fédération may send on a visit. */
  committeeMembers(): Promise<Array<Pick<PersonEntity, 'id' | 'name'>>> {
    return this.ds
      .getRepository(PersonEntity)
      .find({ select: ['id', 'name'], where: { role: 'committee', active: true }, order: { name: 'ASC' } });
  }

  standardSessions(): Promise<SessionRecord[]> {
    return this.ds
      .getRepository(CommitteeSessionEntity)
      .find({ where: { calendar: 'standard' }, order: { sessionDate: 'ASC' } });
  }

  /** Null when a session already has this id. */
  async addSession(s: {
    id: string;
    sessionDate: string;
    cutoffAt: string;
    members: string[];
  }): Promise<SessionRecord | null> {
    const rows = await this.ds.query<SessionRow[]>(
      `INSERT INTO committee_sessions (id, calendar, session_date, cutoff_at, members) VALUES ($1, 'standard', $2, $3, $4)
       ON CONFLICT (id) DO NOTHING RETURNING id, calendar, session_date, cutoff_at, members`,
      [s.id, s.sessionDate, s.cutoffAt, s.members],
    );
    return rows[0] ? session(rows[0]) : null;
  }

  /** Null when there is no such session; members are kept when not given. */
  async moveSession(
    id: string,
    to: { sessionDate: string; cutoffAt: string; members?: string[] },
  ): Promise<SessionRecord | null> {
    const [rows] = await this.ds.query<[SessionRow[]]>(
      `UPDATE committee_sessions SET session_date = $2, cutoff_at = $3, members = COALESCE($4, members) WHERE id = $1
       RETURNING id, calendar, session_date, cutoff_at, members`,
      [id, to.sessionDate, to.cutoffAt, to.members ?? null],
    );
    return rows?.[0] ? session(rows[0]) : null;
  }
}

interface SessionRow {
  id: string;
  calendar: string;
  session_date: Date;
  cutoff_at: Date;
  members: string[];
}

const session = (r: SessionRow): SessionRecord => ({
  id: r.id,
  calendar: r.calendar,
  sessionDate: r.session_date,
  cutoffAt: r.cutoff_at,
  members: r.members,
});
