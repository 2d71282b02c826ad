import { CanActivate, ExecutionContext, Inject, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Caller, IssuerUnavailable, Role, TokenTrust, tokenVerifier, TokenVerifier } from '@qualicoop/platform';
import { problem } from '../common/error-catalogue';

export const ROLES_KEY = 'qc:roles';
/** Every endpoint declares who may call it; `Public()` for the few that anyone may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const Public = () => SetMetadata(ROLES_KEY, 'public');

/** Whom the API trusts for tokens, decided once at start-up (`tokenTrust()` in @qualicoop/platform). */
export const TOKEN_TRUST = Symbol('TokenTrust');

export type AuthedRequest = Request & { caller: Caller };

@Injectable()
export class AuthGuard implements CanActivate {
  private readonly verifier: TokenVerifier;

  constructor(
    private readonly reflector: Reflector,
    @Inject(TOKEN_TRUST) trust: TokenTrust,
  ) {
    this.verifier = tokenVerifier(trust);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const allowed = this.reflector.getAllAndOverride<Role[] | 'public' | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (allowed === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    const caller = scheme === 'Bearer' && token ? await this.verified(token) : undefined;
    if (!caller) throw problem('AUTH.UNAUTHENTICATED');
    if (!allowed || !allowed.includes(caller.role)) {
      throw problem('AUTH.FORBIDDEN');
    }
    request.caller = caller;
    return true;
  }

  private async verified(token: string): Promise<Caller | undefined> {
    try {
      return await this.verifier.verify(token);
    } catch (e) {
      if (e instanceof IssuerUnavailable) throw problem('AUTH.ISSUER_UNAVAILABLE');
      throw e;
    }
  }
}
