/**
 * The Quali'Coop referential (Annexe 2 of the federation's text): 3 axes, 12 engagements.
 * Ids are ours and stable; titles are the official French text. A candidacy keeps the
 * referential version it was opened under.
 */
export type AxisId = 'A' | 'B' | 'C';

export interface Axis {
  id: AxisId;
  title: string;
  subtitle: string;
}

export interface Engagement {
  id: string;
  axis: AxisId;
  title: string;
}

export interface Referential {
  version: string;
  axes: readonly Axis[];
  engagements: readonly Engagement[];
}

export const REFERENTIAL_2021: Referential = {
  version: '2021.1',
  axes: [
    {
      id: 'A',
      title: "Notre mission d'intérêt général",
      subtitle: 'Un logement abordable et de qualité au service du plus grand nombre',
    },
    {
      id: 'B',
      title: 'Notre gouvernance coopérative',
      subtitle: 'Une relation de confiance avec nos accédants, nos locataires et nos élus',
    },
    {
      id: 'C',
      title: 'Notre modèle responsable',
      subtitle: "L'engagement au service des générations présentes et futures",
    },
  ],
  engagements: [
    { id: 'A1', axis: 'A', title: "Permettre l'accès à un logement abordable au plus grand nombre" },
    { id: 'A2', axis: 'A', title: "Être un acteur local à l'impact social, économique et citoyen positif" },
    { id: 'A3', axis: 'A', title: 'Concourir au développement harmonieux et durable du territoire' },
    { id: 'A4', axis: 'A', title: 'Contribuer au bien vivre ensemble' },
    { id: 'B1', axis: 'B', title: 'Instaurer un dialogue constructif avec ses associés' },
    { id: 'B2', axis: 'B', title: 'Permettre aux associés de prendre toute leur place dans la gouvernance de la coop' },
    { id: 'B3', axis: 'B', title: 'Communiquer et rendre compte aux associés de la vie de la coop' },
    { id: 'C1', axis: 'C', title: 'Se tenir aux côtés des coopérateurs tout au long de leur parcours résidentiel' },
    { id: 'C2', axis: 'C', title: 'Valoriser notre modèle économique de lucrativité limitée et responsable' },
    { id: 'C3', axis: 'C', title: 'Construire et/ou gérer durable et responsable' },
    { id: 'C4', axis: 'C', title: 'Rechercher et déployer de nouvelles solutions' },
    { id: 'C5', axis: 'C', title: "Mutualiser nos ressources au service de l'amélioration et de l'innovation" },
  ],
};

export const CURRENT_REFERENTIAL = REFERENTIAL_2021;

export function findEngagement(referential: Referential, id: string): Engagement | undefined {
  return referential.engagements.find((e) => e.id === id);
}
