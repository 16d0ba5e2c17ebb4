/**
 * `admin/attention` (issue 19): the admin home lists the places a removal left without staff that still
 * have open concerns — in the admin's scope only, and no longer once someone serves there again. SQLite
 * and the CloudBase wire fake.
 */
import type { AdminAttention } from '../core/admin/admin-attention';
import type { ConcernDetail } from '../core/views';
import { DEMO_IDENTITIES as I } from './demo-data';
import { onBothRuntimes } from './test-both-runtimes';

type Call = <T>(openid: string, action: string, data: unknown) => Promise<T>;

function flows(call: Call) {
  it('lists a place nobody serves since a removal, with its open concerns, until a successor is added', async () => {
    expect(await call<AdminAttention>(I.townAdmin, 'admin/attention', {})).toEqual({ unstaffed: [] });
    // 大果网格's only worker leaves while a concern of the grid is open.
    await call<ConcernDetail>(I.resident, 'concern/submit', { category: 'environment', description: '大果网格垃圾堆积', placeId: 'dz-xicheng-daguo' });
    await call(I.townAdmin, 'roster/remove', { openid: I.daguoGridWorker });
    const listed = { unstaffed: [{ nodeId: 'dz-xicheng-daguo-g', nodeName: '大果网格', departedName: '梁网格员', openConcerns: 1, more: false }] };
    expect(await call<AdminAttention>(I.townAdmin, 'admin/attention', {})).toEqual(listed);
    expect(await call<AdminAttention>(I.districtAdmin, 'admin/attention', {})).toEqual(listed);
    // Another town's admin sees nothing of 丹灶镇's.
    expect(await call<AdminAttention>(I.jiujiangAdmin, 'admin/attention', {})).toEqual({ unstaffed: [] });
    // A place whose staff left with nothing open is no matter for the admin.
    await call(I.townAdmin, 'roster/remove', { openid: I.xinanStaff });
    expect(await call<AdminAttention>(I.townAdmin, 'admin/attention', {})).toEqual(listed);
    // A successor serves the grid: the list is clear.
    await call(I.townAdmin, 'roster/save', { openid: 'o-successor', name: '新网格员', role: 'staff', nodeId: 'dz-xicheng-daguo-g' });
    expect(await call<AdminAttention>(I.townAdmin, 'admin/attention', {})).toEqual({ unstaffed: [] });
  });
}

onBothRuntimes('the admin attention list', (call) => flows(call));
