import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import type { TownSettingsView } from '../../core/directory/town-settings-service';
import { call } from '../services/api';
import { draftOf, inputOf, type TownSettingsDraft } from '../services/town-settings-form';
import { useAdminTown } from './use-admin-town';
import { useOneAction } from './use-one-action';
import { useResource } from './use-resource';

/**
 * 镇街设置 (issue 19, item 4): the town's public board and working time (town/settings, town/saveSettings);
 * a district admin picks the town first. A blank field keeps the deployment's default, shown beside it.
 */
export function useTownSettings() {
  const { base, townId, setTownId, named } = useAdminTown();
  const settings = useResource(() => call('town/settings', { townId: named() }), { skip: townId === null, key: townId ?? '' });
  const [draft, setDraft] = useState<TownSettingsDraft | null>(null);
  useEffect(() => setDraft(settings.data ? draftOf(settings.data) : null), [settings.data]);
  const action = useOneAction();

  const edit = (change: Partial<TownSettingsDraft>) => setDraft((d) => (d ? { ...d, ...change } : d));
  const save = () =>
    action.run('save', async () => {
      if (!draft) return;
      const checked = inputOf(draft);
      if (!checked.ok) {
        action.setActionError(checked.problem);
        return;
      }
      const saved: TownSettingsView = await call('town/saveSettings', { townId: named(), ...checked.input });
      setDraft(draftOf(saved));
      await settings.reload();
      await Taro.showToast({ title: '已保存', icon: 'success' });
    });

  return { base, townId, setTownId, settings, draft, edit, save, goCalendar: () => Taro.navigateTo({ url: '/staff/pages/calendar/index' }), ...action };
}
