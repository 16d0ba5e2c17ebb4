/**
 * Town and district admins: roster, grid editor, towns, categories, settings, teams, calendar, Open311 clients.
 *
 * Every action of this area is declared once (issue 23): its input schema, who may call it, whether it
 * writes (and which budget it spends), the cloud function that serves it and its handler.
 * core/action-registry.ts merges the areas; the router, the policy table, the function map and the
 * client's typed `call` all derive from these declarations.
 */
import { z } from 'zod';
import { defineActions } from '../action-kit';
import { CLIENT_BUDGET_MAX } from './api-client-model';
import { CALENDAR_LIMITS } from '../directory/calendar';
import { ROSTER_LIMITS } from '../directory/roster-import';
import { TOWN_WORK_LIMITS } from '../directory/town-work-model';
import { LIMITS, id, text, optionalText, day, phone, nodeCode } from '../schemas';
import * as calendar from '../directory/calendar-service';
import * as gridActions from '../directory/grid-service';
import * as rosterImport from '../directory/roster-import-service';
import * as roster from '../directory/roster-service';
import * as categories from '../directory/category-service';
import * as teamAdmin from '../volunteers/team-admin-service';
import * as teamArchive from '../volunteers/team-archive-service';
import * as townSettings from '../directory/town-settings-service';
import * as apiClients from './api-client-service';
import * as gridAdmin from './grid-admin-service';
import * as towns from './town-admin-service';
import { attention as adminAttention } from './admin-attention';
import { previewBoundaries } from '../directory/boundary-preview';

/**
 * The input schemas, keyed by action. Objects are strict: an unknown field is a validation error, so a
 * client cannot smuggle identity or state (e.g. `openid`, `status`) into a call. (They stand apart from
 * the declarations below so that a service can type its input by action name without a type cycle.)
 */
