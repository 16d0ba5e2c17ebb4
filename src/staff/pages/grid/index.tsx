import { Image, Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { Chip, ChipRow } from '../../../components/chip';
import { ErrorState, LoadingState } from '../../../components/page-state';
import { useElderClass } from '../../../hooks/use-elder';
import { useGridAdmin } from '../../../hooks/use-grid-admin';
import { CHANGE_COLOUR, CHANGE_TEXT, previewDataUrl } from '../../../services/boundary-svg';
import { KIND_TEXT } from '../../../services/grid-rows';
import './index.scss';

/**
 * 网格管理 (issue 19): the town's grid as a tree; the selected node renamed (name, code), a child added or the
 * node retired; a GeoJSON file previewed on a map before 确认应用. At ≥ 1024 px: tree left, detail right.
 */
export default function GridAdminPage() {
  const elder = useElderClass();
  const g = useGridAdmin();
  if (g.base.loading && !g.base.data) return <LoadingState text='正在读取网格…' />;
  if (g.base.error || !g.base.data) return <ErrorState message={g.base.error ?? '没有取到网格，请点“重试”。'} onRetry={() => void g.base.reload()} />;
  const sel = g.selected;
  const p = g.preview;
  const picture = p ? previewDataUrl(p) : '';

  return (
    <View className={`page grid-admin${elder}`}>
      <View className='card grid-admin__tree' role='tree' aria-label='网格树'>
        {g.rows.map((r) => (
          <View
            key={r.id}
            role='treeitem'
            aria-selected={sel?.id === r.id}
            className={`grid-admin__row${sel?.id === r.id ? ' grid-admin__row--selected' : ''}${r.retired ? ' grid-admin__row--retired' : ''}`}
            style={{ paddingLeft: `${r.depth * 16 + 8}px` }}
            onClick={() => g.select(r)}
          >
            <Text className='grid-admin__name'>{r.name}</Text>
            <Text className='muted grid-admin__kind'>{`${KIND_TEXT[r.kind]}${r.code ? ` · ${r.code}` : ''}${r.retired ? ' · 已撤销' : ''}`}</Text>
          </View>
        ))}
      </View>

      <View className='grid-admin__detail'>
        {g.notice ? <Text className='grid-admin__notice'>{g.notice}</Text> : null}
        {g.actionError ? <Text className='error-text grid-admin__notice'>{g.actionError}</Text> : null}
        {sel ? (
          <View className='card grid-admin__form'>
            <Text className='grid-admin__title'>{`${sel.name}（${KIND_TEXT[sel.kind]}）`}</Text>
            {sel.retired ? (
              <Text className='muted'>已撤销：不再接收新的诉求，已有的诉求和记录都保留。</Text>
            ) : (
              <>
                <Input value={g.edit.name} onChange={(v) => g.setEdit({ ...g.edit, name: v })} placeholder='名称' aria-label='名称' />
                <Input value={g.edit.code} onChange={(v) => g.setEdit({ ...g.edit, code: v })} placeholder='编码（选填，本镇内唯一）' aria-label='编码' />
                <Button type='primary' size='small' loading={g.busy === 'rename'} disabled={g.edit.name.trim() === ''} onClick={() => void g.rename()}>
                  保存名称
                </Button>
                {g.kinds.length > 0 ? (
                  <>
                    <Text className='grid-admin__subtitle'>添加下级</Text>
                    {g.kinds.length > 1 ? (
                      <ChipRow>
                        {g.kinds.map((k) => (
                          <Chip key={k.kind} selected={(g.child.kind ?? g.kinds[0].kind) === k.kind} onTap={() => g.setChild({ ...g.child, kind: k.kind })}>
                            {k.text}
                          </Chip>
                        ))}
                      </ChipRow>
                    ) : null}
                    <Input value={g.child.name} onChange={(v) => g.setChild({ ...g.child, name: v })} placeholder='下级名称' aria-label='下级名称' />
                    <Button type='default' size='small' loading={g.busy === 'add'} disabled={g.child.name.trim() === ''} onClick={() => void g.addChild()}>
                      {`添加${(g.kinds.find((k) => k.kind === g.child.kind) ?? g.kinds[0]).text}`}
                    </Button>
                  </>
                ) : null}
                {sel.depth > 0 ? (
                  <Button type='danger' fill='outline' size='small' loading={g.busy === 'retire'} onClick={() => void g.retire()}>
                    {g.confirmRetire ? `确认撤销${sel.name}` : `撤销${sel.name}`}
                  </Button>
                ) : null}
                {g.confirmRetire ? <Text className='muted'>撤销后不再接收新的诉求；下级节点和在此任职的人员须先撤销或调整。</Text> : null}
              </>
            )}
          </View>
        ) : null}

        <View className='card grid-admin__form'>
          <Text className='grid-admin__title'>导入边界（GeoJSON）</Text>
          <Text className='muted'>粘贴 GeoJSON FeatureCollection：文件将替换您管理范围内的全部边界。先预览，确认无误再应用。</Text>
          <TextArea value={g.geojson} onChange={(v) => g.setGeojson(v)} placeholder='在此粘贴 GeoJSON' aria-label='GeoJSON' maxLength={-1} rows={6} />
          <Button type='default' size='small' loading={g.busy === 'preview'} disabled={g.geojson.trim() === ''} onClick={() => void g.runPreview()}>
            预览边界
          </Button>
        </View>

        {p ? (
          <View className='card grid-admin__preview'>
            {p.ok ? (
              <>
                <Text className='grid-admin__title'>{`预览：新增 ${p.counts.added} · 修改 ${p.counts.changed} · 删除 ${p.counts.removed} · 不变 ${p.counts.unchanged}`}</Text>
                {picture ? <Image className='grid-admin__map' src={picture} mode='aspectFit' aria-label='边界预览图' /> : null}
                <View className='grid-admin__legend'>
                  {(['added', 'changed', 'removed', 'unchanged'] as const).map((c) => (
                    <Text key={c} style={{ color: CHANGE_COLOUR[c] }}>{`■ ${CHANGE_TEXT[c]}`}</Text>
                  ))}
                </View>
                {p.nodes.map((n) => (
                  <Text key={n.nodeId} className='grid-admin__line'>{`${CHANGE_TEXT[n.change]}：${n.name}（${KIND_TEXT[n.kind]}${n.isNew ? '，新建' : ''}）`}</Text>
                ))}
                {p.overlaps.map((o) => (
                  <Text key={`${o.a}-${o.b}`} className='grid-admin__line'>{`轻微重叠：${o.aName} 与 ${o.bName}（约 ${(o.share * 100).toFixed(1)}%）`}</Text>
                ))}
                {p.gaps.map((x) => (
                  <Text key={x.nodeId} className='grid-admin__line muted'>{`未被下级覆盖：${x.name} 约 ${(x.uncovered * 100).toFixed(1)}%`}</Text>
                ))}
                <Button type='primary' loading={g.busy === 'apply'} onClick={() => void g.apply()}>
                  确认应用
                </Button>
              </>
            ) : (
              <>
                <Text className='grid-admin__title error-text'>{`文件有 ${p.problems.length} 处问题，不能应用：`}</Text>
                {p.problems.map((x, i) => (
                  <Text key={i} className='grid-admin__line'>{`${x.line > 0 ? `第 ${x.line} 个要素` : '文件'}${x.ref ? `（${x.ref}）` : ''}：${x.message}`}</Text>
                ))}
              </>
            )}
          </View>
        ) : null}
      </View>
    </View>
  );
}
