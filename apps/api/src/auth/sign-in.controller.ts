/**
 * How the console signs people in. In production the API trusts an OpenID Connect issuer
 * (`QC_OIDC_ISSUER`): the console runs the authorization code flow with PKCE against it, as the
 * public client `QC_OIDC_CLIENT_ID`. In development (no issuer and no `QC_JWT_SECRET`: the API
 * signs with its development key) the console lists the seeded users and gets a token for one.
 */
import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { jwtSecret, SEEDED_USERS, signToken } from '@qualicoop/platform';
import { problem } from '../common/error-catalogue';
import { AuthedRequest, Public, Roles } from './auth.guard';

/** Development tokens last a working day. */
export const DEVELOPMENT_TOKEN_SECONDS = 12 * 3600;

export function developmentSignIn(env: NodeJS.ProcessEnv = process.env): boolean {
  return !env.QC_OIDC_ISSUER && !env.QC_JWT_SECRET;
}

export class DevelopmentTokenRequest {
  @ApiProperty({ example: 'coop-atlantique', description: 'One of the users that GET /sign-in lists' })
  @IsIn(Object.keys(SEEDED_USERS), { message: 'user : utilisateur de démonstration inconnu' })
  user!: string;
}

@ApiTags('sign-in')
@Controller('sign-in')
export class SignInController {
  @Get()
  @Public()
  @ApiOperation({
    summary: 'How to sign in: the OpenID Connect issuer and client, or (development only) the seeded users',
  })
  options() {
    if (process.env.QC_OIDC_ISSUER) {
      return {
        mode: 'oidc' as const,
        issuer: process.env.QC_OIDC_ISSUER,
        clientId: process.env.QC_OIDC_CLIENT_ID ?? 'quali-coop-console',
        scope: process.env.QC_OIDC_SCOPE ?? 'openid profile',
        // The API's audience, for providers that issue access tokens per resource (RFC 8707).
        resource: process.env.QC_OIDC_AUDIENCE ?? null,
      };
    }
    if (!developmentSignIn()) return { mode: 'none' as const };
    const users = Object.entries(SEEDED_USERS).map(([id, u]) => ({
      id,
      name: u.name,
      role: u.role,
      cooperativeId: u.cooperativeId ?? null,
    }));
    return { mode: 'development' as const, users };
  }

  @Post('development-token')
  @Public()
  @HttpCode(200)
  @ApiOperation({ summary: 'Development only: a token for one of the seeded users (404 otherwise)' })
  developmentToken(@Body() body: DevelopmentTokenRequest) {
    if (!developmentSignIn()) throw problem('NOT_FOUND');
    const user = SEEDED_USERS[body.user];
    if (!user) throw problem('NOT_FOUND');
    const expiresAt = new Date(Date.now() + DEVELOPMENT_TOKEN_SECONDS * 1000).toISOString();
    return {
      token: signToken(user, jwtSecret(), DEVELOPMENT_TOKEN_SECONDS),
      expiresAt,
      user: { id: body.user, ...user },
    };
  }
}

@ApiTags('sign-in')
@ApiBearerAuth()
@Controller('me')
export class MeController {
  @Get()
  @Roles('coop', 'federation', 'committee')
  @ApiOperation({ summary: 'Who the token says the caller is: id, role, cooperative, name' })
  me(@Req() req: AuthedRequest) {
    const { sub, role, cooperativeId, name } = req.caller;
    return { sub, role, cooperativeId: cooperativeId ?? null, name: name ?? null };
  }
}
