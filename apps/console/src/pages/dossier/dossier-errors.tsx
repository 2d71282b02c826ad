/**
 * The dossier's errors at their fields. After a blocked attempt to file, each rule then broken is
 * shown at its field for as long as it stays broken, in the live check's own words: fixed, it goes;
 * a rule broken later (an engagement just chosen) waits in the checklist for the next attempt. The
 * API's field errors (a draft or a filing refused) stand at their fields as long as that refusal.
 */
import { Input } from '@mantine/core';
import type { RefObject } from 'react';
import type { DossierBreach } from '@qualicoop/domain';
import { problemFields, useFieldErrors, useProblemFields } from '../../components/field-errors';
import { fieldId } from './field-id';

/** A sentence per field path (`engagements[0].indicators[0].name`, `engagements.axis.B`…). */
export type DossierErrors = Record<string, string>;

const INDICATOR = String.raw`engagements\[\d+\]\.indicators\[\d+\]`;
/** The paths the editor shows an error at (a field, or a group for a rule on the whole group). */
const SHOWN = [
  /^engagements$/,
  /^engagements\.axis\.[A-Z]$/,
  /^engagements\[\d+\]\.indicators$/,
  new RegExp(
    String.raw`^${INDICATOR}\.(name|kind|rationale|baseline\.(value|unit|measuredOn)|target\.(value|targetDate))$`,
  ),
  new RegExp(String.raw`^${INDICATOR}\.actionPlan(\[\d+\](\.(what|who|byWhen))?)?$`),
  /^involvementStatement$/,
  /^letterOfCommitment$/,
  /^supportingDocuments\[\d+\]$/,
];

/** Where the editor shows an error the API names by its path; undefined when no field shows it. */
export function shownAt(path: string): string | undefined {
  // A document is named by its id in the API's paths; the editor shows the document.
  const at = path.replace(/^(letterOfCommitment|supportingDocuments\[\d+\])\.documentId$/, '$1');
  return SHOWN.some((p) => p.test(at)) ? at : undefined;
}

/** The API's sentences at the paths the editor shows them at; the others stay in the refusal's alert. */
function atFields(found: Record<string, string>): DossierErrors {
  const shown: DossierErrors = {};
  for (const [path, sentence] of Object.entries(found)) {
    const at = shownAt(path);
    if (at) shown[at] ??= sentence;
  }
  return shown;
}

/**
 * `refused`: the API's refusals that stand, each shown at its fields: the last save's (`asked` when
 * the person asked for it) and the filing's. The focus goes to the first field of a refusal the
 * person asked for; an autosave's never moves it.
 */
export function useDossierErrors(
  container: RefObject<HTMLElement | null>,
  breaches: DossierBreach[],
  refused: { save: unknown; asked: boolean; filing: unknown },
) {
  const { errors: flagged, show } = useFieldErrors(container);
  const live: DossierErrors = {};
  for (const b of breaches) live[b.field] ??= b.message;
  const errors: DossierErrors = {
    ...atFields(problemFields(refused.save)),
    ...atFields(problemFields(refused.filing)),
  };
  for (const field of Object.keys(flagged)) if (live[field]) errors[field] = live[field];
  useProblemFields(refused.asked ? refused.save : null, (found) => show(atFields(found)));
  useProblemFields(refused.filing, (found) => show(atFields(found)));
  return {
    errors,
    /** Before filing: true when every rule is met; otherwise the errors go to their fields. */
    check: (): boolean => {
      show(live);
      return breaches.length === 0;
    },
  };
}

/** The id of the sentence that describes a field or a group at fault. */
export const errorIdOf = (path: string) => `${fieldId(path)}-erreur`;

/**
 * The element of a group a rule applies to as a whole (the engagements, an axis, a plan): named
 * for the focus and the checklist's links, described by its error when it has one.
 */
export const groupOf = (path: string, errors: DossierErrors) => ({
  id: fieldId(path),
  'data-field': path,
  tabIndex: -1,
  'aria-describedby': errors[path] ? errorIdOf(path) : undefined,
});

/** A group's error, where the group begins. */
export function GroupError({ path, errors }: { path: string; errors: DossierErrors }) {
  const message = errors[path];
  return message ? (
    <Input.Error id={errorIdOf(path)} size="sm" mb="xs">
      {message}
    </Input.Error>
  ) : null;
}
