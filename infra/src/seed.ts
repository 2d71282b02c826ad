/** Seeds the referential (spec §2) and a few demo cooperatives. Idempotent. */
import { CURRENT_REFERENTIAL } from '@qualicoop/domain';
import { createDataSource } from '@qualicoop/persistence';

export const DEMO_COOPERATIVES = [
  {
    id: 'coop-atlantique',
    name: "Coop'HLM Atlantique Habitat",
    region: 'Pays de la Loire',
    email: 'contact@atlantique-habitat.example',
  },
  {
    id: 'coop-rhone-alpes',
    name: 'Rhône-Alpes Accession Coopérative',
    region: 'Auvergne-Rhône-Alpes',
    email: 'qualite@raac.example',
  },
  {
    id: 'coop-provence',
    name: "Provence Logis Coop'HLM",
    region: "Provence-Alpes-Côte d'Azur",
    email: 'direction@provence-logis.example',
  },
  { id: 'coop-nord', name: 'Habitat du Nord Coopératif', region: 'Hauts-de-France', email: 'contact@hnc.example' },
];

/** The people of the demo data: the users `npm run token` mints tokens for, and e-mail recipients. */
export const DEMO_PEOPLE = [
  {
    id: 'user-atlantique',
    role: 'coop',
    cooperativeId: 'coop-atlantique',
    name: 'Claire Martin',
    email: 'claire.martin@atlantique-habitat.example',
  },
  {
    id: 'user-provence',
    role: 'coop',
    cooperativeId: 'coop-provence',
    name: 'Marc Durand',
    email: 'marc.durand@provence-logis.example',
  },
  {
    id: 'staff-federation',
    role: 'federation',
    cooperativeId: null,
    name: "Équipe Quali'Coop de la Fédération",
    email: 'qualicoop@federation-coophlm.example',
  },
  {
    id: 'member-committee',
    role: 'committee',
    cooperativeId: null,
    name: 'Sophie Bernard',
    email: 'sophie.bernard@comite.example',
  },
  {
    id: 'member-visitor',
    role: 'committee',
    cooperativeId: null,
    name: 'Jean Petit',
    email: 'jean.petit@comite.example',
  },
];

export async function seed(databaseUrl: string, extraCooperatives: typeof DEMO_COOPERATIVES = []): Promise<void> {
  const ds = await createDataSource(databaseUrl, 'quali-coop-seed').initialize();
  try {
    await ds.transaction(async (tx) => {
      for (const e of CURRENT_REFERENTIAL.engagements) {
        const axis = CURRENT_REFERENTIAL.axes.find((a) => a.id === e.axis);
        await tx.query(
          `INSERT INTO referential_engagements (version, id, axis, axis_title, title) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (version, id) DO NOTHING`,
          [CURRENT_REFERENTIAL.version, e.id, e.axis, axis?.title ?? e.axis, e.title],
        );
      }
      for (const c of [...DEMO_COOPERATIVES, ...extraCooperatives]) {
        await tx.query(
          `INSERT INTO cooperatives (id, name, region, email) VALUES ($1, $2, $3, $4) ON CONFLICT (id) DO NOTHING`,
          [c.id, c.name, c.region, c.email],
        );
      }
      for (const p of DEMO_PEOPLE) {
        await tx.query(
          `INSERT INTO people (id, role, cooperative_id, name, email) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (id) DO NOTHING`,
          [p.id, p.role, p.cooperativeId, p.name, p.email],
        );
      }
    });
  } finally {
    await ds.destroy();
  }
}
