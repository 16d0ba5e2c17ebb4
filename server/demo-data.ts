/**
 * Demo data for the local cloud. Place names are real (南海区 and its towns, villages and 大果经济社);
 * every boundary, person, phone number and figure is synthetic, and cooperatives other than 大果经济社
 * carry made-up names. The UI says so on the login page.
 */
import type { Ring } from '../core/directory/geo';
import type { Boundary } from '../core/directory/locate';
import type { Category, GridNode, Office, StaffMember } from '../core/model';
import { DEFAULT_CATEGORIES, townDefaults } from '../core/directory/town-defaults';
import type { UserRecord } from '../core/ports';
import { NEW_EVENT_STATE, type Membership, type Team, type VolunteerEvent } from '../core/volunteers/volunteer-model';
import { BEIJING_OFFSET_MS, beijingClock } from '../core/beijing';

export interface DirectoryData {
  nodes: GridNode[];
  /** SYNTHETIC boundaries: rectangles near each town's real position, not the real borders. */
  boundaries: Boundary[];
  offices: Office[];
  categories: Category[];
  staff: StaffMember[];
  users: UserRecord[];
}

const DISTRICT = 'nanhai';
/** Towns with the approximate real position of their centre (WGS-84), around which the synthetic boundaries are drawn. */
const TOWNS: Array<[id: string, name: string, lat: number, lng: number]> = [
  ['danzao', '丹灶镇', 23.05, 112.93],
  ['jiujiang', '九江镇', 22.85, 113.03],
  ['xiqiao', '西樵镇', 22.93, 112.97],
];
const VILLAGES: Array<[id: string, town: string, name: string]> = [
  ['dz-xinan', 'danzao', '新安社区'],
  ['dz-xicheng', 'danzao', '西城社区'],
  ['jj-dungen', 'jiujiang', '敦根社区'],
  ['xq-ruxi', 'xiqiao', '儒溪村'],
];
const COOPERATIVES: Array<[id: string, village: string, name: string]> = [
  ['dz-xinan-1', 'dz-xinan', '新安第一经济社'],
  ['dz-xinan-2', 'dz-xinan', '新安第二经济社'],
  ['dz-xicheng-daguo', 'dz-xicheng', '大果经济社'],
  ['dz-xicheng-2', 'dz-xicheng', '西城第二经济社'],
  ['jj-dungen-1', 'jj-dungen', '敦根第一经济社'],
  ['jj-dungen-2', 'jj-dungen', '敦根第二经济社'],
  ['xq-ruxi-1', 'xq-ruxi', '儒溪第一经济社'],
];

export { DEFAULT_CATEGORIES };

export const DEMO_IDENTITIES = {
  resident: 'demo-resident-chen',
  resident2: 'demo-resident-li',
  daguoChair: 'demo-staff-daguo-huang',
  daguoGridWorker: 'demo-staff-daguo-liang',
  xinanStaff: 'demo-staff-xinan1-he',
  xichengStaff: 'demo-staff-xicheng-wu',
  envOffice: 'demo-office-dz-env',
  townAdmin: 'demo-admin-danzao',
  /** A second town's admin: sees nothing of 丹灶镇's held content, audit log or teams' records. */
  jiujiangAdmin: 'demo-admin-jiujiang',
  /** Serves the district node: every town, and what is district-wide (the holiday calendar). */
  districtAdmin: 'demo-admin-nanhai',
  danzaoDispatcher: 'demo-staff-danzao-dispatch',
  daguoLeader: 'demo-leader-daguo-luo',
  dungenLeader: 'demo-leader-dungen-pan',
} as const;

/** Half the side of a town's synthetic square, and the margin of the town left outside every village. */
const TOWN_HALF = 0.03;
const TOWN_MARGIN = 0.005;

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
function rect(minLng: number, minLat: number, maxLng: number, maxLat: number): Ring {
  const [a, b, c, d] = [r6(minLng), r6(minLat), r6(maxLng), r6(maxLat)];
  return [[a, b], [c, b], [c, d], [a, d], [a, b]];
}

/**
 * SYNTHETIC boundaries, nested consistently: each town is a square of ±0.03° around its real centre;
 * its villages split the town (less a 0.005° margin that belongs to no village, so a point there goes
 * to the town's dispatcher) into west-to-east strips; a village's cooperatives split it into
 * south-to-north strips; each cooperative's one grid has the cooperative's boundary. Neighbours share
 * their borders exactly.
 */
