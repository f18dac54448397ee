import { z } from 'zod';
import type { Db } from '@/db/client';
import { users } from '@/db/schema';
import { recordAudit } from '../audit/record';
import type { SessionUser } from '../auth/queries';
import { AppError, invalidInput, sqlState } from '../errors';
import { peopleFieldTexts } from '../messages/fields-people';
import { notify } from '../notifications/outbox';
import { hasPassword, municipalityNames, personToManage } from './people-queries';
import { personEmail, personName, personRole, placementProblems } from './person-rules';
import { issuePersonToken } from './tokens';

export const inviteInput = z.object({
  name: personName,
  email: personEmail,
  role: personRole,
  municipalityId: z.uuid().nullable(),
});
export type InviteInput = z.infer<typeof inviteInput>;

/** What an invitation needs of the deployment: its address, and whom an operator works for. */
export type InviteSettings = { appUrl: string; operatorName: string };

/** The page a mailed link opens (app/(auth)/passwort): the token in the query, never stored. */
export const passwordLink = (appUrl: string, token: string) =>
  `${appUrl.replace(/\/+$/, '')}/passwort?token=${encodeURIComponent(token)}`;

/**
 * Queues the invitation mail with a fresh link, replacing any earlier one, in the caller's
 * transaction: the person exists with their link, or neither does.
 */
export async function sendInvitation(
  tx: Db,
  actor: SessionUser,
  person: { id: string; municipalityId: string | null },
  settings: InviteSettings,
  now: Date,
): Promise<{ expiresAt: Date }> {
  const { token, expiresAt } = await issuePersonToken(tx, person.id, 'invitation', now);
  const names = person.municipalityId ? await municipalityNames(tx, person.municipalityId) : null;
  await notify(tx, {
    kind: 'invitation',
    recipientId: person.id,
    link: passwordLink(settings.appUrl, token),
    invitedBy: actor.name,
    // An operator works for no municipality: for the operator company.
    municipality: names ?? { name: settings.operatorName, genitive: `der ${settings.operatorName}` },
    expiresAt: expiresAt.toISOString(),
  });
  return { expiresAt };
}

/** Adds a person without a password and mails them the link that sets it. */
export async function invitePerson(
  db: Db,
  actor: SessionUser,
  input: InviteInput,
  settings: InviteSettings,
  now = new Date(),
) {
  const problems = placementProblems(actor, input);
  if (
    input.municipalityId &&
    !problems.municipalityId &&
    !(await municipalityNames(db, input.municipalityId))
  )
    problems.municipalityId = [peopleFieldTexts().municipalityNotFound];
  if (Object.keys(problems).length > 0) throw invalidInput(problems);
  try {
    return await db.transaction(async (tx) => {
      const [person] = await tx
        .insert(users)
        .values({
          name: input.name,
          email: input.email,
          role: input.role,
          municipalityId: input.municipalityId,
        })
        .returning({ id: users.id, municipalityId: users.municipalityId });
      if (!person) throw new Error('invite: no row');
      const { expiresAt } = await sendInvitation(tx, actor, person, settings, now);
      await recordAudit(tx, actor, {
        action: 'person.invite',
        objectType: 'user',
        objectId: person.id,
        municipalityId: person.municipalityId,
        after: {
          name: input.name,
          email: input.email,
          role: input.role,
          municipalityId: input.municipalityId,
        },
      });
      return { id: person.id, invitationExpiresAt: expiresAt };
    });
  } catch (error) {
    if (sqlState(error) === '23505') throw invalidInput({ email: [peopleFieldTexts().emailTaken] });
    throw error;
  }
}

/** Sends a person who has not set a password yet a new link; the old one stops working. */
export async function reinvitePerson(
  db: Db,
  actor: SessionUser,
  userId: string,
  settings: InviteSettings,
  now = new Date(),
) {
  return db.transaction(async (tx) => {
    const person = await personToManage(tx, actor, userId, true);
    if (person.deactivatedAt) throw new AppError('PERSON_DEACTIVATED');
    if (await hasPassword(tx, userId)) throw new AppError('PERSON_HAS_PASSWORD');
    const { expiresAt } = await sendInvitation(tx, actor, person, settings, now);
    await recordAudit(tx, actor, {
      action: 'person.reinvite',
      objectType: 'user',
      objectId: userId,
      municipalityId: person.municipalityId,
      after: { invitationExpiresAt: expiresAt },
    });
    return { invitationExpiresAt: expiresAt };
  });
}
