'use client';
import { type RefObject, useEffect } from 'react';

/** What was typed into the named fields of a form, by name: text as typed or chosen, a checkbox as ticked. */
export type Typed = Record<string, string | boolean>;

/**
 * Input typed into the server's HTML before the page's scripts ran. React keeps it on the screen
 * but not in state (its hydration takes the field's value as the default), so the next render put
 * the old value back: a phone user's dates were lost. Handed to `take` once, right after hydration.
 */
export function useTypedBeforeHydration(
  container: RefObject<HTMLElement | null>,
  take: (typed: Typed) => void,
) {
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, right after hydration; later input reaches state through onChange
  useEffect(() => {
    const typed: Typed = {};
    for (const field of container.current?.querySelectorAll<
      HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement
    >('input[name], textarea[name], select[name]') ?? []) {
      if (field instanceof HTMLSelectElement) {
        // The server marked the option of the state's value `selected`: that is its default.
        const initial = [...field.options].find((option) => option.defaultSelected) ?? field.options[0];
        if (field.value !== initial?.value) typed[field.name] = field.value;
      } else if (field instanceof HTMLInputElement && field.type === 'checkbox') {
        if (field.checked !== field.defaultChecked) typed[field.name] = field.checked;
      } else if (field.value !== field.defaultValue) typed[field.name] = field.value;
    }
    if (Object.keys(typed).length > 0) take(typed);
  }, []);
}
