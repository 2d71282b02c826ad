/**
 * A form's errors, one French sentence per field (`data-field` on the field's wrapper). Shown
 * after an attempt — the form's own checks or the API's field-level refusal — with the focus moved
 * to the first field at fault; a field the person then answers loses its error, without moving
 * the focus again.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { Problem, type FieldProblem } from '../api/client';
import { capitalised } from '../format';

export function useFieldErrors(form: RefObject<HTMLFormElement | null>) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const shownAt = useRef(0);

  useEffect(() => {
    if (attempt === shownAt.current) return;
    shownAt.current = attempt;
    const first = Object.keys(errors)[0];
    if (!first) return;
    // `data-field` sits on the input itself (text, select) or on a group's wrapper (radios).
    const field = `[data-field="${CSS.escape(first)}"]`;
    form.current?.querySelector<HTMLElement>(`${field}:is(input, textarea), ${field} :is(input, textarea)`)?.focus();
  }, [attempt, errors, form]);

  return {
    errors,
    /** After an attempt: these errors replace the previous ones, and the first one takes the focus. */
    show: (found: Record<string, string>) => {
      setErrors(found);
      setAttempt((n) => n + 1);
    },
    /** The person answered these fields. */
    clear: (...fields: string[]) => {
      setErrors((e) => Object.fromEntries(Object.entries(e).filter(([f]) => !fields.includes(f))));
    },
  };
}

/**
 * The API names the field for programs (« email : adresse invalide »); under the field a person
 * reads the sentence alone (« Adresse invalide. »).
 */
export function fieldSentence(p: FieldProblem): string {
  const bare = p.message.replace(/^[\w.[\]-]+ : /, '');
  return `${capitalised(bare)}${/[.!?]$/.test(bare) ? '' : '.'}`;
}

/** The API's field-level refusal (a 400 naming its fields), shown like the form's own errors. */
export function useProblemFields(error: unknown, show: (found: Record<string, string>) => void): void {
  useEffect(() => {
    if (error instanceof Problem && error.errors.length)
      show(Object.fromEntries(error.errors.map((e) => [e.field, fieldSentence(e)])));
  }, [error]);
}
