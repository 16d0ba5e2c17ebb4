import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import type { CategoryKind } from '../../../../core/model';
import { Chip, ChipRow } from '../../../components/chip';
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state';
import { useCategoryAdmin } from '../../../hooks/use-category-admin';
import { useElderClass } from '../../../hooks/use-elder';
import './index.scss';

const KINDS: ReadonlyArray<[CategoryKind, string]> = [
  ['consult', '咨询'],
  ['help', '求助'],
  ['suggest', '建议'],
  ['complaint', '投诉'],
  ['report', '举报'],
];

/** 诉求类别 (issue 19): a town's categories, their kind,办理时限 and on/off; quick replies are one tap away. */
export default function CategoriesPage() {
  const elder = useElderClass();
  const c = useCategoryAdmin();
  if (c.base.loading && !c.base.data) return <LoadingState text='正在读取诉求类别…' />;
  if (c.base.error || !c.base.data) return <ErrorState message={c.base.error ?? '没有取到诉求类别，请点“重试”。'} onRetry={() => void c.base.reload()} />;
  const items = c.list.data?.items ?? [];
  const offices = c.list.data?.offices ?? [];

  return (
    <View className={`page categories${elder}`}>
      {c.base.data.towns.length > 1 ? (
        <View className='card'>
          <ChipRow>
            {c.base.data.towns.map((t) => (
              <Chip key={t.id} selected={c.townId === t.id} onTap={() => c.setTownId(t.id)}>
                {t.label}
              </Chip>
            ))}
          </ChipRow>
        </View>
      ) : null}
      <Button type='default' fill='outline' block onClick={() => void c.goTemplates()}>
        常用回复设置
      </Button>
      <Text className='muted categories__hint'>时限留空即按类型默认：咨询 2 个工作日办结，求助、建议 10 个，投诉、举报 15 个；签收默认 4 个工作小时。</Text>
      {c.actionError ? <Text className='error-text categories__error'>{c.actionError}</Text> : null}
      {c.list.loading && !c.list.data ? <LoadingState text='正在读取…' /> : null}
      {c.list.data && items.length === 0 ? <EmptyState text='本镇还没有诉求类别。' /> : null}
      <View className='categories__table'>
        {items.map((cat) => {
          const d = c.draft(cat);
          return (
            <View className='card categories__row' key={cat.code} aria-label={`类别${cat.name}`}>
              <Input value={d.name} onChange={(v) => c.edit(cat, { name: v })} aria-label={`${cat.name}的名称`} />
              <ChipRow>
                {KINDS.map(([kind, label]) => (
                  <Chip key={kind} selected={d.kind === kind} onTap={() => c.edit(cat, { kind })}>
                    {label}
                  </Chip>
                ))}
              </ChipRow>
              <Text className='muted'>牵头职能办</Text>
              <ChipRow>
                <Chip selected={d.leadOfficeCode === null} onTap={() => c.edit(cat, { leadOfficeCode: null })}>
                  不设
                </Chip>
                {offices.map((o) => (
                  <Chip key={o.code} selected={d.leadOfficeCode === o.code} onTap={() => c.edit(cat, { leadOfficeCode: o.code })}>
                    {o.name}
                  </Chip>
                ))}
              </ChipRow>
              <Text className='muted'>办理时限</Text>
              <Input type='digit' value={d.ackHours} onChange={(v) => c.edit(cat, { ackHours: v })} placeholder='签收时限（工作小时）' aria-label={`${cat.name}的签收时限`} />
              <Input type='digit' value={d.resolveDays} onChange={(v) => c.edit(cat, { resolveDays: v })} placeholder='办结时限（工作日）' aria-label={`${cat.name}的办结时限`} />
              <Chip selected={d.enabled} onTap={() => c.edit(cat, { enabled: !d.enabled })}>
                {d.enabled ? '启用中' : '已停用'}
              </Chip>
              <Button type='primary' size='small' loading={c.busy === `save:${cat.code}`} onClick={() => void c.save(cat)}>
                {`保存${cat.name}`}
              </Button>
            </View>
          );
        })}
      </View>
    </View>
  );
}
