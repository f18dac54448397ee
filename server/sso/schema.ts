import { z } from 'zod';
import { singleLineText } from '../validation';

/** One mapping rule as the page sends it: a claim test, and the role or municipality it gives. */
export const mappingRuleInput = z.object({
  // Empty ones are named at their rule's field by providers.ts (zod would name only the list).
  claim: singleLineText({ max: 100 }),
  test: z.enum(['equals', 'contains', 'ends_with']),
  value: singleLineText({ max: 200 }),
  role: z.enum(['staff', 'fleet_manager']).nullable(),
  municipalityId: z.uuid().nullable(),
});
export type MappingRuleInput = z.infer<typeof mappingRuleInput>;

/**
 * A provider as the page sends it. The client secret is asked for once: on a change, an empty one
 * keeps the stored secret (the page never has it to send back).
 */
export const ssoProviderInput = z.object({
  id: z.uuid().optional(),
  municipalityId: z.uuid(),
  name: singleLineText({ min: 2, max: 80 }),
  issuer: singleLineText({ min: 1, max: 300 }),
  clientId: singleLineText({ min: 1, max: 200 }),
  clientSecret: singleLineText({ max: 500 }),
  scopes: singleLineText({ max: 300 }),
  enabled: z.boolean(),
  rules: z.array(mappingRuleInput).max(50),
});
export type SsoProviderInput = z.infer<typeof ssoProviderInput>;

export const ssoProviderEnabledInput = z.object({ id: z.uuid(), enabled: z.boolean() });
