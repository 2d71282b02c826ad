/**
 * How the console signs people in. In production the API trusts an OpenID Connect issuer
 * (`QC_OIDC_ISSUER`): the console runs the authorization code flow with PKCE against it, as the
 * public client `QC_OIDC_CLIENT_ID`. In development mode (`QC_MODE=development`, no issuer) the
 * console lists the seeded users and gets a token for one, signed with the API's local key.
 */
import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { DEVELOPMENT_TOKEN_SECONDS, SEEDED_USERS, signLocalToken, TokenTrust } from '@qualicoop/platform';
import { problem } from '../common/error-catalogue';
import { schemaRef } from '../schema-components';
import { AuthedRequest, Public, Roles, TOKEN_TRUST } from './auth.guard';

export class DevelopmentTokenRequest {
  @ApiProperty({ example: 'coop-atlantique', description: 'One of the users that GET /sign-in lists' })
  @IsIn(Object.keys(SEEDED_USERS), { message: 'user : utilisateur de démonstration inconnu' })
  user!: string;
}

@ApiTags('sign-in')
@Controller('sign-in')
export class SignInController {
  constructor(@Inject(TOKEN_TRUST) private readonly trust: TokenTrust) {}

  @Get()
  @Public()
  @ApiOperation({
    summary: 'How to sign in: the OpenID Connect issuer and client, or (development only) the seeded users',
  })
  @ApiOkResponse({ schema: schemaRef('SignInOptions') })
  options() {
    const trust = this.trust;
    if (trust.kind === 'issuer') {
      return {
        mode: 'oidc' as const,
        issuer: trust.issuer,
        clientId: trust.clientId,
        scope: trust.scope,
        // The API's audience, for providers that issue access tokens per resource (RFC 8707).
        resource: trust.audience,
      };
    }
    if (!trust.development) return { mode: 'none' as const };
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
  @ApiOkResponse({ schema: schemaRef('DevelopmentToken') })
  async developmentToken(@Body() body: DevelopmentTokenRequest) {
    const trust = this.trust;
    if (trust.kind !== 'key' || !trust.development) throw problem('NOT_FOUND');
    const user = SEEDED_USERS[body.user];
    if (!user) throw problem('NOT_FOUND');
    const now = new Date();
    const expiresAt = new Date(now.getTime() + DEVELOPMENT_TOKEN_SECONDS * 1000).toISOString();
    return {
      token: await signLocalToken(user, trust.key, { now }),
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
  @ApiOkResponse({ schema: schemaRef('Me') })
  me(@Req() req: AuthedRequest) {
    const { sub, role, cooperativeId, name } = req.caller;
    return { sub, role, cooperativeId: cooperativeId ?? null, name: name ?? null };
  }
}
