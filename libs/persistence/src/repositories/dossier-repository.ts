/**
 * The immutable versions of a candidacy's dossier. The API stores a version, then the workflow
 * records which one is current; a version is removed only when its command was refused.
 */
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Dossier } from '@qualicoop/domain';
import { DossierVersionEntity } from '../entities/dossier-version.entity';

export class DossierRepository {
  constructor(private readonly ds: DataSource) {}

  find(candidacyId: string, version: number): Promise<DossierVersionEntity | null> {
    return this.ds.getRepository(DossierVersionEntity).findOneBy({ candidacyId, version });
  }

  /**
   * A new version numbered after the last one (serialised per candidacy), with its SHA-256. With a
   * `requestKey` (the caller and its Idempotency-Key), a retry of the same request gets the version
   * its first attempt stored, so that the workflow is sent the very same command.
   */
  save(candidacyId: string, dossier: Dossier, savedBy: string, requestKey?: string): Promise<DossierVersionEntity> {
    return this.ds.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [candidacyId]);
      const versions = tx.getRepository(DossierVersionEntity);
      const stored = requestKey ? await versions.findOneBy({ candidacyId, requestKey }) : null;
      if (stored) return stored;
      const [{ next }] = await tx.query<[{ next: number }]>(
        'SELECT COALESCE(MAX(version), 0) + 1 AS next FROM dossier_versions WHERE candidacy_id = $1',
        [candidacyId],
      );
      const sha256 = createHash('sha256').update(JSON.stringify(dossier)).digest('hex');
      return versions.save(
        versions.create({
          candidacyId,
          version: next,
          content: dossier,
          sha256,
          savedBy,
          requestKey: requestKey ?? null,
        }),
      );
    });
  }

  /** The latest version above `version` saved since `since` (a renewal dossier being prepared), or null. */
  async latestAbove(candidacyId: string, version: number, since: Date): Promise<DossierVersionEntity | null> {
    const [latest] = await this.ds
      .getRepository(DossierVersionEntity)
      .createQueryBuilder('v')
      .where('v.candidacyId = :candidacyId AND v.version > :version AND v.savedAt >= :since', {
        candidacyId,
        version,
        since,
      })
      .orderBy('v.version', 'DESC')
      .limit(1)
      .getMany();
    return latest ?? null;
  }

  async discard(candidacyId: string, version: number): Promise<void> {
    await this.ds.getRepository(DossierVersionEntity).delete({ candidacyId, version });
  }
}
