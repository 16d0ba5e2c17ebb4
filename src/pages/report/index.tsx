import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { Chip, ChipRow } from '../../components/chip';
import { TownMap } from '../../components/grid-map';
import { TargetPicker } from '../../components/target-picker';
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

/**
 * 反映 is a tab page: it stays mounted between visits. After a submit the concern opens above it and a
 * fresh form (new requestId, no draft) waits here for the next report.
 */
export default function ReportPage() {
  const [round, setRound] = useState(0);
  return <ReportForm key={round} onSubmitted={() => setRound((n) => n + 1)} />;
}

function ReportForm({ onSubmitted }: { onSubmitted: () => void }) {
  const elder = useElderClass();
  const r = useReport(onSubmitted);

  if (r.tree.loading && !r.tree.data) return <LoadingState text='正在读取村（社区）名单…' />;
  if (r.tree.error) {
    return <ErrorState message={r.tree.error} onRetry={() => void r.tree.reload()} />;
  }
  if (r.towns.length === 0) {
    return <EmptyState text='暂时没有可选的村（社区），请稍后再试，或直接联系网格员。' action={<Button onClick={() => void r.tree.reload()}>重试</Button>} />;
  }

  return (
    <View className={`page report${elder}`}>
      <PrivacyGate />
      {/* Step 1: where — a tap on the town's map (or the current location), the village → cooperative picker as the fallback */}
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
          <Text className='muted report__where-hint'>点地图上问题发生的位置，或使用当前位置，就能看到问题将交由哪个网格和经济社办理。</Text>
        )}
        {r.townMap.map.data ? (
          <TownMap
            map={r.townMap.map.data}
            point={r.position?.location ?? null}
            gridId={r.located?.gridId ?? null}
            centreKey={r.centreKey}
            onPick={r.placeAt}
            onTown={r.chooseTown}
            onMapError={r.mapError}
            mapFailed={r.mapFailed}
            pinText={r.located ? whereText(r.located) : null}
          />
        ) : r.townMap.map.error ? (
          <View className='report__map-error' onClick={() => void r.townMap.map.reload()} {...{ role: 'button' }}>
            <Text className='muted'>地图没有加载出来，点此重试。不影响提交：可以使用当前位置，或在下方选择村（社区）。</Text>
          </View>
        ) : (
          <Text className='muted'>正在读取地图…</Text>
        )}
        <View className='report__where-actions'>
          <Button size='small' type='primary' fill='outline' loading={r.locating} disabled={r.locating} onClick={() => void r.locateCurrent()}>
            使用当前位置
          </Button>
          {r.canPickOnMap ? (
            <Button size='small' fill='outline' disabled={r.locating} onClick={() => void r.chooseOnMap()}>
              搜索地点
            </Button>
          ) : null}
        </View>
      </View>
      {r.errors.location ? <Text className='error-text report__error'>{r.errors.location}</Text> : null}

      <Text className='report__or'>
        {r.located?.result === 'grid' ? '已按位置确定网格（位置优先），也可再选村（社区）补充：' : `或选择村（社区）${r.picker.townName ? `（${r.picker.townName}）` : ''}：`}
      </Text>
      <View className='card report__place'>
        <TargetPicker {...r.picker} />
      </View>
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
