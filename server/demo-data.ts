/**
 * Demo data for the local cloud. Place names are real (南海区 and its towns, villages and 大果经济社);
 * every boundary, person, phone number and figure is synthetic, and cooperatives other than 大果经济社
 * carry made-up names. The UI says so on the login page.
 */
import type { Category, CategoryKind, GridNode, Office, StaffMember } from '../core/model';
import type { UserRecord } from '../core/ports';

export interface DirectoryData {
  nodes: GridNode[];
  offices: Office[];
  categories: Category[];
  staff: StaffMember[];
  users: UserRecord[];
}

const DISTRICT = 'nanhai';
const TOWNS: Array<[id: string, name: string]> = [
  ['danzao', '丹灶镇'],
  ['jiujiang', '九江镇'],
  ['xiqiao', '西樵镇'],
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

const OFFICE_KINDS: Array<[code: string, name: string]> = [
  ['enforcement', '综合执法办'],
  ['environment', '人居环境办'],
  ['emergency', '应急办'],
  ['stability', '综治信访维稳办'],
];

/** Default categories of every town; a town may change them. Kinds pick the 12345 resolve clock. */
export const DEFAULT_CATEGORIES: Array<[code: string, name: string, kind: CategoryKind, lead: string | null]> = [
  ['environment', '人居环境/环境卫生', 'complaint', 'environment'],
  ['illegal_building', '违建/两违', 'report', 'enforcement'],
  ['public_space', '公共空间', 'suggest', null],
  ['parking', '停车', 'complaint', 'enforcement'],
  ['waste_sorting', '垃圾分类', 'suggest', 'environment'],
  ['fire_safety', '消防安全', 'report', 'emergency'],
  ['dispute', '矛盾纠纷/信访', 'help', 'stability'],
  ['road', '道路设施', 'help', null],
  ['other', '其他', 'consult', null],
];

export const DEMO_IDENTITIES = {
  resident: 'demo-resident-chen',
  resident2: 'demo-resident-li',
  daguoChair: 'demo-staff-daguo-huang',
  daguoGridWorker: 'demo-staff-daguo-liang',
  xinanStaff: 'demo-staff-xinan1-he',
  xichengStaff: 'demo-staff-xicheng-wu',
  envOffice: 'demo-office-dz-env',
  townAdmin: 'demo-admin-danzao',
  danzaoDispatcher: 'demo-staff-danzao-dispatch',
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
    for (const [code, name] of OFFICE_KINDS) offices.push({ id: `${townId}-${code}`, townId, code, name: `${townName}${name}` });
    for (const [code, name, kind, lead] of DEFAULT_CATEGORIES) categories.push({ townId, code, name, kind, leadOfficeCode: lead });
  }
  const I = DEMO_IDENTITIES;
  const staff: StaffMember[] = [
    { openid: I.daguoChair, name: '黄社长', role: 'staff', nodeId: 'dz-xicheng-daguo', phone: '13800000001' },
    { openid: I.daguoGridWorker, name: '梁网格员', role: 'staff', nodeId: 'dz-xicheng-daguo-g', phone: '13800000002' },
    { openid: I.xinanStaff, name: '何社委', role: 'staff', nodeId: 'dz-xinan-1', phone: '13800000003' },
    { openid: I.xichengStaff, name: '吴委员', role: 'staff', nodeId: 'dz-xicheng', phone: '13800000004' },
    { openid: I.envOffice, name: '周主任', role: 'office', nodeId: 'danzao-environment', phone: '13800000005' },
    { openid: I.townAdmin, name: '丹灶镇管理员', role: 'admin', nodeId: 'danzao', phone: '13800000006' },
    // Serves the town node: works the 派单 queue and whatever is escalated to the town.
    { openid: I.danzaoDispatcher, name: '麦派单员', role: 'staff', nodeId: 'danzao', phone: '13800000007' },
  ];
  const users: UserRecord[] = [
    { openid: I.resident, name: '陈阿姨', phone: '13900000001', createdAt },
    { openid: I.resident2, name: '李叔', phone: '13900000002', createdAt },
  ];
  return { nodes, offices, categories, staff, users };
}

/** The identities the local login page offers, in the order shown. */
export const DEMO_LOGIN_ORDER: readonly string[] = [
  DEMO_IDENTITIES.resident,
  DEMO_IDENTITIES.resident2,
  DEMO_IDENTITIES.daguoChair,
  DEMO_IDENTITIES.daguoGridWorker,
  DEMO_IDENTITIES.xinanStaff,
  DEMO_IDENTITIES.xichengStaff,
  DEMO_IDENTITIES.envOffice,
  DEMO_IDENTITIES.danzaoDispatcher,
  DEMO_IDENTITIES.townAdmin,
];
