/**
 * A candidacy as its callers may see it, from the PostgreSQL read models (never from Temporal's
 * eventually consistent list API): not found for another cooperative, its history, its dossier.
 */
import { Injectable } from '@nestjs/common';
import { checkDossier, CURRENT_REFERENTIAL, Dossier } from '@qualicoop/domain';
import {
  CandidacyEntity,
  CandidacyEventEntity,
  CandidacyRepository,
  DocumentRepository,
  DossierRepository,
  DossierVersionEntity,
  ReportRepository,
} from '@qualicoop/persistence';
import { Caller } from '@qualicoop/platform';
import { problem } from '../common/error-catalogue';

const NOT_FOUND = () => problem('CANDIDACY.NOT_FOUND');

@Injectable()
export class CandidacyReadsService {
  constructor(
    private readonly candidacies: CandidacyRepository,
    private readonly dossiers: DossierRepository,
    private readonly documents: DocumentRepository,
    private readonly reports: ReportRepository,
  ) {}

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
    const row = await this.candidacies.findById(id);
    if (row && caller.role === 'coop' && row.cooperativeId !== caller.cooperativeId) throw NOT_FOUND();
    return row;
  }

  async history(id: string, caller: Caller): Promise<CandidacyEventEntity[]> {
    await this.get(id, caller);
    return this.candidacies.history(id);
  }

  /**
   * The dossier version the workflow last recorded (draft saved, submitted, complement answered).
   * Not simply the highest stored version: a version stored for a request whose outcome was
   * unknown, then retried, may never have been recorded.
   */
  async currentDossier(row: CandidacyEntity): Promise<DossierVersionEntity | null> {
    if (row.dossierVersion === null) return null;
    return this.dossiers.find(row.id, row.dossierVersion);
  }

  /**
   * The dossier a renewal request sends: the latest version saved since the label was granted
   * (the renewal dossier being prepared), else the current one, carried over as it stands.
   */
  async renewalDossier(row: CandidacyEntity): Promise<DossierVersionEntity | null> {
    const label = row.state.label;
    const prepared =
      label && row.dossierVersion !== null
        ? await this.dossiers.latestAbove(row.id, row.dossierVersion, new Date(label.grantedAt))
        : null;
    return prepared ?? this.currentDossier(row);
  }

  /** What the committee would refuse in a dossier: the rules of spec §3 and its documents. */
  async breaches(candidacyId: string, dossier: Dossier) {
    return [...checkDossier(dossier, CURRENT_REFERENTIAL), ...(await this.documentBreaches(candidacyId, dossier))];
  }

  /** The reports filed on the candidacy (checkpoints, visit, mid-term), every cycle. */
  async filedReports(id: string, caller: Caller) {
    await this.get(id, caller);
    return this.reports.filed(id);
  }

  /** The documents a dossier refers to must have been uploaded to this candidacy. */
  async documentBreaches(
    candidacyId: string,
    dossier: Dossier,
  ): Promise<Array<{ field: string; code: string; message: string }>> {
    const kinds = new Map((await this.documents.list(candidacyId)).map((d) => [d.id, d.kind]));
    const breaches = [];
    const letter = dossier.letterOfCommitment?.documentId;
    if (letter && kinds.get(letter) !== 'letter_of_commitment') {
      breaches.push({
        field: 'letterOfCommitment.documentId',
        code: 'DOSSIER.DOCUMENT_NOT_FOUND',
        message: "La lettre d'engagement indiquée n'a pas été téléversée pour cette candidature.",
      });
    }
    (dossier.supportingDocuments ?? []).forEach((d, i) => {
      if (!kinds.has(d.documentId)) {
        breaches.push({
          field: `supportingDocuments[${i}].documentId`,
          code: 'DOSSIER.DOCUMENT_NOT_FOUND',
          message: "Cette pièce justificative n'a pas été téléversée pour cette candidature.",
        });
      }
    });
    return breaches;
  }
}