export const ADMIN_INPUTS = {
  'grid/importBoundaries': z.object({ geojson: z.record(z.string(), z.unknown()) }).strict(),
  /** `whole`: the file is the whole roster (完整名单): people in scope it does not list are taken off. */
  'roster/import': z.object({ csv: z.string().min(1).max(LIMITS.rosterCsvMax), whole: z.boolean().optional() }).strict(),
  /** Admins: the working-day calendar of every year, and which years need a list now. */
  'calendar/list': z.object({}).strict(),
  /**
   * District admins: a year's public holidays and 调休 workdays from the State Council notice, saved as the
   * year's next version. `expectedVersion` is the version the admin edited (0 for a year without a list).
   */
  'calendar/save': z
    .object({
      year: z.number().int().min(CALENDAR_LIMITS.minYear).max(CALENDAR_LIMITS.maxYear),
      holidays: z.array(day).max(CALENDAR_LIMITS.maxHolidays),
      makeupWorkdays: z.array(day).max(CALENDAR_LIMITS.maxMakeupWorkdays),
      basis: text(CALENDAR_LIMITS.basisMax),
      expectedVersion: z.number().int().min(0),
    })
    .strict(),
  // Admin (issue 19): the roster.
  /** The people of the admin's town (district), pending entries and who left; `query` matches name, phone, openid or place. */
  'roster/list': z.object({ query: optionalText(32).optional() }).strict(),
  /** One person, added or edited: by openid, or by phone until they first sign in. */
  'roster/save': z
    .object({ openid: id.optional(), phone: phone.optional(), name: text(ROSTER_LIMITS.nameMax), role: z.enum(['staff', 'office', 'admin']), nodeId: id })
    .strict()
    .refine((v) => v.openid !== undefined || v.phone !== undefined, { message: 'give an openid or a phone', path: ['openid'] }),
  /** Takes one person off the roster (openid), or drops a pending entry (phone). */
  'roster/remove': z
    .object({ openid: id.optional(), phone: phone.optional() })
    .strict()
    .refine((v) => (v.openid === undefined) !== (v.phone === undefined), { message: 'give an openid or a phone, not both', path: ['openid'] }),
  // Admin (issue 19): a town's categories.
  /** Adds or edits a category of the admin's town (a district admin names `townId`); null SLA fields keep the kind's default. */
  'category/save': z
    .object({
      townId: id.optional(),
      code: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/, 'code must be lower-case letters, digits or _'),
      name: text(LIMITS.categoryNameMax),
      kind: z.enum(['consult', 'help', 'suggest', 'complaint', 'report']),
      leadOfficeCode: z.string().regex(/^[a-z][a-z0-9_]{0,31}$/).nullable(),
      ackHours: z.number().int().min(1).max(LIMITS.ackHoursMax).nullable(),
      resolveDays: z.number().int().min(1).max(LIMITS.resolveDaysMax).nullable(),
      enabled: z.boolean(),
    })
    .strict(),
  /**
   * A town's settings; a district admin names `townId`. Each field left out stays as it is; a working-time
   * field set to null goes back to the deployment's default.
   */
  'town/saveSettings': z
    .object({
      townId: id.optional(),
      publicBoard: z.boolean().optional(),
      dayStartMinute: z.number().int().min(0).max(TOWN_WORK_LIMITS.minuteOfDayMax).nullable().optional(),
      dayEndMinute: z.number().int().min(0).max(TOWN_WORK_LIMITS.minuteOfDayMax).nullable().optional(),
      checkinMarginMinutes: z.number().int().min(0).max(TOWN_WORK_LIMITS.checkinMarginMax).nullable().optional(),
      reminderLeadMinutes: z.number().int().min(0).max(TOWN_WORK_LIMITS.reminderLeadMax).nullable().optional(),
    })
    .strict(),
  // Admin (issue 19): volunteer teams.
  /** A new team of a village or cooperative of the admin's town; leaders are appointed with team/saveLeaders. */
  'team/create': z
    .object({ nodeId: id, name: text(LIMITS.eventTitleMax), kind: z.enum(['party_service', 'neighbourhood']), description: optionalText(LIMITS.eventDescriptionMax) })
    .strict(),
  /** The team's leaders, exactly these residents, each found by the phone their account carries. */
  'team/saveLeaders': z.object({ teamId: id, phones: z.array(phone).min(1).max(LIMITS.teamLeadersMax) }).strict(),
  // Admin (issue 19): Open311 clients. A town admin's client serves their town (`townIds` may be left out).
  'apiClient/create': z
    .object({
      name: text(LIMITS.apiClientNameMax),
      source: z.enum(['12345', 'open311']),
      townIds: z.array(id).min(1).max(LIMITS.apiClientTownsMax).optional(),
      reads: z.enum(['own', 'scope']),
      // Budgets left out are DEFAULT_CLIENT_BUDGET's.
      requestsPerMinute: z.number().int().min(1).max(CLIENT_BUDGET_MAX.requestsPerMinute).optional(),
      postsPerHour: z.number().int().min(1).max(CLIENT_BUDGET_MAX.postsPerHour).optional(),
    })
    .strict(),
  'apiClient/list': z.object({}).strict(),
  'apiClient/revoke': z.object({ id }).strict(),
  // Admin (issue 19): the grid editor. `id` renames a node; `parentId` (with `kind` where the parent holds two kinds) adds one.
  'node/save': z
    .object({ id: id.optional(), parentId: id.optional(), kind: z.enum(['village', 'cooperative', 'grid']).optional(), name: text(LIMITS.nodeNameMax), code: nodeCode.nullable().optional() })
    .strict()
    .refine((v) => (v.id === undefined) !== (v.parentId === undefined), { message: 'give the id of a node to rename, or the parentId of a new one', path: ['id'] })
    .refine((v) => v.id === undefined || v.kind === undefined, { message: 'a node keeps its kind', path: ['kind'] }),
  'node/retire': z.object({ id }).strict(),
  /** What grid/importBoundaries would do with this file, written nowhere. */
  'grid/previewBoundaries': z.object({ geojson: z.record(z.string(), z.unknown()) }).strict(),
  // The district's towns (district admins): a town created or renamed, its admins by phone.
  'town/list': z.object({}).strict(),
  'town/save': z.object({ id: id.optional(), name: text(LIMITS.nodeNameMax), code: nodeCode.nullable().optional() }).strict(),
  'town/saveAdmins': z
    .object({ townId: id, admins: z.array(z.object({ phone, name: text(ROSTER_LIMITS.nameMax) }).strict()).max(LIMITS.townAdminsMax) })
    .strict(),
  // Admin (issue 19): a team of the admin's town is archived; its events not yet started are called off.
  'team/archive': z.object({ teamId: id }).strict(),
  // Admin (issue 19): a town's settings as stored, with the values its computations use.
  'town/settings': z.object({ townId: id.optional() }).strict(),
  // Admin (issue 19, h19): what roster/import would change with this file, writing nothing.
  'roster/previewImport': z.object({ csv: z.string().min(1).max(LIMITS.rosterCsvMax), whole: z.boolean().optional() }).strict(),
  // Admin (issue 19, h19): the admin home's attention list (places nobody serves since a removal).
  'admin/attention': z.object({}).strict(),
} as const;

