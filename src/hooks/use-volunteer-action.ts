import { useState } from 'react';
import type { TeamSummary } from '../../core/views';
import { call } from '../services/api';
import { useOneAction } from './use-one-action';

/**
 * 发起志愿行动 and 据志愿行动办结 on the handling page (issue 20): loads the teams near the concern's place
 * on demand, starts an action with the chosen team, or resolves every concern of a reported action.
 */
export function useVolunteerAction(concernId: string, placeId: string, onChanged: () => void) {
  const { busy, actionError, run } = useOneAction();
  const [teams, setTeams] = useState<TeamSummary[] | null>(null);
  const [teamId, setTeamId] = useState<string | null>(null);
  return {
    busy,
    actionError,
    teams,
    teamId,
    setTeamId,
    openPicker: () => run('teams', async () => setTeams((await call('team/list', { nodeId: placeId })).items)),
    start: () =>
      run('start', async () => {
        if (teamId === null) return;
        await call('concern/startAction', { ids: [concernId], teamId });
        setTeams(null);
        onChanged();
      }),
    resolve: (actionId: string) =>
      run('resolve', async () => {
        await call('concern/resolveFromAction', { id: actionId });
        onChanged();
      }),
  };
}
