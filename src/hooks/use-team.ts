import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { useRef, useState } from 'react';
import type { ActionView } from '../../core/volunteers/action-views';
import type { TeamDetail } from '../../core/views';
import { call } from '../services/api';
import { useOneAction } from './use-one-action';
import { useResource } from './use-resource';

/** One team (`?id=`): join or leave; for its leader, review applications, mark 党员, start events. */
export function useTeam() {
  const id = useRouter().params.id ?? '';
  const team = useResource<TeamDetail & { actions?: ActionView[] }>(() => call('team/get', { id }), { key: id });
  const { busy, actionError, run: runOne } = useOneAction();
  const [note, setNote] = useState('');
  const shown = useRef(false);
  useDidShow(() => {
    if (shown.current) void team.reload();
    shown.current = true;
  });
  usePullDownRefresh(() => {
    void team.reload().finally(() => Taro.stopPullDownRefresh());
  });

  const run = (key: string, done: string, send: () => Promise<unknown>) =>
    runOne(key, async () => {
      await send();
      void Taro.showToast({ title: done, icon: 'success', duration: 1500 });
      await team.reload();
    });

  return {
    id,
    team,
    busy,
    actionError,
    note,
    setNote,
    apply: () =>
      run('apply', '已提交申请', async () => {
        const text = note.trim();
        await call('team/apply', text ? { teamId: id, note: text } : { teamId: id });
        setNote('');
      }),
    leave: () => run('leave', '已退出', () => call('team/leave', { teamId: id })),
    review: (memberId: string, decision: 'approve' | 'decline') =>
      run(`${decision}:${memberId}`, decision === 'approve' ? '已同意' : '已拒绝', () => call('team/review', { teamId: id, memberId, decision })),
    setParty: (memberId: string, partyMember: boolean) => run(`party:${memberId}`, '已更新', () => call('team/setPartyMember', { teamId: id, memberId, partyMember })),
    openEvent: (eventId: string) => Taro.navigateTo({ url: `/volunteer/pages/event/index?id=${encodeURIComponent(eventId)}` }),
    /** Issue 20: the leader schedules a volunteer action handed to the team (an event for it). */
    scheduleAction: (actionId: string) =>
      Taro.navigateTo({ url: `/volunteer/pages/create-event/index?teamId=${encodeURIComponent(id)}&actionId=${encodeURIComponent(actionId)}` }),
    createEvent: () => Taro.navigateTo({ url: `/volunteer/pages/create-event/index?teamId=${encodeURIComponent(id)}` }),
  };
}
