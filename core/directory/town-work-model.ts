/** Bounds of a town's working time (issue 19), shared by the schema of town/saveSettings and the settings page. */
export const TOWN_WORK_LIMITS = {
  /** Minutes after Beijing midnight: the working day starts and ends within the day. */
  minuteOfDayMax: 24 * 60,
  checkinMarginMax: 240,
  reminderLeadMax: 7 * 24 * 60,
  /** A working day shorter than an hour is a typing mistake, not a town's hours. */
  workingDayMin: 60,
} as const;
