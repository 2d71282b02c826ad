/**
 * Decision drafts, kept on this browser (localStorage) until the decision is recorded: one per
 * member, candidacy, decision and session, so a draft never leaks into another session's decision.
 * Only the form's content is kept there (never a token).
 */
export interface DecisionDraft {
  outcome: string;
  motivation: string;
  /** Completeness: what is missing, one item per line. */
  missing: string;
  /** Award: the months of an extension. */
  extensionMonths: number;
  savedAt: string;
}

export interface DraftKey {
  user: string;
  candidacyId: string;
  command: string;
  sessionId: string;
}

const storageKey = (k: DraftKey) => `qualicoop.decision.${k.user}.${k.candidacyId}.${k.command}.${k.sessionId}`;

export function readDraft(k: DraftKey): DecisionDraft | undefined {
  try {
    const raw = localStorage.getItem(storageKey(k));
    return raw ? (JSON.parse(raw) as DecisionDraft) : undefined;
  } catch {
    return undefined; // storage refused or a draft unreadable: start afresh
  }
}

export function writeDraft(k: DraftKey, draft: DecisionDraft): void {
  localStorage.setItem(storageKey(k), JSON.stringify(draft));
}

export function clearDraft(k: DraftKey): void {
  localStorage.removeItem(storageKey(k));
}
