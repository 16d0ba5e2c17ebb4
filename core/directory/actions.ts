/**
 * The caller's account, the grid and the inbox of messages.
 *
 * Every action of this area is declared once (issue 23): its input schema, who may call it, whether it
 * writes (and which budget it spends), the cloud function that serves it and its handler.
 * core/action-registry.ts merges the areas; the router, the policy table, the function map and the
 * client's typed `call` all derive from these declarations.
 */
import { z } from 'zod';
import { defineActions, EVERYONE } from '../action-kit';
import { LIMITS, LIMITS_CONTACT, id, cursor, limit, text, latLng, coord, day, realDay } from '../schemas';
import * as gridActions from './grid-service';
import * as categories from './category-service';
import { labelMessages } from './message-labels';
import { deleteMe, exportMine } from '../trust/privacy';
import { uploadFolder } from '../concerns/photos';
import { getContact, setContact } from './contact';
import { listAudit } from '../trust/audit-list';
import { gridMap } from './grid-map-service';
import type { Profile } from '../views';
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';

/**
 * The input schemas, keyed by action. Objects are strict: an unknown field is a validation error, so a
 * client cannot smuggle identity or state (e.g. `openid`, `status`) into a call. (They stand apart from
 * the declarations below so that a service can type its input by action name without a type cycle.)
 */
export const DIRECTORY_INPUTS = {
  'me/profile': z.object({}).strict(),
  'me/export': z.object({}).strict(),
  /** Deleting an account cannot be undone: the client must send the explicit confirmation. */
  'me/delete': z.object({ confirm: z.literal(true) }).strict(),
  'grid/tree': z.object({}).strict(),
  /** `all` (admins): the categories turned off too. */
  'category/list': z.object({ townId: id.optional(), all: z.boolean().optional() }).strict(),
  'grid/locate': z.object({ location: latLng, coord: coord.optional() }).strict(),
  'message/list': z.object({ cursor: cursor.optional(), limit: limit.optional() }).strict(),
  'message/markRead': z.object({ ids: z.array(id).min(1).max(LIMITS.pageMax).optional() }).strict(),
  'audit/list': z
    .object({
      cursor: cursor.optional(),
      limit: limit.optional(),
      // 操作记录's filters (issue 16, item 8): one person, one action, one Beijing day.
      actor: z.string().min(1).max(64).optional(),
      action: z.string().regex(/^[a-zA-Z]+\/[a-zA-Z]+$/).max(64).optional(),
      day: day.refine(realDay, 'no such day').optional(),
    })
    .strict(),
  // Issue 16 (staff daily use): the resident's contact, left on 我的 with consent.
  'me/contact': z.object({}).strict(),
  /**
   * Either a skip (asked once: the form is not offered again), or a display name and a mainland mobile
   * number (null: none), with the consent text agreed to.
   */
  'me/setContact': z.union([
    z.object({ skip: z.literal(true) }).strict(),
    z
      .object({
        name: text(LIMITS_CONTACT.nameMax),
        phone: z.string().regex(/^1[3-9]\d{9}$/, 'phone must be an 11-digit mainland mobile number').nullable(),
        consent: z.literal(true),
      })
      .strict(),
  ]),
  // Residents report on a map (#17): one town (the caller's when left out), in WGS-84 or GCJ-02 (WeChat's Map).
  'grid/map': z.object({ townId: id.optional(), coord: coord.optional() }).strict(),
} as const;

export const DIRECTORY_ACTIONS = defineActions(DIRECTORY_INPUTS, {
  'me/profile': { fn: 'concern', roles: EVERYONE, write: false, handler: async (ctx) => profile(ctx) },
  'me/export': { fn: 'concern', roles: EVERYONE, write: false, handler: async (ctx) => exportMine(ctx, await profile(ctx)) },
  // Staff accounts belong to the town's roster; privacy-service refuses them with a clear code.
  'me/delete': { fn: 'concern', roles: EVERYONE, write: true, handler: async (ctx) => deleteMe(ctx) },
  'grid/tree': {
    fn: 'concern', roles: EVERYONE, write: false,
    handler: async (ctx) => {
      const snap = await ctx.directory.current();
      // Retired places (issue 19) are for the admins' grid editor only, never offered to pick.
      return { nodes: snap.grid.tree((id) => snap.where.boundary(id), ctx.caller.role === 'admin') };
    },
  },
  'category/list': { fn: 'concern', roles: EVERYONE, write: false, handler: categories.list },
  'grid/locate': { fn: 'concern', roles: EVERYONE, write: false, handler: gridActions.locate },
  'message/list': {
    fn: 'concern', roles: EVERYONE, write: false,
    handler: async (ctx, input) => {
      const { messages } = ctx.deps.store;
      const page = await messages.list(ctx.caller.openid, { cursor: input.cursor ?? null, limit: input.limit ?? 20 });
      const items = await labelMessages(ctx.deps, await ctx.directory.current(), ctx.caller, page.items);
      return { ...page, items, unread: await messages.unreadCount(ctx.caller.openid) };
    },
  },
  'message/markRead': {
    fn: 'concern', roles: EVERYONE, write: true,
    handler: async (ctx, input) => {
      const { messages } = ctx.deps.store;
      const changed = await messages.markRead(ctx.caller.openid, input.ids ?? null, ctx.deps.now().toISOString());
      return { changed, unread: await messages.unreadCount(ctx.caller.openid) };
    },
  },
  'audit/list': { fn: 'concern', roles: ['admin'], write: false, handler: listAudit },
  // Issue 16 (staff daily use): the resident's contact; staff meet ME.STAFF_ACCOUNT on a save (their roster entry holds it).
  'me/contact': { fn: 'concern', roles: EVERYONE, write: false, handler: async (ctx) => getContact(ctx) },
  'me/setContact': { fn: 'concern', roles: EVERYONE, write: true, handler: async (ctx, input) => setContact(ctx, input) },
  // Residents report on a map (#17): public boundaries and public concern points of one town.
  'grid/map': { fn: 'concern', roles: EVERYONE, write: false, handler: gridMap },
});

async function profile(ctx: Ctx): Promise<Profile> {
  const { caller } = ctx;
  // A team leader is a resident: shown as `leader` with the team's place, without any staff rights.
  const nodeId = caller.leads ? caller.leads.nodeId : caller.nodeId;
  let nodeName: string | null = null;
  if (nodeId !== null) {
    const snap = await ctx.directory.current();
    nodeName = snap.grid.get(nodeId)?.name ?? snap.officeById.get(nodeId)?.name ?? null;
  }
  const base = {
    openid: caller.openid, name: caller.name, role: caller.role, nodeId, nodeName, photoFolder: uploadFolder(ctx.deps.digest, caller.openid),
    // The client asks WeChat for exactly the templates the server sends with (issue 15).
    ...(ctx.deps.subscribeTemplates ? { subscribeTemplates: ctx.deps.subscribeTemplates } : {}),
  };
  return caller.leads ? { ...base, role: 'leader', teamId: caller.leads.teamId } : base;
}
