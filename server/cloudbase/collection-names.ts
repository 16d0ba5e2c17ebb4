/** Every collection the store uses; the deploy files in cloudbase/collections/ carry one file each. */
export const COLLECTIONS = [
  'meta',
  'grid_nodes',
  'grid_boundaries',
  'offices',
  'categories',
  'staff',
  'staff_pending',
  'users',
  'concerns',
  'concern_requests',
  'outbox',
  'inbox_messages',
  'audit_log',
  'vol_teams',
  'vol_team_leaders',
  'vol_members',
  'vol_events',
  'vol_signups',
  'vol_hours_audit',
  'vol_person_codes',
  'feedback',
  'api_clients',
  'rate_limits',
  'photo_checks',
  'calendar_years',
  'content_reports',
  'town_settings',
  'concern_plus_ones',
  // 街坊议事 (yishi)
  'topics',
  'topic_comments',
  'topic_supports',
  'topic_votes',
  'resident_places',
  // Volunteer actions (issue 20).
  'vol_actions',
  'vol_action_holds',
  // Points (积分制, issue 20).
  'points_settings',
  'points_ledger',
  'points_balances',
  'rewards',
  'redemptions',
  // Issue 16 (staff daily use): the phone a resident left on 我的.
  'contacts',
  // Admin (issue 19).
  'staff_departed',
  // 街坊议事 (issue 21): a town's support number.
  'topic_settings',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];
