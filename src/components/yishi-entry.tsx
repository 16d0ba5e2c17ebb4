import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import type { Profile } from '../../core/views';

/**
 * 议事管理 on home: the committee's topic management for staff, admins and team leaders. (Every resident's
 * 街坊议事 entry is in home's entry grid, issue 17.)
 */
export function YishiEntry({ me }: { me: Profile }) {
  const manages = me.role === 'staff' || me.role === 'admin' || me.role === 'leader';
  return manages ? (
    <Button type='primary' fill='outline' size='xlarge' block onClick={() => void Taro.navigateTo({ url: '/staff/pages/topics/index' })}>
      议事管理
    </Button>
  ) : null;
}
