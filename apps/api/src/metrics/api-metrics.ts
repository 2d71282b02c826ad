/**
 * The API's Prometheus metrics (prom-client): HTTP requests by route template, Temporal client
 * calls, and Node's process metrics. One registry per application, so that several apps built in
 * one process (tests, the OpenAPI build) never clash. Recording never throws: a metric that cannot
 * be recorded is dropped, the request goes on (docs/operations.md).
 */
import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Histogram, Registry } from 'prom-client';

/** What a request is counted under: its route template (`/candidacies/:id`), never its raw path. */
export function routeLabel(req: { route?: { path?: unknown }; originalUrl?: string }): string {
  const template = req.route?.path;
  if (typeof template === 'string') return template;
  const path = (req.originalUrl ?? '').split('?')[0] ?? '';
  // The console's files and unknown paths: a fixed label each, whatever was asked.
  return path === '/console' || path.startsWith('/console/') ? '/console' : 'unmatched';
}

/** How a Temporal client call ended, by the error the SDK threw (a small fixed set of labels). */
export function temporalOutcome(error: unknown): string {
  const name = error instanceof Error ? error.name : '';
  switch (name) {
    case 'WorkflowExecutionAlreadyStartedError':
      return 'already_started';
    case 'WorkflowNotFoundError':
      return 'not_found';
    case 'WorkflowUpdateRPCTimeoutOrCancelledError':
      return 'timeout';
    default:
      return 'error';
  }
}

@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly http = new Histogram({
    name: 'http_server_request_duration_seconds',
    help: 'HTTP requests answered by the API, by method, route template and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  private readonly temporal = new Histogram({
    name: 'qc_temporal_client_call_duration_seconds',
    help: 'Temporal client calls made by the API (start, update, signal, describe), by outcome',
    labelNames: ['call', 'outcome'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 15],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  observeRequest(method: string, route: string, status: number, seconds: number): void {
    try {
      this.http.observe({ method, route, status: String(status) }, seconds);
    } catch {
      // A metric is never worth a failed request.
    }
  }

  observeTemporalCall(call: string, outcome: string, seconds: number): void {
    try {
      this.temporal.observe({ call, outcome }, seconds);
    } catch {
      // idem
    }
  }
}
