/**
 * `npm run token -- <role> [cooperativeId] [sub]`: mints a development token signed with the
 * local key (QC_JWT_SECRET or the development default).
 */
import { jwtSecret, SEEDED_USERS, signToken } from '@qualicoop/platform';

if (require.main === module) {
  const [who = ''] = process.argv.slice(2);
  const user = SEEDED_USERS[who];
  if (!user) {
    console.error(`usage: npm run token -- <${Object.keys(SEEDED_USERS).join('|')}>`);
    process.exit(2);
  }
  console.log(signToken(user, jwtSecret()));
}
