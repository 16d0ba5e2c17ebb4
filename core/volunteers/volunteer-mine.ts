/** 我的志愿: the caller's teams, events and confirmed hours. */
import { personQr } from './volunteer-codes';
import type { EventSummary, MyVolunteer } from '../views';
import { eventSummary, ms, type Ctx } from './volunteer-common';
import { summaries } from './volunteer-teams';
export async function mine(ctx: Ctx): Promise<MyVolunteer> {
  const { store } = ctx.deps;
  const openid = ctx.caller.openid;
  const [memberships, led, signUps, allTeams] = await Promise.all([store.teams.membershipsOf(openid), store.teams.ledBy(openid), store.events.signUpsOf(openid), store.teams.listTeams()]);
  const mineIds = new Set([...memberships.filter((m) => m.status === 'member' || m.status === 'pending').map((m) => m.teamId), ...led]);
  const teamById = new Map(allTeams.map((t) => [t.id, t]));
  const code = await store.events.personalCode(openid, ctx.deps.newId('p').slice(-12));
  const now = ctx.deps.now().getTime();
  const upcoming: EventSummary[] = [];
  const history: EventSummary[] = [];
  let total = 0;
  for (const { signUp, event } of signUps) {
    const s = eventSummary(event, teamById.get(event.teamId)?.name ?? '', signUp);
    total += signUp.confirmedMinutes ?? 0;
    if (ms(event.endAt) > now && event.status === 'open' && signUp.status !== 'cancelled') upcoming.push(s);
    else history.push(s);
  }
  upcoming.sort((a, b) => ms(a.startAt) - ms(b.startAt));
  const personal = personQr(ctx.deps, code);
  return {
    personalQr: personal.qr,
    personalQrExpiresAt: personal.expiresAt,
    teams: await summaries(ctx, allTeams.filter((t) => mineIds.has(t.id))),
    upcoming,
    history,
    totalConfirmedMinutes: total,
  };
}
