/** The candidacy read models and their history, as the API reads them (never from Temporal). */
import { DataSource } from 'typeorm';
import { CandidacyEventEntity } from '../entities/candidacy-event.entity';
import { CandidacyEntity } from '../entities/candidacy.entity';

export class CandidacyRepository {
  constructor(private readonly ds: DataSource) {}

  /** The read model, null if not projected yet. */
  findById(id: string): Promise<CandidacyEntity | null> {
    return this.ds.getRepository(CandidacyEntity).findOneBy({ id });
  }

  history(id: string): Promise<CandidacyEventEntity[]> {
    return this.ds
      .getRepository(CandidacyEventEntity)
      .find({ where: { candidacyId: id }, order: { cycle: 'ASC', sequence: 'ASC' } });
  }

  /** The cooperatives whose open candidacy waits on this session's agenda, not yet closed. */
  async cooperativesOnOpenAgenda(sessionId: string): Promise<string[]> {
    const rows = await this.ds.query<Array<{ cooperative_id: string }>>(
      `SELECT cooperative_id FROM candidacies
        WHERE NOT closed AND state->'agenda'->>'sessionId' = $1 AND (state->'agenda'->>'closed')::boolean IS NOT TRUE`,
      [sessionId],
    );
    return rows.map((r) => r.cooperative_id);
  }
}
