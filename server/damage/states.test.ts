import { describe, expect, it } from 'vitest';
import { damageStates } from '@/db/schema';
import { damageStep, isOpenDamage, openDamageStates, statesAfter } from './states';

describe('damage report states', () => {
  it('go forward: new → seen → in repair → repaired', () => {
    expect(damageStep('new', 'seen')).toEqual({ ok: true });
    expect(damageStep('seen', 'in_repair')).toEqual({ ok: true });
    expect(damageStep('in_repair', 'repaired')).toEqual({ ok: true });
  });

  it('may skip ahead, and reject what is not yet in the workshop', () => {
    expect(damageStep('new', 'repaired').ok).toBe(true);
    expect(damageStep('new', 'rejected').ok).toBe(true);
    expect(damageStep('seen', 'rejected').ok).toBe(true);
    expect(damageStep('in_repair', 'rejected').ok).toBe(false);
  });

  it('never go back, and end at repaired or rejected', () => {
    expect(damageStep('seen', 'new')).toMatchObject({
      ok: false,
      reason: expect.stringContaining('gesichtet'),
    });
    expect(damageStep('in_repair', 'seen').ok).toBe(false);
    for (const to of damageStates) {
      expect(damageStep('repaired', to)).toMatchObject({ ok: false });
      expect(damageStep('rejected', to)).toMatchObject({ ok: false });
    }
    expect(damageStep('repaired', 'in_repair')).toMatchObject({
      reason: expect.stringContaining('abgeschlossen'),
    });
  });

  it('refuse a step to where the report already is', () => {
    for (const state of damageStates)
      expect(damageStep(state, state)).toMatchObject({
        ok: false,
        reason: expect.stringContaining('bereits'),
      });
  });

  it('offer exactly the allowed steps, and call open what can still move', () => {
    for (const from of damageStates)
      for (const to of damageStates) expect(damageStep(from, to).ok).toBe(statesAfter(from).includes(to));
    expect(openDamageStates).toEqual(['new', 'seen', 'in_repair']);
    expect(isOpenDamage('repaired')).toBe(false);
  });
});
