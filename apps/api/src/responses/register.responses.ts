/** What the register, sign-in and health endpoints answer. */
import { z } from 'zod';
import { count, InstantSchema } from './common.responses';

const RoleSchema = z.enum(['coop', 'federation', 'committee']);

export const CooperativeSchema = z
  .strictObject({ id: z.string(), name: z.string(), region: z.string(), email: z.string(), active: z.boolean() })
  .meta({ id: 'Cooperative', description: 'A cooperative of the register' });

export const CommitteeMemberSchema = z
  .strictObject({ id: z.string(), name: z.string() })
  .meta({ id: 'CommitteeMember', description: 'An active committee member' });

export const CommitteeSessionSchema = z
  .strictObject({
    id: z.string(),
    calendar: z.string(),
    sessionDate: InstantSchema,
    cutoffAt: InstantSchema,
    agendaClosed: z.boolean(),
    members: z.array(z.string()),
  })
  .meta({ id: 'CommitteeSession', description: 'A session of the committee calendar' });

export const MovedCommitteeSessionSchema = CommitteeSessionSchema.extend({
  candidaciesMoved: count().meta({ description: 'Candidacies on its open agenda, told to follow it' }),
}).meta({ id: 'MovedCommitteeSession' });

export const SignInOptionsSchema = z
  .discriminatedUnion('mode', [
    z.strictObject({
      mode: z.literal('oidc'),
      issuer: z.string(),
      clientId: z.string(),
      scope: z.string(),
      resource: z.string().meta({ description: "The API's audience (RFC 8707)" }),
    }),
    z.strictObject({ mode: z.literal('none') }),
    z.strictObject({
      mode: z.literal('development'),
      users: z.array(
        z.strictObject({ id: z.string(), name: z.string(), role: RoleSchema, cooperativeId: z.string().nullable() }),
      ),
    }),
  ])
  .meta({ id: 'SignInOptions', description: 'How to sign in' });

export const DevelopmentTokenSchema = z
  .strictObject({
    token: z.string(),
    expiresAt: InstantSchema,
    user: z.strictObject({
      id: z.string(),
      sub: z.string(),
      role: RoleSchema,
      cooperativeId: z.string().optional(),
      name: z.string(),
    }),
  })
  .meta({ id: 'DevelopmentToken' });

export const MeSchema = z
  .strictObject({
    sub: z.string(),
    role: RoleSchema,
    cooperativeId: z.string().nullable(),
    name: z.string().nullable(),
  })
  .meta({ id: 'Me', description: 'Who the token says the caller is' });

export const HealthSchema = z
  .strictObject({
    status: z.enum(['up', 'degraded']),
    database: z.enum(['up', 'down']),
    temporal: z.enum(['up', 'down']),
  })
  .meta({ id: 'Health' });
