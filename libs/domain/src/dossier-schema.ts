/**
 * The dossier's shape, declared once (ADR 11): the API validates bodies with it, the OpenAPI
 * document is generated from it, the console's form can check a field with it, and the domain's
 * types are inferred from it. It is the shape of a *draft*: every part may still be missing, at
 * any depth (a form saves what has been typed so far), but what is there must be well-formed. The completeness rules of spec §3 run at submission
 * (`checkDossier`).
 */
import { z } from 'zod';

export const INDICATOR_KINDS = ['metier', 'economique', 'gouvernance', 'ressources_humaines', 'autre'] as const;

/** Each kind of indicator as people read it (the federation's text: « indicateurs métier, économiques… »). */
export const INDICATOR_KIND_LABELS_FR: Record<(typeof INDICATOR_KINDS)[number], string> = {
  metier: 'métier',
  economique: 'économique',
  gouvernance: 'gouvernance',
  ressources_humaines: 'ressources humaines',
  autre: 'autre',
};

/** Bounds that keep one dossier version a reasonable size (a few hundred kB at most). */
export const DOSSIER_LIMITS = { textLength: 10_000, listLength: 200 } as const;

const text = () => z.string().max(DOSSIER_LIMITS.textLength);
const list = <T extends z.ZodType>(item: T) => z.array(item).max(DOSSIER_LIMITS.listLength);
const civilDate = (example: string) =>
  text().meta({ description: 'A civil date, YYYY-MM-DD (checked at submission)', example });

export const PlannedActionSchema = z
  .strictObject({ what: text().optional(), who: text().optional(), byWhen: civilDate('2027-03-31').optional() })
  .meta({ id: 'PlannedAction', description: 'One action of the plan: what, who, by when' });

export const IndicatorSchema = z
  .strictObject({
    name: text().optional(),
    kind: z.enum(INDICATOR_KINDS).optional(),
    rationale: text().meta({ description: "Why it illustrates the Raison d'être" }).optional(),
    baseline: z
      .strictObject({
        value: z.number().optional(),
        unit: text().optional(),
        measuredOn: civilDate('2026-06-30').optional(),
      })
      .meta({ description: 'The result today', example: { value: 40, unit: '%', measuredOn: '2026-06-30' } })
      .optional(),
    target: z
      .strictObject({ value: z.number().optional(), targetDate: civilDate('2028-06-30').optional() })
      .meta({ description: 'The result aimed at, and when', example: { value: 60, targetDate: '2028-06-30' } })
      .optional(),
    actionPlan: list(PlannedActionSchema).optional(),
  })
  .meta({ id: 'Indicator' });

export const EngagementChoiceSchema = z
  .strictObject({
    engagementId: text().meta({ description: 'An engagement of the referential (A1 … C5)', example: 'A1' }),
    indicators: list(IndicatorSchema).optional(),
  })
  .meta({ id: 'EngagementChoice' });

export const DocumentRefSchema = z
  .strictObject({
    documentId: text().meta({ description: 'As returned by the document upload' }),
    sha256: text().optional(),
  })
  .meta({ id: 'DocumentRef' });

export const DossierSchema = z
  .strictObject({
    engagements: list(EngagementChoiceSchema).optional(),
    involvementStatement: text()
      .meta({ description: 'How the team and the coopérateurs were informed and consulted' })
      .optional(),
    letterOfCommitment: DocumentRefSchema.nullable().optional(),
    supportingDocuments: list(DocumentRefSchema).optional(),
  })
  .meta({
    id: 'Dossier',
    description:
      'A dossier (draft or complete): 8 to 12 engagements, each with its indicators, targets and action plan',
  });

export type IndicatorKind = (typeof INDICATOR_KINDS)[number];
export type PlannedAction = z.infer<typeof PlannedActionSchema>;
export type Indicator = z.infer<typeof IndicatorSchema>;
export type EngagementChoice = z.infer<typeof EngagementChoiceSchema>;
export type DocumentRef = z.infer<typeof DocumentRefSchema>;
export type Dossier = z.infer<typeof DossierSchema>;
