/**
 * The campaign's view of each candidacy's workflow, as the Temporal server holds it: its state
 * (asked once the server answers queries again), why it is stuck, and whether any of its workflow
 * tasks failed on our code rather than on a crash.
 */
import type { Client, WorkflowHandle } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { candidacyWorkflowId, stateQuery } from '@qualicoop/contracts';
import type { CandidacyState } from '@qualicoop/domain';
import { setTimeout as sleep } from 'node:timers/promises';

const Cause = temporal.api.enums.v1.WorkflowTaskFailedCause;

/**
 * A workflow task that failed on our code: the workflow's commands differ from its history, or
 * the workflow threw. A crash only times a task out (WorkflowTaskTimedOut), never this.
 */
const CODE_FAILURES = new Set([
  Cause.WORKFLOW_TASK_FAILED_CAUSE_NON_DETERMINISTIC_ERROR,
  Cause.WORKFLOW_TASK_FAILED_CAUSE_WORKFLOW_WORKER_UNHANDLED_FAILURE,
]);

/**
 * The candidacy's state. The server refuses queries while a workflow's task is on its third
 * attempt or later (`failQueryWorkflowTaskAttemptCount`): a task timed out twice, its worker
 * killed each time, is retried after a back-off (`history.workflowTaskRetryMaxInterval`, 1 min
 * here). That is the recovery at work, not a fault: wait for it until `settleBy`, then say why
 * the task is still not done.
 */
export async function stateOnceQueryable(
  client: Client,
  coop: string,
  settleBy: number,
  log: (msg: string) => void,
): Promise<CandidacyState> {
  const handle = client.workflow.getHandle(candidacyWorkflowId(coop));
  let waiting = false;
  for (;;) {
    try {
      const state = await handle.query(stateQuery);
      if (waiting) log(`${handle.workflowId}: its workflow task done, the query answered`);
      return state;
    } catch (e) {
      if (!/Workflow Task in failed state/.test(messages(e)) || Date.now() >= settleBy)
        throw new Error(`query refused (${messages(e)}) · ${await describeStuck(handle)}`);
      if (!waiting) log(`${handle.workflowId}: query refused while its workflow task is retried; waiting`);
      waiting = true;
      await sleep(2000);
    }
  }
}

/** The workflow tasks of the candidacy's history that failed on our code, with their messages. */
export async function codeFailures(client: Client, coop: string): Promise<string[]> {
  const history = await client.workflow.getHandle(candidacyWorkflowId(coop)).fetchHistory();
  return (history.events ?? []).flatMap((e) => {
    const failed = e.workflowTaskFailedEventAttributes;
    if (!failed || !CODE_FAILURES.has(failed.cause ?? Cause.WORKFLOW_TASK_FAILED_CAUSE_UNSPECIFIED)) return [];
    return [`${coop} event ${String(e.eventId)}: ${(failed.failure?.message ?? '').slice(0, 300)}`];
  });
}

/** The workflow's status, pending workflow task and activities, and its last history events. */
export async function describeStuck(handle: WorkflowHandle): Promise<string> {
  try {
    const { status, historyLength, raw } = await handle.describe();
    const task = raw.pendingWorkflowTask;
    const activities = (raw.pendingActivities ?? []).map(
      (a) => `${a.activityType?.name} attempt ${a.attempt}: ${a.lastFailure?.message ?? 'no failure'}`,
    );
    const history = await handle.fetchHistory();
    const last = (history.events ?? []).slice(-6).map((e) => {
      const failure = e.workflowTaskFailedEventAttributes?.failure?.message;
      const type = Object.keys(e).find((k) => k.endsWith('EventAttributes') && (e as Record<string, unknown>)[k]);
      return `${type?.replace('EventAttributes', '') ?? e.eventType}${failure ? ` (${failure.slice(0, 160)})` : ''}`;
    });
    return [
      `status ${status.name}, ${historyLength} events`,
      task ? `workflow task pending, attempt ${task.attempt}` : 'no workflow task pending',
      activities.length ? `activities: ${activities.join('; ')}` : 'no activity pending',
      `last events: ${last.join(', ')}`,
    ].join(' · ');
  } catch (e) {
    return `not described: ${messages(e)}`;
  }
}

/** An error's message with its causes' (the client wraps the server's answer). */
function messages(e: unknown): string {
  const parts: string[] = [];
  for (let c: unknown = e, depth = 0; c && depth < 5; depth++) {
    parts.push(c instanceof Error ? c.message : typeof c === 'string' ? c : JSON.stringify(c));
    c = c instanceof Error ? c.cause : undefined;
  }
  return parts.join(' ← ');
}
