'use client';
import { useMutation } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useLanguage, useMessages } from './lib/i18n';
import { type Language, rememberLanguage } from './lib/language';
import { useTRPC } from './lib/trpc';

/** Switches between German and English; for a signed-in person the choice is kept on their account. */
export function LanguageSwitch({ signedIn }: { signedIn: boolean }) {
  const t = useMessages();
  const language = useLanguage();
  const router = useRouter();
  const trpc = useTRPC();
  const save = useMutation(trpc.auth.setLanguage.mutationOptions());
  const other: Language = language === 'de' ? 'en' : 'de';
  async function choose() {
    if (signedIn) await save.mutateAsync({ language: other });
    rememberLanguage(other);
    router.refresh();
  }
  return (
    <button type="button" className="link" lang={other} aria-label={t.language.switchLabel} onClick={choose}>
      {t.language.switchTo}
    </button>
  );
}
