import { CanActivate, ExecutionContext, Injectable, SetMetadata } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Caller, jwtSecret, OidcVerifier, Role, verifyToken } from '@qualicoop/platform';
import { problem } from '../common/error-catalogue';

export const ROLES_KEY = 'qc:roles';
/** Every endpoint declares who may call it; `Public()` for the few that anyone may. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);
export const Public = () => SetMetadata(ROLES_KEY, 'public');

export type AuthedRequest = Request & { caller: Caller };

@Injectable()
export class AuthGuard implements CanActivate {
  /** QC_OIDC_ISSUER set: tokens from that issuer (production); otherwise the local key (development). */
  private readonly oidc = process.env.QC_OIDC_ISSUER
    ? new OidcVerifier(process.env.QC_OIDC_ISSUER, {
        audience: process.env.QC_OIDC_AUDIENCE,
        roleClaim: process.env.QC_OIDC_ROLE_CLAIM,
        cooperativeClaim: process.env.QC_OIDC_COOPERATIVE_CLAIM,
      })
    : undefined;

  constructor(private readonly reflector: Reflector) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const allowed = this.reflector.getAllAndOverride<Role[] | 'public' | undefined>(ROLES_KEY, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (allowed === 'public') return true;
    const request = context.switchToHttp().getRequest<AuthedRequest>();
    const [scheme, token] = (request.headers.authorization ?? '').split(' ');
    const caller =
      scheme === 'Bearer' && token
        ? await (this.oidc ? this.oidc.verify(token) : verifyToken(token, jwtSecret()))
        : undefined;
    if (!caller) throw problem('AUTH.UNAUTHENTICATED');
    if (!allowed || !allowed.includes(caller.role)) {
      throw problem('AUTH.FORBIDDEN');
    }
    request.caller = caller;
    return true;
  }
}
