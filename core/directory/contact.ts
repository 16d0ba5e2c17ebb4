/**
 * 联系方式 (issue 16): a resident may leave a display name and a phone on 我的, so the committee handling
 * their concern can call them back. Optional and asked once: a new resident is offered the form with its
 * consent text and may skip it; a skip is remembered, and never overwrites an answer given earlier.
 *
 * Who sees the phone: the resident, and the handlers of the resident's concerns (in full, to call); anyone
 * else who may read a concern sees it masked (concern-read). It never reaches a public card, a notice,
 * an export or Open311; `me/export` carries it, and `me/delete` removes it.
 */
import { moderate } from '../trust/content';
import { AppError } from '../errors';
import type { Caller } from '../model';
import type { Deps, ResidentContact } from '../ports';
import type { ContactView } from '../views';

export type ContactInput = { skip: true } | { name: string; phone: string | null; consent: true };

interface Ctx {
  deps: Deps;
  caller: Caller;
}

function view(caller: Caller, contact: ResidentContact | null, name = caller.name): ContactView {
  const editable = caller.role === 'resident';
  return { name, phone: contact?.phone ?? null, answered: !editable || contact !== null, consentedAt: contact?.consentedAt ?? null, editable };
}

export async function getContact(ctx: Ctx): Promise<ContactView> {
  if (ctx.caller.role !== 'resident') return view(ctx.caller, null);
  return view(ctx.caller, await ctx.deps.store.contacts.get(ctx.caller.openid));
}

export async function setContact(ctx: Ctx, input: ContactInput): Promise<ContactView> {
  const { caller, deps } = ctx;
  if (caller.role !== 'resident') throw new AppError('ME.STAFF_ACCOUNT', "staff names and phones come from the town's roster");
  const now = deps.now().toISOString();
  if ('skip' in input) {
    const earlier = await deps.store.contacts.get(caller.openid);
    // A skip only records that the resident was asked: an answer given before stays as it is.
    if (earlier) return view(caller, earlier);
    const skipped: ResidentContact = { openid: caller.openid, phone: null, answeredAt: now, consentedAt: null };
    if (!(await deps.store.contacts.save(skipped, null))) throw new AppError('AUTH.REQUIRED', 'the account is gone');
    return view(caller, skipped);
  }
  // The name stands beside every message the resident writes: only a name that passes the check is taken.
  if ((await moderate(deps, caller, input.name)) !== 'published') throw new AppError('ME.NAME_UNDER_REVIEW', 'the display name needs a human review; pick another');
  const saved: ResidentContact = { openid: caller.openid, phone: input.phone, answeredAt: now, consentedAt: now };
  if (!(await deps.store.contacts.save(saved, input.name))) throw new AppError('AUTH.REQUIRED', 'the account is gone');
  return view(caller, saved, input.name);
}

/** The phone to reach a concern's reporter by: the one they left on 我的, else the one on their account. */
export function reachablePhone(contact: ResidentContact | null, accountPhone: string | null): string | null {
  return contact?.phone ?? accountPhone;
}
