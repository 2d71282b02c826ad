/**
 * The optional `Idempotency-Key` header of a write. A parameter decorator of our own rather than
 * `@Headers('idempotency-key')`, which the OpenAPI generator would document as a second,
 * lower-case and required header; the operation documents `Idempotency-Key` itself (`@ApiHeader`).
 */
import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';

export const IdempotencyKey = createParamDecorator((_data: unknown, ctx: ExecutionContext): string | undefined => {
  const value = ctx.switchToHttp().getRequest<Request>().headers['idempotency-key'];
  return typeof value === 'string' ? value : undefined;
});
