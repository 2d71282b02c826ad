/**
 * The application dossier (spec §3) and its submission rules. `checkDossier` returns one
 * field-level breach per broken rule, so a coop sees everything to fix at once.
 */
import { Dossier, EngagementChoice, INDICATOR_KINDS, Indicator, IndicatorKind } from './dossier-schema';
import { AxisId, findEngagement, Referential } from './referential';

export { INDICATOR_KINDS } from './dossier-schema';
export type { Dossier, DocumentRef, EngagementChoice, Indicator, IndicatorKind, PlannedAction } from './dossier-schema';

/** A dossier with every part present, as the sample and the seeds are (a saved draft may lack any part). */
export type CompleteDossier = Omit<Dossier, 'engagements' | 'involvementStatement'> & {
  engagements: Array<Omit<EngagementChoice, 'indicators'> & { indicators: Array<Required<Indicator>> }>;
  involvementStatement: string;
};

export interface DossierBreach {
  field: string;
  code: string;
  message: string;
}

export const DOSSIER_RULES = { minEngagements: 8, minPerAxis: 2, minIndicators: 1, minInvolvementLength: 20 } as const;

const AXIS_NAMES: Record<AxisId, string> = { A: 'A (mission)', B: 'B (gouvernance)', C: 'C (modèle responsable)' };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const blank = (s: unknown): boolean => typeof s !== 'string' || s.trim().length === 0;

export function checkDossier(dossier: Dossier, referential: Referential): DossierBreach[] {
  const breaches: DossierBreach[] = [];
  const add = (field: string, code: string, message: string) => breaches.push({ field, code, message });
  const chosen = dossier.engagements ?? [];

  const seen = new Set<string>();
  chosen.forEach((choice, i) => {
    if (!findEngagement(referential, choice.engagementId)) {
      add(
        `engagements[${i}].engagementId`,
        'DOSSIER.UNKNOWN_ENGAGEMENT',
        `L'engagement « ${choice.engagementId} » n'existe pas dans le référentiel.`,
      );
    } else if (seen.has(choice.engagementId)) {
      add(
        `engagements[${i}].engagementId`,
        'DOSSIER.DUPLICATE_ENGAGEMENT',
        `L'engagement ${choice.engagementId} est choisi deux fois.`,
      );
    }
    seen.add(choice.engagementId);
  });

  if (seen.size < DOSSIER_RULES.minEngagements) {
    add(
      'engagements',
      'DOSSIER.TOO_FEW_ENGAGEMENTS',
      `Choisissez au moins ${DOSSIER_RULES.minEngagements} engagements sur 12 (${seen.size} choisi(s)).`,
    );
  }
  for (const axis of referential.axes) {
    const count = [...seen].filter((id) => findEngagement(referential, id)?.axis === axis.id).length;
    if (count < DOSSIER_RULES.minPerAxis) {
      add(
        `engagements.axis.${axis.id}`,
        'DOSSIER.TOO_FEW_ENGAGEMENTS_IN_AXIS',
        `Choisissez au moins ${DOSSIER_RULES.minPerAxis} engagements dans l'axe ${AXIS_NAMES[axis.id]} (${count} choisi(s)).`,
      );
    }
  }

  chosen.forEach((choice, i) => checkIndicators(choice, `engagements[${i}]`, add));

  if ((dossier.involvementStatement ?? '').trim().length < DOSSIER_RULES.minInvolvementLength) {
    add(
      'involvementStatement',
      'DOSSIER.INVOLVEMENT_REQUIRED',
      "Décrivez comment l'équipe et les coopérateurs ont été informés et consultés (au moins quelques phrases).",
    );
  }
  if (!dossier.letterOfCommitment || blank(dossier.letterOfCommitment.documentId)) {
    add(
      'letterOfCommitment',
      'DOSSIER.LETTER_OF_COMMITMENT_REQUIRED',
      "La lettre d'engagement signée par la direction est obligatoire.",
    );
  }
  return breaches;
}

type Add = (field: string, code: string, message: string) => void;

function checkIndicators(choice: EngagementChoice, path: string, add: Add): void {
  const indicators = choice.indicators ?? [];
  if (indicators.length < DOSSIER_RULES.minIndicators) {
    add(
      `${path}.indicators`,
      'DOSSIER.INDICATOR_REQUIRED',
      `L'engagement ${choice.engagementId} doit avoir au moins un indicateur.`,
    );
  }
  indicators.forEach((indicator, j) => {
    const at = `${path}.indicators[${j}]`;
    const required = (field: string, ok: boolean, what: string) => {
      if (!ok)
        add(
          `${at}.${field}`,
          'DOSSIER.INDICATOR_FIELD_REQUIRED',
          `Indicateur ${j + 1} de l'engagement ${choice.engagementId} : ${what}.`,
        );
    };
    required('name', !blank(indicator.name), 'le nom est obligatoire');
    required('kind', isIndicatorKind(indicator.kind), `le type doit être l'un de : ${INDICATOR_KINDS.join(', ')}`);
    required('rationale', !blank(indicator.rationale), "expliquez en quoi il illustre la Raison d'être");
    required(
      'baseline.value',
      Number.isFinite(indicator.baseline?.value),
      'le résultat actuel (valeur) est obligatoire',
    );
    required('baseline.unit', !blank(indicator.baseline?.unit), "l'unité du résultat actuel est obligatoire");
    required(
      'baseline.measuredOn',
      DATE.test(indicator.baseline?.measuredOn ?? ''),
      'la date de mesure (AAAA-MM-JJ) est obligatoire',
    );
    required('target.value', Number.isFinite(indicator.target?.value), 'la valeur cible est obligatoire');
    required(
      'target.targetDate',
      DATE.test(indicator.target?.targetDate ?? ''),
      "la date d'atteinte de la cible (AAAA-MM-JJ) est obligatoire",
    );
    const actions = indicator.actionPlan ?? [];
    required('actionPlan', actions.length > 0, "le plan d'actions doit comporter au moins une action");
    actions.forEach((action, k) => {
      const complete = !blank(action.what) && !blank(action.who) && DATE.test(action.byWhen ?? '');
      required(`actionPlan[${k}]`, complete, `l'action ${k + 1} doit préciser quoi, qui et pour quand (AAAA-MM-JJ)`);
    });
  });
}

function isIndicatorKind(kind: unknown): kind is IndicatorKind {
  return INDICATOR_KINDS.some((k) => k === kind);
}
