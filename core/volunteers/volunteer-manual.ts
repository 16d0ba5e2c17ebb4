/**
 * Issue 16, item 7: a leader checks in and out, by hand, a person who signed up but has no phone with them
 * (an older resident, a child). Same rules as a scan — a signed place, the check-in window, check-out after
 * check-in — and the router's audit log records the leader, the event and the outcome of every attempt. A
 * leader does not check themselves in by hand: their own scan does that, so nobody certifies their own
 * presence.
 */
import { AppError } from '../errors';
import type { ParsedInputOf } from '../schemas';
import { signUpRef } from './volunteer-codes';
import { attend } from './volunteer-attendance';
import { getEvent, requireLeader, type VolunteerCtx } from './volunteer-common';
import type { ScanResult } from '../views';

export async function markAttendance(ctx: VolunteerCtx, input: ParsedInputOf<'event/markAttendance'>): Promise<ScanResult> {
  const e = await getEvent(ctx, input.id);
  await requireLeader(ctx, e.teamId);
  // Keyed by the ids the attendance view carries (signUpRef), the only ones a caller can name.
  const su = (await ctx.deps.store.events.listSignUps(e.id)).find((s) => signUpRef(ctx.deps, s.id) === input.signUpId) ?? null;
  if (su && su.openid === ctx.caller.openid) throw new AppError('HOURS.OWN', "a leader's own presence is recorded by their own scan");
  return attend(ctx, e, su);
}
