import { Input, Map, Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { Chip, ChipRow } from '../../components/chip';
import { EmptyState, ErrorState, LoadingState } from '../../components/page-state';
import { PrivacyGate } from '../../components/privacy-gate';
import { DESCRIPTION_MAX, useReport } from '../../hooks/use-report';
import type { LocateView } from '../../../core/views';
import { PhotoPicker } from '../../components/photo-picker';
import { PublicCard } from '../../components/public-card';
import { useElderClass } from '../../hooks/use-elder';
import './index.scss';

/** The length typed, and by how much a pasted text is over the limit: nothing is cut silently. */
function DescriptionCount({ text }: { text: string }) {
  const n = [...text.trim()].length;
  const over = n - DESCRIPTION_MAX;
  return (
    <Text className={`report__count${over > 0 ? ' report__count--over' : ''}`}>
      {over > 0 ? `已超出 ${over} 字（${n}/${DESCRIPTION_MAX}），请删减后再提交` : `${n}/${DESCRIPTION_MAX}`}
    </Text>
  );
}

/** A package path (copied by the build config): WeChat's Map refuses data: URIs for a marker's icon. */
const MARKER_ICON = '/assets/marker.png';

/** Where a located point will go, in words a resident can check before submitting. */
function whereText(v: LocateView): string {
  switch (v.result) {
    case 'grid': {
      const committee = v.cooperativeName ? `${v.cooperativeName}社委` : v.villageName ? `${v.villageName}村居两委` : `${v.townName ?? ''}`;
      return `将交由${v.gridName}及${committee}办理（${[v.villageName, v.townName].filter(Boolean).join(' · ')}）`;
    }
    case 'town':
      return `位置在${v.townName}，但不在任何网格内。请在下方选择村（社区）；不选则由${v.townName}派单员分派。`;
    case 'outside':
      return '这个位置不在本平台服务的镇街范围内。';
    default:
      return '暂时无法根据位置确定网格，请在下方选择村（社区）。';
  }
}

export default function ReportPage() {
  const elder = useElderClass();
  const r = useReport();

  if (r.tree.loading && !r.tree.data) return <LoadingState text='正在读取村（社区）名单…' />;
  if (r.tree.error) {
    return <ErrorState message={r.tree.error} onRetry={() => void r.tree.reload()} />;
  }
  if (r.towns.length === 0) {
    return <EmptyState text='暂时没有可选的村（社区），请稍后再试，或直接联系网格员。' action={<Button onClick={() => void r.tree.reload()}>重试</Button>} />;
  }

  const village = r.village;
  return (
    <View className={`page report${elder}`}>
      <PrivacyGate />
      {/* Step 1: where — the location first, the village → cooperative picker as the fallback */}
      <Text className='section-title'>1. 问题发生在哪里？</Text>
      <View className='card report__where'>
        {r.located ? (
          <View className='report__located'>
            <Text className={`report__located-text${r.located.result === 'outside' ? ' error-text' : ''}`}>{whereText(r.located)}</Text>
            <Text className='report__change' onClick={r.clearLocation} {...{ role: 'button' }}>
              清除位置
            </Text>
          </View>
        ) : (
          <Text className='muted report__where-hint'>定位后可直接看到问题将交由哪个网格和经济社办理。</Text>
        )}
        {/* The mini program's map (GCJ-02, as WeChat reported the point) with the point and the grid it falls in.
            H5 has no map key: there the typed coordinates and the village → cooperative picker stand in. */}
        {process.env.TARO_ENV === 'weapp' && r.position && r.located && !r.mapFailed ? (
          <Map
            className='report__map'
            latitude={r.position.location.lat}
            longitude={r.position.location.lng}
            scale={16}
            markers={[
              {
                id: 1,
                latitude: r.position.location.lat,
                longitude: r.position.location.lng,
                width: 28,
                height: 36,
                iconPath: MARKER_ICON,
                callout: { content: whereText(r.located), display: 'ALWAYS', padding: 8, borderRadius: 6, fontSize: 13, color: '#1f1f1f', bgColor: '#ffffff', textAlign: 'center', anchorX: 0, anchorY: 0, borderWidth: 0, borderColor: '#ffffff' },
              },
            ]}
            onError={r.mapError}
          />
        ) : null}
        {r.mapFailed ? <Text className='muted'>地图没有加载出来，不影响提交：上面的文字已说明问题将交由哪里办理。</Text> : null}
        <View className='report__where-actions'>
          <Button size='small' type='primary' fill='outline' loading={r.locating} disabled={r.locating} onClick={() => void r.locateCurrent()}>
            使用当前位置
          </Button>
          {r.canPickOnMap ? (
            <Button size='small' fill='outline' disabled={r.locating} onClick={() => void r.chooseOnMap()}>
              在地图上选点
            </Button>
          ) : null}
        </View>
        {!r.canPickOnMap ? (
          <View className='report__manual'>
            <Input className='report__coord' type='digit' placeholder='纬度，如 23.05' value={r.manualLat} onInput={(e) => r.setManualLat(e.detail.value)} />
            <Input className='report__coord' type='digit' placeholder='经度，如 112.93' value={r.manualLng} onInput={(e) => r.setManualLng(e.detail.value)} />
            <Button size='small' fill='outline' disabled={r.locating} onClick={() => void r.locateManual()}>
              查看归属
            </Button>
          </View>
        ) : null}
      </View>
      {r.errors.location ? <Text className='error-text report__error'>{r.errors.location}</Text> : null}

      <Text className='report__or'>{r.located?.result === 'grid' ? '已按位置确定网格（位置优先），也可再选村（社区）补充：' : '或选择村（社区）：'}</Text>
      {village ? (
        <View className='card report__chosen'>
          <View className='report__chosen-row'>
            <Text className='report__chosen-name'>
              {village.townName} · {village.name}
            </Text>
            <Text className='report__change' onClick={() => r.chooseVillage(null)} {...{ role: 'button' }}>
              更换
            </Text>
          </View>
          {village.cooperatives.length > 0 ? (
            <View className='report__coops'>
              <Text className='muted'>可再选经济社（不清楚可不选）：</Text>
              <ChipRow>
                {village.cooperatives.map((c) => (
                  <Chip key={c.id} selected={r.cooperativeId === c.id} onTap={() => r.chooseCooperative(c.id)}>
                    {c.name}
                  </Chip>
                ))}
              </ChipRow>
            </View>
          ) : null}
        </View>
      ) : (
        r.towns.map((t) => (
          <View key={t.townId} className='card report__town'>
            <Text className='report__town-name'>{t.townName}</Text>
            <ChipRow>
              {t.villages.map((v) => (
                <Chip key={v.id} selected={false} onTap={() => r.chooseVillage(v.id)}>
                  {v.name}
                </Chip>
              ))}
            </ChipRow>
          </View>
        ))
      )}
      {r.errors.place ? <Text className='error-text report__error'>{r.errors.place}</Text> : null}

      {/* Step 2: what kind */}
      <Text className='section-title'>2. 是哪一类问题？</Text>
      <View className='card'>
        {!r.townId ? (
          <Text className='muted'>请先定位或选择村（社区）。</Text>
        ) : r.categories.loading ? (
          <Text className='muted'>正在读取问题类别…</Text>
        ) : r.categories.error ? (
          <View>
            <Text className='error-text'>{r.categories.error}</Text>
            <Button size='small' onClick={() => void r.categories.reload()}>
              重试
            </Button>
          </View>
        ) : !r.categories.data || r.categories.data.items.length === 0 ? (
          <Text className='muted'>该镇暂未设置问题类别，请直接联系网格员。</Text>
        ) : (
          <ChipRow>
            {r.categories.data.items.map((c) => (
              <Chip key={c.code} selected={r.category === c.code} onTap={() => r.chooseCategory(c.code)}>
                {c.name}
              </Chip>
            ))}
          </ChipRow>
        )}
      </View>
      {r.errors.category ? <Text className='error-text report__error'>{r.errors.category}</Text> : null}

      {r.similar.length > 0 ? (
        <View className='report__similar' aria-live='polite'>
          <Text className='report__similar-title'>{`附近已有 ${r.similar.length} 条相同问题正在办理`}</Text>
          <Text className='muted'>如果是同一件事，点“我也遇到了 +1”就行，不用重复反映；不是同一件事，请继续往下填写。</Text>
          {r.similar.map((item) => (
            <PublicCard key={item.id} item={item} onPlusOne={() => void r.plusOne(item.id)} busy={r.plusBusy === item.id} />
          ))}
          {r.plusError ? <Text className='error-text'>{r.plusError}</Text> : null}
        </View>
      ) : null}

      {/* Step 3: what happened */}
      <Text className='section-title'>3. 说说具体情况</Text>
      <View className='card report__desc'>
        <TextArea
          className='report__textarea'
          value={r.description}
          onChange={r.changeDescription}
          placeholder='请描述您遇到的问题（500字以内）'
          // No cut-off: NutUI cuts at 140 by default; a pasted text stays whole and the counter below says how far over it is.
          maxLength={-1}
          autoSize
          rows={5}
          status={r.errors.description ? 'error' : 'default'}
        />
      </View>
      <DescriptionCount text={r.description} />
      {r.errors.description ? <Text className='error-text report__error'>{r.errors.description}</Text> : null}

      <Text className='section-title'>4. 拍张照片（选填）</Text>
      <View className='card'>
        <PhotoPicker upload={r.photos} />
      </View>
      {r.errors.photos ? <Text className='error-text report__error'>{r.errors.photos}</Text> : null}

      {r.pending ? (
        <View className='card report__pending' id='report-pending'>
          <Text>待发送：网络恢复后会自动提交这条反映。</Text>
        </View>
      ) : null}
      {r.errors.submit ? <Text className='error-text report__error'>{r.errors.submit}</Text> : null}
      <View className='actions'>
        <Button type='primary' size='xlarge' block loading={r.submitting} disabled={r.submitting} onClick={() => void r.submit()}>
          提交
        </Button>
      </View>
    </View>
  );
}
