import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import type { Profile } from '../../core/views';

/** 街坊议事 on home: every resident's entry, and the committee's topic management for staff, admins and team leaders. */
export function YishiEntry({ me }: { me: Profile }) {
  const manages = me.role === 'staff' || me.role === 'admin' || me.role === 'leader';
  return (
    <>
      <Button type='default' size='xlarge' block onClick={() => void Taro.navigateTo({ url: '/yishi/pages/topics/index' })}>
        街坊议事
      </Button>
      {manages ? (
        <Button type='primary' fill='outline' size='xlarge' block onClick={() => void Taro.navigateTo({ url: '/staff/pages/topics/index' })}>
          议事管理
        </Button>
      ) : null}
    </>
  );
}
