'use client';
import { useMessages } from '../../../lib/i18n';
import styles from '../../manage.module.css';
import { FormField } from '../form-field';

type ClaimTest = 'equals' | 'contains' | 'ends_with';
const TESTS: readonly ClaimTest[] = ['equals', 'contains', 'ends_with'];

/** A rule as the form holds it; `target` is `role:<role>` or `municipality:<id>`. */
export interface RuleDraft {
  claim: string;
  test: ClaimTest;
  value: string;
  target: string;
}

export const targetOf = (rule: { role: string | null; municipalityId: string | null }) =>
  rule.role ? `role:${rule.role}` : `municipality:${rule.municipalityId ?? ''}`;

/** The rule as the procedure takes it: the target split back into a role or a municipality. */
export function ruleInput(rule: RuleDraft) {
  const [kind, value = ''] = rule.target.split(':');
  const role: 'staff' | 'fleet_manager' | null =
    kind === 'role' && (value === 'staff' || value === 'fleet_manager') ? value : null;
  return {
    claim: rule.claim,
    test: rule.test,
    value: rule.value,
    role,
    municipalityId: kind === 'municipality' && value ? value : null,
  };
}

/** The rules of a provider, each a fieldset of claim, comparison, value and what it gives; errors at their field. */
export function RuleFields({
  formId,
  rules,
  onChange,
  municipalities,
  errors,
}: {
  formId: string;
  rules: RuleDraft[];
  onChange: (rules: RuleDraft[]) => void;
  municipalities: readonly { id: string; name: string }[];
  errors: Record<string, string[] | undefined>;
}) {
  const t = useMessages().sso;
  const change = (index: number, patch: Partial<RuleDraft>) =>
    onChange(rules.map((rule, i) => (i === index ? { ...rule, ...patch } : rule)));
  const listErrors = errors.rules;
  return (
    // Fieldsets hold a plain block each: one that is itself a grid does not shrink to a phone's width.
    <fieldset className={styles.group} aria-describedby={`${formId}-rules-hint`}>
      <legend>{t.rules}</legend>
      <div className={styles.stack}>
        <p id={`${formId}-rules-hint`} className="hint">
          {t.rulesHint}
        </p>
        {rules.length === 0 && <p className="hint">{t.noRules}</p>}
        {rules.map((rule, index) => {
          const n = index + 1;
          const name = (key: string) => `rules.${index}.${key}`;
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: rules have no id until saved; their order is their identity
            <fieldset key={index} className={styles.group} data-rule={index}>
              <legend>{t.rule(n)}</legend>
              <div className="grid">
                <FormField
                  formId={formId}
                  name={name('claim')}
                  label={t.claim}
                  hint={t.claimHint}
                  errors={errors[name('claim')]}
                >
                  {(control) => (
                    <input
                      {...control}
                      maxLength={100}
                      spellCheck={false}
                      value={rule.claim}
                      onChange={(event) => change(index, { claim: event.target.value })}
                    />
                  )}
                </FormField>
                <FormField formId={formId} name={name('test')} label={t.test} errors={errors[name('test')]}>
                  {(control) => (
                    <select
                      {...control}
                      value={rule.test}
                      onChange={(event) => change(index, { test: event.target.value as ClaimTest })}
                    >
                      {TESTS.map((test) => (
                        <option key={test} value={test}>
                          {t.tests[test]}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
                <FormField
                  formId={formId}
                  name={name('value')}
                  label={t.value}
                  errors={errors[name('value')]}
                >
                  {(control) => (
                    <input
                      {...control}
                      maxLength={200}
                      spellCheck={false}
                      value={rule.value}
                      onChange={(event) => change(index, { value: event.target.value })}
                    />
                  )}
                </FormField>
                <FormField
                  formId={formId}
                  name={name('target')}
                  label={t.target}
                  errors={errors[name('target')]}
                >
                  {(control) => (
                    <select
                      {...control}
                      value={rule.target}
                      onChange={(event) => change(index, { target: event.target.value })}
                    >
                      <option value="role:staff">{t.roleTarget.staff}</option>
                      <option value="role:fleet_manager">{t.roleTarget.fleet_manager}</option>
                      {municipalities.map((m) => (
                        <option key={m.id} value={`municipality:${m.id}`}>
                          {t.municipalityTarget(m.name)}
                        </option>
                      ))}
                    </select>
                  )}
                </FormField>
              </div>
              <div className="actions">
                <button
                  type="button"
                  className="secondary"
                  onClick={() => onChange(rules.filter((_, i) => i !== index))}
                >
                  {t.removeRule(n)}
                </button>
              </div>
            </fieldset>
          );
        })}
        {listErrors && (
          <p id={`${formId}-rules-error`} className="error">
            {listErrors.join(' ')}
          </p>
        )}
        <div className="actions">
          <button
            type="button"
            className="secondary"
            onClick={() =>
              onChange([...rules, { claim: '', test: 'equals', value: '', target: 'role:staff' }])
            }
          >
            {t.addRule}
          </button>
        </div>
      </div>
    </fieldset>
  );
}
