/**
 * The concern actions, split by issue 23 into core/concern-ctx.ts (the context), concern-read.ts (summary,
 * detail, visibility), concern-intake.ts (new concerns), concern-act.ts (the move machinery),
 * concern-moves.ts (the moves) and concern-inbox.ts (lists and inbox). Import from those; this file only
 * re-exports them for the importers not moved yet.
 */
export * from './concern-ctx';
export * from './concern-read';
export * from './concern-intake';
export * from './concern-act';
export * from './concern-moves';
export * from './concern-inbox';
