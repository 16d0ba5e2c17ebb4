/**
 * `town/settings` and `town/saveSettings` (issue 19): a town admin reads and changes their town's public
 * board and working time (a district admin names the town). The working day clocks the town's next
 * concerns (submit, 重办), the check-in margin opens and closes its events' attendance, the reminder lead
 * says when their reminders go out; clocks already running keep their due times.
 */
import type { ConcernCtx as Ctx } from '../concerns/concern-ctx';
import { AppError } from '../errors';
import type { TownWorkSettings } from '../ports';
import type { ParsedInputOf } from '../schemas';
import { adminTownFor } from '../scope';
import { deploymentWork, effectiveWork, type TownWork } from './town-settings';
import { TOWN_WORK_LIMITS } from './town-work-model';

export interface TownSettingsView extends TownWork {
  townId: string;
  publicBoard: boolean;
  /** What the town stored: null where it keeps the deployment's default. */
  stored: TownWorkSettings;
  /** The deployment's defaults, shown beside each field. */
  defaults: TownWork;
}

const WORK_FIELDS = ['dayStartMinute', 'dayEndMinute', 'checkinMarginMinutes', 'reminderLeadMinutes'] as const;

async function view(ctx: Ctx, townId: string): Promise<TownSettingsView> {
  const { board } = ctx.deps.store;
  const [settings, stored] = await Promise.all([board.settings(townId), board.workSettings(townId)]);
  return { townId, publicBoard: settings.publicBoard, ...effectiveWork(ctx.deps, stored), stored, defaults: deploymentWork(ctx.deps) };
}

export async function get(ctx: Ctx, input: ParsedInputOf<'town/settings'>): Promise<TownSettingsView> {
  return view(ctx, adminTownFor(await ctx.directory.current(), ctx.caller, input.townId, 'TOWN.SETTINGS_INVALID'));
}

export async function save(ctx: Ctx, input: ParsedInputOf<'town/saveSettings'>): Promise<TownSettingsView> {
  const townId = adminTownFor(await ctx.directory.current(), ctx.caller, input.townId, 'TOWN.SETTINGS_INVALID');
  const { board } = ctx.deps.store;
  const touched = WORK_FIELDS.filter((f) => input[f] !== undefined);
  if (touched.length > 0) {
    const stored = await board.workSettings(townId);
    const next: TownWorkSettings = { ...stored };
    for (const f of touched) next[f] = input[f] ?? null;
    const day = effectiveWork(ctx.deps, next);
    // Checked before anything is written: a refused save changes neither the hours nor the board.
    if (day.dayEndMinute - day.dayStartMinute < TOWN_WORK_LIMITS.workingDayMin) {
      throw new AppError('TOWN.SETTINGS_INVALID', `the working day ${day.dayStartMinute}–${day.dayEndMinute} is shorter than an hour or ends before it starts`, [
        { path: 'dayEndMinute', message: '下班时间须比上班时间晚至少1小时' },
      ]);
    }
    await board.saveWorkSettings(townId, next);
  }
  if (input.publicBoard !== undefined) await board.setPublicBoard(townId, input.publicBoard);
  return view(ctx, townId);
}
