/**
 * The text, count and size limits of the API: the input schemas (core/schemas.ts, core/<area>/actions.ts)
 * enforce them and the mini program shows them (counters, maxlength). Plain data, so the client imports
 * this module at run time instead of copying the numbers (it is part of the client kernel,
 * .dependency-cruiser.cjs).
 */
export const LIMITS = {
  descriptionMax: 500,
  replyMax: 1000,
  reasonMax: 200,
  commentMax: 200,
  statsMonthsMax: 12,
  photosMax: 9,
  templateMax: 200,
  templatesMax: 10,
  pageMax: 50,
  rosterCsvMax: 200_000,
  teamNoteMax: 200,
  eventTitleMax: 40,
  eventDescriptionMax: 500,
  eventPlaceMax: 100,
  eventCapacityMax: 1000,
  cancelReasonMax: 200,
  hoursReasonMax: 200,
  /** Longest event: a volunteer event is one stretch of service, not a season. */
  eventHoursMax: 24,
  /** A hotline CSV is applied in one transaction: at most this many tickets per file. */
  hotlineRowsMax: 500,
  hotlineCsvMax: 2_500_000,
  /** Rows of one concerns export; narrow the filters beyond that. */
  exportRowsMax: 5000,
  exportDaysMax: 366,
  /** Volunteer actions (issue 20): concerns of one place in one action, and the length of its result. */
  actionConcernsMax: 20,
  actionResultMax: 500,
  /** Points (issue 20). */
  rewardNameMax: 30,
  rewardPointsMax: 100_000,
  rewardStockMax: 10_000,
  pointsRateMax: 1000,
  // Admin (issue 19): a category's name and SLA overrides (working hours to 签收, working days to 办结).
  categoryNameMax: 16,
  ackHoursMax: 72,
  resolveDaysMax: 60,
  teamLeadersMax: 5,
  // Admin (issue 19): Open311 clients.
  apiClientNameMax: 30,
  apiClientTownsMax: 20,
  /** Issue 17: a concern's description of fewer characters says nothing a handler can act on (CONCERN.DESCRIPTION_TOO_SHORT). */
  descriptionMin: 4,
  // Admin (issue 19): the grid editor and the district's towns.
  nodeNameMax: 32,
  townAdminsMax: 5,
} as const;

/** Issue 16: the longest display name a resident may set on 我的. */
export const LIMITS_CONTACT = { nameMax: 20 } as const;