export function demoBoundaries(): Boundary[] {
  const out: Boundary[] = [];
  for (const [townId, , lat, lng] of TOWNS) {
    const t = [lng - TOWN_HALF, lat - TOWN_HALF, lng + TOWN_HALF, lat + TOWN_HALF];
    out.push({ nodeId: townId, geometry: { type: 'Polygon', coordinates: [rect(t[0], t[1], t[2], t[3])] } });
    const inner = [t[0] + TOWN_MARGIN, t[1] + TOWN_MARGIN, t[2] - TOWN_MARGIN, t[3] - TOWN_MARGIN];
    const villages = VILLAGES.filter((v) => v[1] === townId);
    villages.forEach(([villageId], vi) => {
      const w = (inner[2] - inner[0]) / villages.length;
      const v = [inner[0] + vi * w, inner[1], inner[0] + (vi + 1) * w, inner[3]];
      out.push({ nodeId: villageId, geometry: { type: 'Polygon', coordinates: [rect(v[0], v[1], v[2], v[3])] } });
      const coops = COOPERATIVES.filter((c) => c[1] === villageId);
      coops.forEach(([coopId], ci) => {
        const h = (v[3] - v[1]) / coops.length;
        const ring = rect(v[0], v[1] + ci * h, v[2], v[1] + (ci + 1) * h);
        out.push({ nodeId: coopId, geometry: { type: 'Polygon', coordinates: [ring] } });
        out.push({ nodeId: `${coopId}-g`, geometry: { type: 'Polygon', coordinates: [ring.map((p) => [p[0], p[1]])] } });
      });
    });
  }
  return out;
}

/** Points inside the synthetic boundaries (WGS-84), for tests and the README. */
export const DEMO_POINTS = {
  /** Inside 大果网格 (西城社区, 丹灶镇). */
  daguo: { lat: 23.0375, lng: 112.9425 },
  /** Inside 丹灶镇 but in its margin, outside every village and grid. */
  danzaoMargin: { lat: 23.022, lng: 112.93 },
  /** In the Pearl River Delta but outside every demo town. */
  outside: { lat: 23.2, lng: 113.3 },
} as const;

export function demoDirectory(createdAt: string): DirectoryData {
  const nodes: GridNode[] = [{ id: DISTRICT, kind: 'district', name: '南海区', parentId: null }];
  for (const [id, name] of TOWNS) nodes.push({ id, kind: 'town', name, parentId: DISTRICT });
  for (const [id, town, name] of VILLAGES) nodes.push({ id, kind: 'village', name, parentId: town });
  for (const [id, village, name] of COOPERATIVES) {
    nodes.push({ id, kind: 'cooperative', name, parentId: village });
    nodes.push({ id: `${id}-g`, kind: 'grid', name: `${name.replace(/经济社$/, '')}网格`, parentId: id });
  }
  const offices: Office[] = [];
  const categories: Category[] = [];
  for (const [townId, townName] of TOWNS) {
    const defaults = townDefaults(townId, townName);
    offices.push(...defaults.offices);
    categories.push(...defaults.categories);
  }
  const I = DEMO_IDENTITIES;
  const staff: StaffMember[] = [
    { openid: I.daguoChair, name: '黄社长', role: 'staff', nodeId: 'dz-xicheng-daguo', phone: '13800000001' },
    { openid: I.daguoGridWorker, name: '梁网格员', role: 'staff', nodeId: 'dz-xicheng-daguo-g', phone: '13800000002' },
    { openid: I.xinanStaff, name: '何社委', role: 'staff', nodeId: 'dz-xinan-1', phone: '13800000003' },
    { openid: I.xichengStaff, name: '吴委员', role: 'staff', nodeId: 'dz-xicheng', phone: '13800000004' },
    { openid: I.envOffice, name: '周主任', role: 'office', nodeId: 'danzao-environment', phone: '13800000005' },
    { openid: I.townAdmin, name: '丹灶镇管理员', role: 'admin', nodeId: 'danzao', phone: '13800000006' },
    { openid: I.districtAdmin, name: '南海区管理员', role: 'admin', nodeId: DISTRICT, phone: '13800000008' },
    { openid: I.jiujiangAdmin, name: '九江镇管理员', role: 'admin', nodeId: 'jiujiang', phone: '13800000009' },
    // Serves the town node: works the 派单 queue and whatever is escalated to the town.
    { openid: I.danzaoDispatcher, name: '麦派单员', role: 'staff', nodeId: 'danzao', phone: '13800000007' },
  ];
  const users: UserRecord[] = [
    { openid: I.resident, name: '陈阿姨', phone: '13900000001', createdAt },
    { openid: I.resident2, name: '李叔', phone: '13900000002', createdAt },
  ];
  return { nodes, boundaries: demoBoundaries(), offices, categories, staff, users };
}

