/**
 * Sends commands to a candidacy's workflow. The API decides nothing: the workflow's Update
 * validator runs the domain's `decide`, and a refusal comes back as a 409 with its code and
 * French message. An Idempotency-Key becomes the Update id, so Temporal deduplicates retries.
 *
 * Three outcomes, kept apart (ARCHITECTURE "Unknown outcomes"): done; refused (`CommandRefused`:
 * nothing was recorded, what the request stored for it may be removed); unknown (Temporal or the
 * worker away, or no answer within `commandTimeoutMs`: a 503, nothing is undone, the client
 * retries with its Idempotency-Key).
 */
import { Inject, Injectable } from '@nestjs/common';
import {
  Client,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  WorkflowUpdateRPCTimeoutOrCancelledError,
} from '@temporalio/client';
import { ApplicationFailure } from '@temporalio/common';
import { createHash, randomUUID } from 'node:crypto';
import {
  CANDIDACY_WORKFLOW_TYPE,
  CandidacyInput,
  candidacyWorkflowId,
  commandUpdate,
  CommandResponse,
  TASK_QUEUE,
} from '@qualicoop/contracts';
import { Actor, Command, DEMO_POLICY, Policy, STANDARD_POLICY } from '@qualicoop/domain';
import { RuntimeConfig } from '@qualicoop/platform';
import { Caller } from '@qualicoop/platform';
import { CommandRefused, invalidField, problem, refusal } from '../common/error-catalogue';
import { CONFIG } from '../common/infrastructure.module';

export const actorOf = (caller: Caller): Actor => ({
  role: caller.role,
  id: caller.sub,
  cooperativeId: caller.cooperativeId,
});

/**
 * The Update id of a command sent with an Idempotency-Key: the key, and a digest of the command.
 * Temporal answers a second Update with the same id with the first one's outcome, without looking
 * at its arguments; so a retry must send the very same command (`requestKeyOf`, `derivedId`), and
 * if it ever does not, the digest makes it a distinct Update that the decider judges on its own,
 * rather than one whose recorded arguments differ from those it was decided with (ADR 17).
 */
export function updateIdOf(command: Command, idempotencyKey: string): string {
  const digest = createHash('sha256').update(JSON.stringify(command)).digest('hex').slice(0, 16);
  return `${command.type}:${idempotencyKey}:${digest}`;
}

/** What a row stored by a request with an Idempotency-Key keeps, for its retries to find it. */
export const requestKeyOf = (caller: Caller, idempotencyKey?: string): string | undefined =>
  idempotencyKey ? `${caller.sub}:${idempotencyKey}` : undefined;

/**
 * An id the API gives a new thing (a help request): derived from the request's key when it has
 * one, so that every attempt of the same request names the same thing; random otherwise.
 */
