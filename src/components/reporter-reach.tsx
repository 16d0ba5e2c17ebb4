import { Map, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { ConcernDetail } from '../../core/views';
import { routePath } from './concern-view';
import { callPhone, dialable, navigateTo } from '../services/reach';
import './reporter-reach.scss';

const MARKER_ICON = '/assets/marker.png';

/** Where the reported point lies: its grid (or the most precise committee the route names). */
function gridText(c: ConcernDetail): string {
  return c.route.gridName ?? c.route.cooperativeName ?? c.route.villageName ?? c.route.townName ?? c.placeName;
}

/**
 * For a concern's handlers (issue 16, item 3): the reporter's phone with 拨打 (masked numbers are shown, not
 * dialled), and the reported point on a map with its grid and 导航. The map is the mini program's own
 * (GCJ-02); H5 has no map key, so there the grid and 导航 stand alone.
 */
export function ReporterReach({ concern }: { concern: ConcernDetail }) {
  const [mapFailed, setMapFailed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const phone = concern.reporterPhone;
  const point = concern.mapPoint;
  const grid = gridText(concern);
  const fail = (text: string) => () => {
    setError(text);
    void Taro.showToast({ title: text, icon: 'none' });
  };
  return (
    <View className='card reach' aria-label='联系居民与现场位置'>
      <View className='reach__row'>
        <Text className='reach__label'>联系电话：</Text>
        {phone ? <Text className='reach__phone'>{phone}</Text> : <Text className='muted'>居民没有留联系电话，可在下方沟通记录里留言。</Text>}
        {dialable(phone) && !concern.mine ? (
          <Button size='small' type='primary' fill='outline' onClick={() => void callPhone(phone).catch(fail('没有拨出电话，请稍后再试或手动拨号。'))}>
            拨打
          </Button>
        ) : null}
      </View>
      {point ? (
        <View className='reach__place'>
          <View className='reach__row'>
            <Text className='reach__label'>现场位置：</Text>
            <Text>{`${grid}（${routePath(concern.route)}）`}</Text>
          </View>
          {process.env.TARO_ENV === 'weapp' && !mapFailed ? (
            <Map
              className='reach__map'
              latitude={point.lat}
              longitude={point.lng}
              scale={16}
              markers={[
                {
                  id: 1,
                  latitude: point.lat,
                  longitude: point.lng,
                  width: 28,
                  height: 36,
                  iconPath: MARKER_ICON,
                  callout: { content: grid, display: 'ALWAYS', padding: 8, borderRadius: 6, fontSize: 13, color: '#1f1f1f', bgColor: '#ffffff', textAlign: 'center', anchorX: 0, anchorY: 0, borderWidth: 0, borderColor: '#ffffff' },
                },
              ]}
              onError={() => setMapFailed(true)}
            />
          ) : null}
          {mapFailed ? <Text className='muted'>地图没有加载出来，可点“导航”在地图中查看。</Text> : null}
          <Button size='small' type='primary' onClick={() => void navigateTo(point, grid, concern.placeName).catch(fail('没有打开地图，请稍后再试。'))}>
            导航
          </Button>
        </View>
      ) : (
        <View className='reach__row'>
          <Text className='reach__label'>现场位置：</Text>
          <Text className='muted'>{`居民没有定位，按所选地点 ${concern.placeName} 分派。`}</Text>
        </View>
      )}
      {error ? <Text className='error-text'>{error}</Text> : null}
    </View>
  );
}
