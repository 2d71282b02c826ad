/** Reads from the PostgreSQL read models (never from Temporal's eventually consistent list API). */
import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import { Dossier } from '@qualicoop/domain';
import { CandidacyEntity, CandidacyEventEntity, DossierVersionEntity } from '@qualicoop/persistence';
import { Caller } from '@qualicoop/platform';
import { ProblemException } from '../common/problem';

const NOT_FOUND = () => new ProblemException(404, 'CANDIDACY.NOT_FOUND', "Cette candidature n'existe pas.");

@Injectable()
export class CandidacyReadsService {
  constructor(private readonly ds: DataSource) {}

  /** A coop sees only its own candidacies; anything else is "not found", so existence does not leak. */
  async get(id: string, caller: Caller): Promise<CandidacyEntity> {
    const row = await this.find(id, caller);
    if (!row) throw NOT_FOUND();
    return row;
  }

  /**
   * Waits for the workflow's first event to be projected, so a GET right after POST agrees;
   * null if it is still not visible after `timeoutMs` (the caller answers 202).
   */
  async waitFor(id: string, caller: Caller, timeoutMs = 15_000): Promise<CandidacyEntity | null> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const row = await this.find(id, caller);
      if (row) return row;
      if (Date.now() > deadline) return null;
      await new Promise((r) => setTimeout(r, 100));
    }
  }

  /** The read model, null if not projected yet; another coop's candidacy is "not found". */
  private async find(id: string, caller: Caller): Promise<CandidacyEntity | null> {
    const row = await this.ds.getRepository(CandidacyEntity).findOneBy({ id });
    if (row && caller.role === 'coop' && row.cooperativeId !== caller.cooperativeId) throw NOT_FOUND();
    return row;
  }

  async history(id: string, caller: Caller): Promise<CandidacyEventEntity[]> {
    await this.get(id, caller);
    return this.ds.getRepository(CandidacyEventEntity).find({ where: { candidacyId: id }, order: { cycle: 'ASC', sequence: 'ASC' } });
  }

  /**
   * The dossier version the workflow last recorded (draft saved, submitted, complement answered).
   * Not simply the highest stored version: a version stored for a request whose outcome was
   * unknown, then retried, may never have been recorded.
   */
  async currentDossier(row: CandidacyEntity): Promise<DossierVersionEntity | null> {
    if (row.dossierVersion === null) return null;
    return this.ds.getRepository(DossierVersionEntity).findOneBy({ candidacyId: row.id, version: row.dossierVersion });
  }

  /** Stores a new immutable version of the dossier; the workflow then records which version is current. */
  async saveDossierVersion(candidacyId: string, dossier: Dossier, savedBy: string): Promise<DossierVersionEntity> {
    return this.ds.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock(hashtext($1))', [candidacyId]);
      const [{ next }] = (await tx.query('SELECT COALESCE(MAX(version), 0) + 1 AS next FROM dossier_versions WHERE candidacy_id = $1', [candidacyId])) as [{ next: number }];
      const sha256 = createHash('sha256').update(JSON.stringify(dossier)).digest('hex');
      const row = tx.getRepository(DossierVersionEntity).create({ candidacyId, version: next, content: dossier as unknown as Record<string, unknown>, sha256, savedBy });
      return tx.getRepository(DossierVersionEntity).save(row);
    });
  }

  /** The documents a dossier refers to must have been uploaded to this candidacy. */
  async documentBreaches(candidacyId: string, dossier: Dossier): Promise<Array<{ field: string; code: string; message: string }>> {
    const rows = (await this.ds.query('SELECT id::text, kind FROM documents WHERE candidacy_id = $1', [candidacyId])) as Array<{ id: string; kind: string }>;
    const kinds = new Map(rows.map((r) => [r.id, r.kind]));
    const breaches = [];
    const letter = dossier.letterOfCommitment?.documentId;
    if (letter && kinds.get(letter) !== 'letter_of_commitment') {
      breaches.push({ field: 'letterOfCommitment.documentId', code: 'DOSSIER.DOCUMENT_NOT_FOUND', message: "La lettre d'engagement indiquée n'a pas été téléversée pour cette candidature." });
    }
    (dossier.supportingDocuments ?? []).forEach((d, i) => {
      if (!kinds.has(d.documentId)) {
        breaches.push({ field: `supportingDocuments[${i}].documentId`, code: 'DOSSIER.DOCUMENT_NOT_FOUND', message: "Cette pièce justificative n'a pas été téléversée pour cette candidature." });
      }
    });
    return breaches;
  }

  async discardDossierVersion(candidacyId: string, version: number): Promise<void> {
    await this.ds.getRepository(DossierVersionEntity).delete({ candidacyId, version });
  }
}
