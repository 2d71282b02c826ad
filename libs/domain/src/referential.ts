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
  /** A short guidance text for the dossier editor: what the engagement covers, what to measure. */
  guidance: string;
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
    {
      id: 'A1',
      axis: 'A',
      title: "Permettre l'accès à un logement abordable au plus grand nombre",
      guidance:
        'Rendre le logement accessible aux ménages modestes : prix de sortie en accession sociale, loyers, part de ménages sous plafonds de ressources, sécurisation des parcours.',
    },
    {
      id: 'A2',
      axis: 'A',
      title: "Être un acteur local à l'impact social, économique et citoyen positif",
      guidance:
        "Mesurer l'empreinte de la coopérative sur son territoire : emplois, achats locaux, partenariats avec les acteurs économiques et associatifs.",
    },
    {
      id: 'A3',
      axis: 'A',
      title: 'Concourir au développement harmonieux et durable du territoire',
      guidance:
        'Montrer comment vos projets répondent aux besoins du territoire : diversité des opérations, mixité, partenariats avec les collectivités, sobriété foncière.',
    },
    {
      id: 'A4',
      axis: 'A',
      title: 'Contribuer au bien vivre ensemble',
      guidance:
        "Favoriser le lien social et la solidarité entre habitants : actions de voisinage, lutte contre l'exclusion, amélioration du cadre de vie.",
    },
    {
      id: 'B1',
      axis: 'B',
      title: 'Instaurer un dialogue constructif avec ses associés',
      guidance:
        'Faire vivre le dialogue avec les associés (accédants, locataires, collaborateurs, collectivités) : rencontres, consultations, prise en compte de leurs avis.',
    },
    {
      id: 'B2',
      axis: 'B',
      title: 'Permettre aux associés de prendre toute leur place dans la gouvernance de la coop',
      guidance:
        "Inviter les bénéficiaires à devenir associés et à siéger dans les instances : nombre d'associés, participation aux assemblées, représentation dans les instances.",
    },
    {
      id: 'B3',
      axis: 'B',
      title: 'Communiquer et rendre compte aux associés de la vie de la coop',
      guidance:
        "Rendre des comptes de manière transparente : information régulière sur l'activité, les résultats et les décisions de la coopérative.",
    },
    {
      id: 'C1',
      axis: 'C',
      title: 'Se tenir aux côtés des coopérateurs tout au long de leur parcours résidentiel',
      guidance:
        "Accompagner accédants et locataires tout au long de leur parcours résidentiel : conseil avant et après l'achat, sécurisation, mobilité dans le parc.",
    },
    {
      id: 'C2',
      axis: 'C',
      title: 'Valoriser notre modèle économique de lucrativité limitée et responsable',
      guidance:
        'Faire connaître un modèle où tous les résultats sont réinvestis : part des résultats réinvestis, nouveaux projets financés, pédagogie sur la lucrativité limitée.',
    },
    {
      id: 'C3',
      axis: 'C',
      title: 'Construire et/ou gérer durable et responsable',
      guidance:
        "Construire et gérer avec exigence environnementale et sociale : performance énergétique, qualité du bâti, maîtrise d'usage, achats responsables.",
    },
    {
      id: 'C4',
      axis: 'C',
      title: 'Rechercher et déployer de nouvelles solutions',
      guidance:
        'Expérimenter et diffuser des solutions nouvelles : bail réel solidaire, syndic solidaire, habitat participatif, financements innovants.',
    },
    {
      id: 'C5',
      axis: 'C',
      title: "Mutualiser nos ressources au service de l'amélioration et de l'innovation",
      guidance:
        "Mettre en commun moyens et savoir-faire avec d'autres coopératives ou partenaires pour améliorer et innover : outils partagés, groupements, échanges de pratiques.",
    },
  ],
};

export const CURRENT_REFERENTIAL = REFERENTIAL_2021;

export function findEngagement(referential: Referential, id: string): Engagement | undefined {
  return referential.engagements.find((e) => e.id === id);
}
