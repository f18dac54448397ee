'use client';
import { type RefObject, useEffect } from 'react';

/** What was typed into the named fields of a form, by name: text as typed, a checkbox as ticked. */
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
    for (const field of container.current?.querySelectorAll<HTMLInputElement | HTMLTextAreaElement>(
      'input[name], textarea[name]',
    ) ?? []) {
      if (field instanceof HTMLInputElement && field.type === 'checkbox') {
        if (field.checked !== field.defaultChecked) typed[field.name] = field.checked;
      } else if (field.value !== field.defaultValue) typed[field.name] = field.value;
    }
    if (Object.keys(typed).length > 0) take(typed);
  }, []);
}
