/**
 * 积分制 (points, issue 20): balances, rewards, redemptions and rates.
 *
 * Every action of this area is declared once (issue 23): its input schema, who may call it, whether it
 * writes (and which budget it spends), the cloud function that serves it and its handler.
 * core/action-registry.ts merges the areas; the router, the policy table, the function map and the
 * client's typed `call` all derive from these declarations.
 */
import { z } from 'zod';
import { defineActions, EVERYONE } from '../action-kit';
import { LIMITS, id, text } from '../schemas';
import * as points from './points-service';

/**
 * The input schemas, keyed by action. Objects are strict: an unknown field is a validation error, so a
 * client cannot smuggle identity or state (e.g. `openid`, `status`) into a call. (They stand apart from
 * the declarations below so that a service can type its input by action name without a type cycle.)
 */
export const POINTS_INPUTS = {
  // Points (积分制, issue 20).
  'points/mine': z.object({}).strict(),
  'reward/list': z.object({ nodeId: id }).strict(),
  /** A new reward (no id) or changes to one; `addStock` only ever adds to what is left. */
  'reward/save': z
    .object({ nodeId: id, id: id.optional(), name: text(LIMITS.rewardNameMax), points: z.number().int().min(1).max(LIMITS.rewardPointsMax), addStock: z.number().int().min(0).max(LIMITS.rewardStockMax), active: z.boolean() })
    .strict(),
  'reward/redeem': z.object({ rewardId: id }).strict(),
  /** The committee scanned or typed a redemption's code. */
  'reward/handOver': z.object({ nodeId: id, code: z.string().regex(/^\d{8}$/, 'code must be 8 digits') }).strict(),
  'reward/reverse': z.object({ id, reason: text(LIMITS.reasonMax) }).strict(),
  /** A village or cooperative switches points and its ranking; a town sets the rates. */
  'village/savePointsSettings': z
    .object({
      nodeId: id,
      enabled: z.boolean().optional(),
      publicRanking: z.boolean().optional(),
      pointsPerHour: z.number().int().min(0).max(LIMITS.pointsRateMax).optional(),
      pointsPerReport: z.number().int().min(0).max(LIMITS.pointsRateMax).optional(),
    })
    .strict(),
  // Points (issue 20, h20p): a place's latest redemptions, for its committee's 积分核销.
  'reward/recent': z.object({ nodeId: id }).strict(),
  // Points (issue 20, h20c): a town's rates (积分标准), read by its admin.
  'town/pointsSettings': z.object({ nodeId: id }).strict(),
} as const;

export const POINTS_ACTIONS = defineActions(POINTS_INPUTS, {
  // Points (issue 20): anyone reads their own points and a place's rewards and redeems; the place's committee
  // and its town's admin manage them (checked per place in points-service).
  'points/mine': { fn: 'volunteer', roles: EVERYONE, write: false, handler: points.mine },
  'reward/list': { fn: 'volunteer', roles: EVERYONE, write: false, handler: points.listRewards },
  'reward/save': { fn: 'volunteer', roles: ['staff', 'admin'], write: true, handler: points.saveReward },
  'reward/redeem': { fn: 'volunteer', roles: EVERYONE, write: true, handler: points.redeem },
  'reward/handOver': { fn: 'volunteer', roles: ['staff', 'admin'], write: true, handler: points.handOver },
  'reward/reverse': { fn: 'volunteer', roles: ['staff', 'admin'], write: true, handler: points.reverse },
  'village/savePointsSettings': { fn: 'volunteer', roles: ['staff', 'admin'], write: true, handler: points.savePointsSettings },
  // Points (issue 20, h20p): the place's committee and its town's admin (checked per place in points-service).
  'reward/recent': { fn: 'volunteer', roles: ['staff', 'admin'], write: false, handler: points.recentRedemptions },
  // Points (issue 20, h20c).
  'town/pointsSettings': { fn: 'volunteer', roles: ['admin'], write: false, handler: points.townRates },
});