export function derivedId(scope: string, requestKey?: string): string {
  if (!requestKey) return randomUUID();
  const h = createHash('sha256').update(`${scope}:${requestKey}`).digest('hex');
  // Laid out as a UUID (version 8: custom), as the API's other ids.
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-8${h.slice(13, 16)}-${((parseInt(h[16]!, 16) & 0x3) | 0x8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/**
 * Runs a command that refers to a row the request stored just before (a dossier version, a
 * report). The row is removed only when the command was definitely refused; on any other failure
 * the command may well have been recorded, so the row stays (an orphan is harmless, a dangling
 * reference is not).
 */
export async function keepUnlessRefused<T>(command: () => Promise<T>, discard: () => Promise<unknown>): Promise<T> {
  try {
    return await command();
  } catch (e) {
    if (e instanceof CommandRefused) await discard();
    throw e;
  }
}

@Injectable()
export class CandidacyCommandsService {
  constructor(
    private readonly temporal: Client,
    @Inject(CONFIG) private readonly config: RuntimeConfig,
  ) {}

  /** The policy a new candidacy keeps for life: the server's, or the one asked where allowed. */
  policyFor(requested?: 'standard' | 'demo'): Policy {
    if (requested && requested !== this.config.policy && !this.config.allowPolicyChoice) {
      throw invalidField(
        'policy',
        `Choix de politique non autorisé : ce serveur applique la politique « ${this.config.policy} ».`,
      );
    }
    const name = requested ?? this.config.policy;
    if (name === 'standard') return STANDARD_POLICY;
    return this.config.demoMonthMs === DEMO_POLICY.demoMonthMs
      ? DEMO_POLICY
      : {
          ...DEMO_POLICY,
          version: `${DEMO_POLICY.version}+${this.config.demoMonthMs}ms`,
          demoMonthMs: this.config.demoMonthMs,
        };
  }

  /**
   * Starts the candidacy's workflow and returns the candidacy id. `requestKey` (the caller and its
   * Idempotency-Key) is kept in the workflow's memo: a retry of the same request finds the
   * workflow it started and gets the same id instead of "already open", even when the first
   * attempt's response was lost (API restarted, database down while recording it).
   */
  async open(
    cooperative: { id: string; name: string },
    caller: Caller,
    policy: Policy = this.policyFor(),
    requestKey?: string,
  ): Promise<string> {
    const cooperativeId = cooperative.id;
    const candidacyId = randomUUID();
    const input: CandidacyInput = {
      candidacyId,
      cooperativeId,
      cycle: 1,
      policy,
      openedBy: actorOf(caller),
    };
    const workflowId = candidacyWorkflowId(cooperativeId);
    try {
      await this.temporal.workflow.start(CANDIDACY_WORKFLOW_TYPE, {
        taskQueue: TASK_QUEUE,
        workflowId,
        args: [input],
        // One open candidacy per cooperative (spec §6.1); a new one may follow a closed one.
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
        // The operators' Temporal UI: the name people know, and the id the workflow is named by.
        staticSummary: `Candidature Quali'Coop de ${cooperative.name} (${cooperativeId})`,
        memo: { candidacyId, ...(requestKey ? { openRequest: requestKey } : {}) },
      });
    } catch (e) {
      if (e instanceof WorkflowExecutionAlreadyStartedError) {
        const sameRequest = requestKey ? await this.openedBy(workflowId, requestKey) : undefined;
        if (sameRequest) return sameRequest;
        throw problem('CANDIDACY.ALREADY_OPEN');
      }
      throw e;
    }
    return candidacyId;
  }

  /** The candidacy id of the running workflow if this very request started it. */
  private async openedBy(workflowId: string, requestKey: string): Promise<string | undefined> {
    const { memo } = await this.temporal.workflow.getHandle(workflowId).describe();
    return memo?.['openRequest'] === requestKey && typeof memo['candidacyId'] === 'string'
      ? memo['candidacyId']
      : undefined;
  }

  async execute(
    workflowId: string,
    command: Command,
    caller: Caller,
    idempotencyKey?: string,
  ): Promise<CommandResponse> {
    const handle = this.temporal.workflow.getHandle(workflowId);
    const deadline = Date.now() + this.config.commandTimeoutMs;
    try {
      return await this.temporal.withDeadline(deadline, () =>
        handle.executeUpdate(commandUpdate(command.type), {
          args: [{ command, actor: actorOf(caller) }],
          ...(idempotencyKey ? { updateId: updateIdOf(command, idempotencyKey) } : {}),
        }),
      );
    } catch (e) {
      const cause = e instanceof WorkflowUpdateFailedError ? e.cause : undefined;
      if (cause instanceof ApplicationFailure && cause.type) {
        throw refusal(cause.type, cause.message);
      }
      if (e instanceof WorkflowNotFoundError) {
        throw refusal('CANDIDACY.CLOSED');
      }
      if (e instanceof WorkflowUpdateRPCTimeoutOrCancelledError || Date.now() >= deadline)
        throw problem('COMMAND.OUTCOME_UNKNOWN');
      throw e;
    }
  }
}
