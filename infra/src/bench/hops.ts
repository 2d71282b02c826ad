/**
 * Where a decision's time goes (issue 15): the API's phases from its `Server-Timing` header, and
 * the Update's hops inside Temporal from the workflow's history (server timestamps).
 */
import { temporal } from '@temporalio/proto';
import { summary } from './stats';

type Summary = ReturnType<typeof summary>;
const T = temporal.api.enums.v1.EventType;

/** `read;dur=1.2, update;dur=40.1, app;dur=45` → { read: 1.2, update: 40.1, app: 45 } */
export function serverTimings(header: string | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (const part of (header ?? '').split(',')) {
    const [name, ...params] = part.trim().split(';');
    const dur = params.find((p) => p.startsWith('dur='));
    if (name && dur) out[name] = Number(dur.slice(4));
  }
  return out;
}

export function summarize(samples: Array<Record<string, number>>): Record<string, Summary> {
  const names = [...new Set(samples.flatMap((s) => Object.keys(s)))];
  return Object.fromEntries(names.map((n) => [n, summary(samples.flatMap((s) => (n in s ? [s[n]!] : [])))]));
}

const millis = (e: temporal.api.history.v1.IHistoryEvent) =>
  Number(e.eventTime?.seconds ?? 0) * 1000 + Math.floor((e.eventTime?.nanos ?? 0) / 1e6);

/**
 * For each Update that scheduled the persistence activity: the workflow task that accepted it
 * (started → completed), the activity's wait in its queue (scheduled → started) and its run
 * (started → completed: the event store transaction), then the workflow task that completed
 * the Update (activity completed → Update completed).
 */
export function updateHops(history: temporal.api.history.v1.IHistory): Array<Record<string, number>> {
  const events = history.events ?? [];
  const hops: Array<Record<string, number>> = [];
  for (let i = 0; i < events.length; i++) {
    if (events[i]!.eventType !== T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED) continue;
    const taskCompleted = findBack(events, i, T.EVENT_TYPE_WORKFLOW_TASK_COMPLETED);
    const taskStarted = findBack(events, i, T.EVENT_TYPE_WORKFLOW_TASK_STARTED);
    const scheduled = events.findIndex((e, j) => j > i && e.eventType === T.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED);
    const updateCompleted = events.findIndex(
      (e, j) => j > i && e.eventType === T.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED,
    );
    if (scheduled < 0 || updateCompleted < 0 || scheduled > updateCompleted) continue;
    const id = Number(events[scheduled]!.eventId);
    const started = events.find((e) => Number(e.activityTaskStartedEventAttributes?.scheduledEventId) === id);
    const completed = events.find((e) => Number(e.activityTaskCompletedEventAttributes?.scheduledEventId) === id);
    if (!taskStarted || !taskCompleted || !started || !completed) continue;
    hops.push({
      'accepting workflow task': millis(taskCompleted) - millis(taskStarted),
      'activity queued': millis(started) - millis(events[scheduled]!),
      'activity run (event store)': millis(completed) - millis(started),
      'completing workflow task': millis(events[updateCompleted]!) - millis(completed),
    });
  }
  return hops;
}

function findBack(
  events: temporal.api.history.v1.IHistoryEvent[],
  from: number,
  type: temporal.api.enums.v1.EventType,
) {
  for (let j = from; j >= 0; j--) if (events[j]!.eventType === type) return events[j];
  return undefined;
}
