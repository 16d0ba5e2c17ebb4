/**
 * Demo Open311 client systems (SYNTHETIC: the names describe real kinds of systems, the keys are public
 * demo values and must never be used in production).
 */
import type { ApiClient } from '../core/model';

export const DEMO_OPEN311 = {
  /** The district 12345 hotline platform: posts tickets to any demo town and reads back its own. */
  hotline: { id: '12345', key: 'demo-open311-key' },
  /** A town system that oversees every request of 丹灶镇. */
  danzaoTown: { id: 'danzao-city-ops', key: 'demo-open311-danzao-key' },
} as const;

export const DEMO_API_CLIENTS: Array<{ client: ApiClient; key: string }> = [
  {
    key: DEMO_OPEN311.hotline.key,
    client: {
      id: DEMO_OPEN311.hotline.id,
      name: '南海区12345热线平台（示例）',
      source: '12345',
      townIds: ['danzao', 'jiujiang', 'xiqiao'],
      reads: 'own',
      requestsPerMinute: 600,
      postsPerHour: 3000,
    },
  },
  {
    key: DEMO_OPEN311.danzaoTown.key,
    client: {
      id: DEMO_OPEN311.danzaoTown.id,
      name: '丹灶镇城市运行平台（示例）',
      source: 'open311',
      townIds: ['danzao'],
      reads: 'scope',
      requestsPerMinute: 120,
      postsPerHour: 300,
    },
  },
];
