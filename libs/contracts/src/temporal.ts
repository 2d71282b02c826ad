/**
 * Names shared by the API, the worker and the workflows: the task queue, how a candidacy's
 * workflow id is derived, and the custom search attributes operators query in the Temporal UI.
 */
import { defineSearchAttributeKey } from '@temporalio/common';

export const TASK_QUEUE = 'quali-coop';
export const CANDIDACY_WORKFLOW_TYPE = 'candidacyWorkflow';

/**
 * One workflow id per cooperative: Temporal refuses a second running workflow with the same id,
 * which enforces "at most one open candidacy or label cycle per cooperative" (spec §6.1).
 */
export const candidacyWorkflowId = (cooperativeId: string) => `candidacy-${cooperativeId}`;

export const SEARCH_ATTRIBUTES = {
  stage: defineSearchAttributeKey('QcStage', 'KEYWORD'),
  cooperative: defineSearchAttributeKey('QcCooperative', 'KEYWORD'),
  cycle: defineSearchAttributeKey('QcCycle', 'INT'),
  nextDeadline: defineSearchAttributeKey('QcNextDeadline', 'DATETIME'),
  labelExpiry: defineSearchAttributeKey('QcLabelExpiry', 'DATETIME'),
} as const;

/** For `temporal server start-dev --search-attribute Name=Type`. */
export const SEARCH_ATTRIBUTE_REGISTRATION: Record<string, 'Keyword' | 'Int' | 'Datetime'> = {
  QcStage: 'Keyword',
  QcCooperative: 'Keyword',
  QcCycle: 'Int',
  QcNextDeadline: 'Datetime',
  QcLabelExpiry: 'Datetime',
};
