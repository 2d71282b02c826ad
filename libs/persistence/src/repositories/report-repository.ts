/** Reports stored before the command that names them (kept unless the command was refused). */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ReportEntity } from '../entities/report.entity';

export class ReportRepository {
  constructor(private readonly ds: DataSource) {}

  async add(candidacyId: string, kind: string, content: object, filedBy: string): Promise<string> {
    const id = randomUUID();
    await this.ds.query('INSERT INTO reports (id, candidacy_id, kind, content, filed_by) VALUES ($1, $2, $3, $4, $5)', [
      id,
      candidacyId,
      kind,
      JSON.stringify(content),
      filedBy,
    ]);
    return id;
  }

  async discard(id: string): Promise<void> {
    await this.ds.getRepository(ReportEntity).delete({ id });
  }
}
