/** What each committee decision asks (spec §4): the question and its answers, in French, with their consequences. */
import { deadline, formatDeadlineFr, type DueDecision } from '@qualicoop/domain';
import type { CandidacyView } from '../../api/types';

export interface Choice {
  value: string;
  label: string;
  description?: string;
}

/** What each decision asks: the question, its answers, and the API call that records it. */
export function questionOf(c: CandidacyView, due: DueDecision): { legend: string; choices: Choice[] } {
  const p = c.state.policy;
  switch (due.command) {
    case 'RecordCompleteness':
      return {
        legend: 'Le dossier est-il complet ?',
        choices: [
          { value: 'complete', label: 'Oui, le dossier est complet' },
          {
            value: 'incomplete',
            label: 'Non, il manque des éléments',
            description: `La coopérative aura jusqu'au ${formatDeadlineFr(deadline(new Date().toISOString(), { days: p.complementDays }, p), p)} pour compléter son dossier.`,
          },
        ],
      };
    case 'RecordAdmissibility':
      return {
        legend: 'Le dossier est-il admissible ?',
        choices: [
          {
            value: 'admissible',
            label: 'Admissible',
            description: `La mise en œuvre de ${p.implementationMonths} mois commence, avec ses points d'étape.`,
          },
          { value: 'not_admissible', label: 'Non admissible', description: 'La candidature prend fin.' },
        ],
      };
    case 'DecideAward':
      return {
        legend: "Décision sur l'octroi du label",
        choices: [
          { value: 'granted', label: 'Label octroyé', description: `Pour ${p.labelMonths / 12} ans.` },
          ...(c.state.extensionsUsed < p.extensionsAllowed
            ? [
                {
                  value: 'extension',
                  label: 'Prolongation de la mise en œuvre',
                  description: `De ${p.extensionMaxMonths} mois au plus, une seule fois ; une nouvelle visite suivra.`,
                },
              ]
            : []),
          { value: 'refused', label: 'Label refusé' },
        ],
      };
    case 'DecideMidTerm':
      return {
        legend: 'Décision au point à mi-parcours',
        choices: [
          { value: 'confirmed', label: 'Label confirmé' },
          { value: 'withdrawn', label: 'Label retiré', description: 'Le label prend fin.' },
        ],
      };
    case 'DecideRenewal':
      return {
        legend: 'Décision sur la demande de renouvellement',
        choices: [
          {
            value: 'renewed',
            label: 'Label renouvelé',
            description: `Un nouveau cycle de ${p.labelMonths / 12} ans commence à l'échéance du label en cours.`,
          },
          { value: 'refused', label: 'Renouvellement refusé', description: 'Le label prend fin à son échéance.' },
        ],
      };
  }
}
