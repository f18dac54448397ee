'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { inferRouterOutputs } from '@trpc/server';
import { type FormEvent, useId, useRef, useState } from 'react';
import type { AppRouter } from '@/server/root';
import { problemOf } from '../../../lib/errors';
import { useMessages } from '../../../lib/i18n';
import { useTRPC } from '../../../lib/trpc';
import { useTypedBeforeHydration } from '../../../lib/typed-before-hydration';
import styles from '../../manage.module.css';
import { type Draft, FormField } from '../form-field';
import { type RuleDraft, RuleFields, ruleInput, targetOf } from './rule-fields';

export type ListedProvider = inferRouterOutputs<AppRouter>['sso']['providers'][number];
type SavedProvider = inferRouterOutputs<AppRouter>['sso']['save'];

const draftOf = (provider: ListedProvider | null, municipalityId: string): Draft =>
  provider
    ? {
        municipalityId: provider.municipalityId,
        name: provider.name,
        issuer: provider.issuer,
        clientId: provider.clientId,
        clientSecret: '',
        scopes: provider.scopes,
      }
    : { municipalityId, scopes: 'openid email profile', clientSecret: '' };

/**
 * A municipality's provider: issuer, client, scopes and the rules that map claims to a role and a
 * municipality. The server checks the issuer's discovery and names each problem at its field; the
 * stored client secret is never sent here, the form says only that one is set.
 */
export function ProviderForm({
  provider,
  municipalities,
  onSaved,
  onCancel,
}: {
  provider: ListedProvider | null;
  municipalities: readonly { id: string; name: string }[];
  onSaved: (saved: SavedProvider, created: boolean) => void;
  onCancel?: () => void;
}) {
  const messages = useMessages();
  const t = messages.sso;
  const common = messages.fleetAdmin.common;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formId = useId();
  const form = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<Draft>(() => draftOf(provider, municipalities[0]?.id ?? ''));
  const [enabled, setEnabled] = useState(provider?.enabled ?? true);
  const [rules, setRules] = useState<RuleDraft[]>(() =>
    (provider?.rules ?? []).map((rule) => ({
      claim: rule.claim,
      test: rule.test,
      value: rule.value,
      target: targetOf(rule),
    })),
  );
  useTypedBeforeHydration(form, (typed) => {
    setDraft((current) => {
      const next = { ...current };
      for (const [name, value] of Object.entries(typed)) if (typeof value === 'string') next[name] = value;
      return next;
    });
    if (typeof typed.enabled === 'boolean') setEnabled(typed.enabled);
    setRules((current) =>
      current.map((rule, index) => {
        const typedRule = { ...rule };
        for (const key of ['claim', 'test', 'value', 'target'] as const) {
          const value = typed[`rules.${index}.${key}`];
          if (typeof value === 'string') Object.assign(typedRule, { [key]: value });
        }
        return typedRule;
      }),
    );
  });
  const save = useMutation(
    trpc.sso.save.mutationOptions({
      onSuccess: async (row) => {
        await Promise.all([
          queryClient.invalidateQueries(trpc.sso.providers.queryFilter()),
          queryClient.invalidateQueries(trpc.sso.signInOptions.queryFilter()),
        ]);
        onSaved(row, provider === null);
      },
    }),
  );
  const problem = save.error ? problemOf(save.error) : null;
  const errors = (name: string) => problem?.fields[name];
  const text = (name: string) => draft[name] ?? '';
  const set = (name: string) => (event: { target: { value: string } }) =>
    setDraft((current) => ({ ...current, [name]: event.target.value }));
  const input =
    (name: string, extra: Record<string, unknown> = {}) =>
    (control: object) => <input {...control} {...extra} value={text(name)} onChange={set(name)} />;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save.mutate({
      ...(provider ? { id: provider.id } : {}),
      municipalityId: text('municipalityId'),
      name: text('name'),
      issuer: text('issuer').trim(),
      clientId: text('clientId'),
      clientSecret: text('clientSecret'),
      scopes: text('scopes'),
      enabled,
      rules: rules.map(ruleInput),
    });
  }

  return (
    <form
      ref={form}
      className={`panel ${styles.stack}`}
      onSubmit={submit}
      aria-labelledby={`${formId}-title`}
      noValidate
    >
      <h2 id={`${formId}-title`} tabIndex={-1}>
        {provider ? t.editTitle(provider.name) : t.newTitle}
      </h2>
      <div className="grid">
        <FormField
          formId={formId}
          name="municipalityId"
          label={t.municipality}
          errors={errors('municipalityId')}
        >
          {(control) => (
            <select {...control} value={text('municipalityId')} onChange={set('municipalityId')}>
              {municipalities.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <FormField formId={formId} name="name" label={t.name} hint={t.nameHint} errors={errors('name')}>
          {input('name', { maxLength: 80 })}
        </FormField>
        <FormField
          formId={formId}
          name="issuer"
          label={t.issuer}
          hint={t.issuerHint}
          errors={errors('issuer')}
          wide
        >
          {input('issuer', { type: 'url', maxLength: 300, spellCheck: false })}
        </FormField>
        <FormField formId={formId} name="clientId" label={t.clientId} errors={errors('clientId')}>
          {input('clientId', { maxLength: 200, spellCheck: false, autoComplete: 'off' })}
        </FormField>
        <FormField
          formId={formId}
          name="clientSecret"
          label={t.clientSecret}
          hint={provider?.clientSecretSet ? t.secretSet : t.secretNew}
          errors={errors('clientSecret')}
        >
          {input('clientSecret', { type: 'password', maxLength: 500, autoComplete: 'new-password' })}
        </FormField>
        <FormField
          formId={formId}
          name="scopes"
          label={t.scopes}
          hint={t.scopesHint}
          errors={errors('scopes')}
        >
          {input('scopes', { maxLength: 300, spellCheck: false })}
        </FormField>
      </div>
      <p className="hint">
        {t.redirect}:{' '}
        {provider ? <code className={styles.address}>{provider.callbackUrl}</code> : t.redirectAfterSave}
      </p>
      <label>
        <input
          type="checkbox"
          name="enabled"
          checked={enabled}
          onChange={(event) => setEnabled(event.target.checked)}
        />{' '}
        {t.enabled}
      </label>
      <RuleFields
        formId={formId}
        rules={rules}
        onChange={setRules}
        municipalities={municipalities}
        errors={problem?.fields ?? {}}
      />
      {problem && (
        <p className="error" role="alert">
          {problem.message}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? common.saving : common.save}
        </button>
        {onCancel && (
          <button type="button" className="secondary" onClick={onCancel}>
            {common.cancel}
          </button>
        )}
      </div>
    </form>
  );
}