export const ADMIN_ACTIONS = defineActions(ADMIN_INPUTS, {
  'grid/importBoundaries': { fn: 'concern', roles: ['admin'], write: true, handler: gridActions.importBoundaries },
  'roster/import': { fn: 'concern', roles: ['admin'], write: true, handler: rosterImport.importRoster },
  'calendar/list': { fn: 'concern', roles: ['admin'], write: false, handler: calendar.list },
  // District admins only (checked in calendar-service): the calendar serves every town.
  'calendar/save': { fn: 'concern', roles: ['admin'], write: true, handler: calendar.save },
  // Admin (issue 19): town and district admins, each within their own town (district).
  'roster/list': { fn: 'concern', roles: ['admin'], write: false, handler: roster.list },
  'roster/save': { fn: 'concern', roles: ['admin'], write: true, handler: roster.save },
  'roster/remove': { fn: 'concern', roles: ['admin'], write: true, handler: roster.remove },
  'category/save': { fn: 'concern', roles: ['admin'], write: true, handler: categories.save },
  'town/saveSettings': { fn: 'concern', roles: ['admin'], write: true, handler: townSettings.save },
  'team/create': { fn: 'volunteer', roles: ['admin'], write: true, handler: teamAdmin.create },
  'team/saveLeaders': { fn: 'volunteer', roles: ['admin'], write: true, handler: teamAdmin.saveLeaders },
  // Admin (issue 19): Open311 clients.
  'apiClient/create': { fn: 'concern', roles: ['admin'], write: true, handler: apiClients.create },
  'apiClient/list': { fn: 'concern', roles: ['admin'], write: false, handler: apiClients.list },
  'apiClient/revoke': { fn: 'concern', roles: ['admin'], write: true, handler: apiClients.revoke },
  // Admin (issue 19): the grid editor (town and district admins) and the district's towns (district admins, decided by node).
  'node/save': { fn: 'concern', roles: ['admin'], write: true, handler: gridAdmin.save },
  'node/retire': { fn: 'concern', roles: ['admin'], write: true, handler: gridAdmin.retire },
  'grid/previewBoundaries': { fn: 'concern', roles: ['admin'], write: false, handler: previewBoundaries },
  'town/list': { fn: 'concern', roles: ['admin'], write: false, handler: async (ctx) => towns.list(ctx) },
  'town/save': { fn: 'concern', roles: ['admin'], write: true, handler: towns.save },
  'town/saveAdmins': { fn: 'concern', roles: ['admin'], write: true, handler: towns.saveAdmins },
  // Admin (issue 19): archiving a volunteer team.
  'team/archive': { fn: 'volunteer', roles: ['admin'], write: true, handler: teamArchive.archive },
  // Admin (issue 19): a town's settings, read by its admin (a district admin names the town).
  'town/settings': { fn: 'concern', roles: ['admin'], write: false, handler: townSettings.get },
  // Admin (issue 19, h19): a roster file's changes, previewed; writes nothing.
  // Admin (issue 19, h19): what a roster file would change, before it is applied.
  'roster/previewImport': { fn: 'concern', roles: ['admin'], write: false, handler: rosterImport.previewImport },
  // Admin (issue 19, h19): places left without staff by a removal, with open concerns.
  // Admin (issue 19, h19): the admin home's attention list.
  'admin/attention': { fn: 'concern', roles: ['admin'], write: false, handler: adminAttention },
});
