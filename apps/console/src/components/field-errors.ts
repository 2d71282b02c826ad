/**
 * A form's errors, one French sentence per field (`data-field` on the field, or on a group's
 * element). Shown after an attempt — the form's own checks or the API's field-level refusal — with
 * the focus moved to the first field at fault in the page's order; a field the person then answers
 * loses its error, without moving the focus again.
 */
import { useEffect, useRef, useState, type RefObject } from 'react';
import { Problem, type FieldProblem } from '../api/client';
import { capitalised } from '../format';

const TYPED = 'input, textarea, select, button';

/**
 * Where the focus goes for a field at fault: the field itself; a group made focusable on purpose
 * (`tabindex`, for a rule on the whole group) as a whole; otherwise the group's first input (radios).
 */
function focusTarget(field: HTMLElement): HTMLElement | null {
  if (field.matches(TYPED) || field.hasAttribute('tabindex')) return field;
  return field.querySelector<HTMLElement>('input, textarea, select');
}

/** `form`: the element that holds the fields (a `<form>`, or any container). */
export function useFieldErrors(form: RefObject<HTMLElement | null>) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [attempt, setAttempt] = useState(0);
  const shownAt = useRef(0);

  useEffect(() => {
    if (attempt === shownAt.current) return;
    shownAt.current = attempt;
    // querySelectorAll answers in document order: the first at fault is the first one met on the page.
    const first = [...(form.current?.querySelectorAll<HTMLElement>('[data-field]') ?? [])].find((f) =>
      Object.hasOwn(errors, f.dataset.field!),
    );
    if (first) focusTarget(first)?.focus();
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

/** A refusal's field-level errors, one sentence per field (the first, when the API names one twice). */
export function problemFields(error: unknown): Record<string, string> {
  const found: Record<string, string> = {};
  if (error instanceof Problem) for (const e of error.errors) found[e.field] ??= fieldSentence(e);
  return found;
}

/** The API's field-level refusal (a 400 naming its fields), shown like the form's own errors. */
export function useProblemFields(error: unknown, show: (found: Record<string, string>) => void): void {
  useEffect(() => {
    if (error instanceof Problem && error.errors.length) show(problemFields(error));
  }, [error]);
}