/** The identities the local login page offers, in the order shown. */
export const DEMO_LOGIN_ORDER: readonly string[] = [
  DEMO_IDENTITIES.resident,
  DEMO_IDENTITIES.resident2,
  DEMO_IDENTITIES.daguoLeader,
  DEMO_IDENTITIES.dungenLeader,
  DEMO_IDENTITIES.daguoChair,
  DEMO_IDENTITIES.daguoGridWorker,
  DEMO_IDENTITIES.xinanStaff,
  DEMO_IDENTITIES.xichengStaff,
  DEMO_IDENTITIES.envOffice,
  DEMO_IDENTITIES.danzaoDispatcher,
  DEMO_IDENTITIES.townAdmin,
  DEMO_IDENTITIES.jiujiangAdmin,
  DEMO_IDENTITIES.districtAdmin,
];

export interface VolunteerData {
  teams: Team[];
  /** Leaders are residents: each is a user record plus a row of the leadership table. */
  leaders: Array<{ teamId: string; user: UserRecord }>;
  members: Membership[];
  events: VolunteerEvent[];
}

export const DEMO_TEAMS = {
  daguo: 'team-daguo-clean',
  dungen: 'team-dungen-jiefang',
} as const;

export const DEMO_EVENTS = {
  daguoCleanup: 'ev-daguo-cleanup',
  dungenVisit: 'ev-dungen-visit',
} as const;

/** `days` after `now`'s Beijing date, at hh:mm Beijing time (UTC+8), as an ISO instant. */
function beijingAt(now: Date, days: number, hh: number, mm: number): string {
  const bj = beijingClock(now);
  return new Date(Date.UTC(bj.getUTCFullYear(), bj.getUTCMonth(), bj.getUTCDate() + days, hh, mm) - BEIJING_OFFSET_MS).toISOString();
}

/** Two teams, one per kind, each with a leader, a member and an upcoming event. */
export function demoVolunteers(now: Date, checkinCode: (eventId: string) => string): VolunteerData {
  const at = now.toISOString();
  const I = DEMO_IDENTITIES;
  const T = DEMO_TEAMS;
  const teams: Team[] = [
    { id: T.daguo, name: '大果党群清洁志愿服务队', kind: 'party_service', nodeId: 'dz-xicheng-daguo', description: '大果经济社党支部牵头，每周末清理村道、河涌边和祠堂周边的垃圾杂物。', createdAt: at },
    { id: T.dungen, name: '敦根社区街坊会', kind: 'neighbourhood', nodeId: 'jj-dungen', description: '街坊互助：探访独居长者、帮忙代购、调解邻里小事。', createdAt: at },
  ];
  const leaders = [
    { teamId: T.daguo, user: { openid: I.daguoLeader, name: '罗队长', phone: '13900000011', createdAt: at } },
    { teamId: T.dungen, user: { openid: I.dungenLeader, name: '潘会长', phone: '13900000012', createdAt: at } },
  ];
  const weekAgo = new Date(now.getTime() - 7 * 86_400_000).toISOString();
  const members: Membership[] = [
    { id: `${T.daguo}_${I.resident2}`, teamId: T.daguo, openid: I.resident2, name: '李叔', status: 'member', partyMember: true, appliedAt: weekAgo, decidedAt: weekAgo, note: null, noteModeration: 'published' },
  ];
  const event = (e: Omit<VolunteerEvent, keyof typeof NEW_EVENT_STATE | 'checkinCode' | 'createdAt'>): VolunteerEvent => ({
    ...e,
    ...NEW_EVENT_STATE,
    checkinCode: checkinCode(e.id),
    createdAt: at,
  });
  const events: VolunteerEvent[] = [
    event({
      id: DEMO_EVENTS.daguoCleanup,
      teamId: T.daguo,
      title: '村道周末清洁行动',
      description: '清理大果村道两侧和河涌边的垃圾，工具由队里统一准备，请穿方便活动的衣服。',
      place: '大果经济社祠堂门口集合',
      startAt: beijingAt(now, 2, 8, 30),
      endAt: beijingAt(now, 2, 10, 30),
      signupDeadline: beijingAt(now, 1, 20, 0),
      capacity: 20,
      waitlist: true,
      openTo: 'members',
      createdBy: I.daguoLeader,
    }),
    event({
      id: DEMO_EVENTS.dungenVisit,
      teamId: T.dungen,
      title: '独居长者上门探访',
      description: '两人一组探访社区独居长者，聊聊天、看看家里用电用气是否安全。',
      place: '敦根社区党群服务中心',
      startAt: beijingAt(now, 3, 14, 0),
      endAt: beijingAt(now, 3, 16, 30),
      signupDeadline: beijingAt(now, 3, 12, 0),
      capacity: 2,
      waitlist: true,
      openTo: 'all',
      createdBy: I.dungenLeader,
    }),
  ];
  return { teams, leaders, members, events };
}
