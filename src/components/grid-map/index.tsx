import { Text, View } from '@tarojs/components';
import { Chip, ChipRow } from '../chip';
import type { GridMapView } from '../../../core/directory/grid-map';
import { SvgMap, type DrawnMapProps } from './svg-map';
import { WeappMap } from './weapp-map';
import './grid-map.scss';

export interface TownMapProps extends DrawnMapProps {
  onTown: (townId: string) => void;
  onMapError: () => void;
  mapFailed: boolean;
  pinText: string | null;
}

/**
 * The report page's map of one town: WeChat's Map in the mini program, the SVG drawing in H5. Above it,
 * the other towns to switch to (a deployment serves several).
 */
export function TownMap(props: TownMapProps) {
  const { map } = props;
  return (
    <View className='town-map'>
      {map.towns.length > 1 ? (
        <View className='town-map__towns'>
          <Text className='muted town-map__towns-label'>镇街：</Text>
          <ChipRow>
            {map.towns.map((t: GridMapView['towns'][number]) => (
              <Chip key={t.id} selected={t.id === map.townId} onTap={() => t.id !== map.townId && props.onTown(t.id)}>
                {t.name}
              </Chip>
            ))}
          </ChipRow>
        </View>
      ) : null}
      {process.env.TARO_ENV === 'h5' ? (
        <SvgMap {...props} />
      ) : props.mapFailed ? (
        <Text className='muted'>地图没有加载出来，不影响提交：可以使用当前位置，或在下方选择村（社区）。</Text>
      ) : (
        <WeappMap {...props} onError={props.onMapError} />
      )}
    </View>
  );
}
