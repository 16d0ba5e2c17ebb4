import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { Chip, ChipRow } from '../../components/chip';
import { EmptyState, ErrorState, LoadingState } from '../../components/page-state';
import { DESCRIPTION_MAX, useReport } from '../../hooks/use-report';
import './index.scss';

export default function ReportPage() {
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
    <View className='page report'>
      {/* Step 1: where */}
      <Text className='section-title'>1. 问题发生在哪个村（社区）？</Text>
      {village ? (
        <View className='card report__chosen'>
          <View className='report__chosen-row'>
            <Text className='report__chosen-name'>
              {village.townName} · {village.name}
            </Text>
            <Text className='report__change' onClick={() => r.chooseVillage(null)}>
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
        {!village ? (
          <Text className='muted'>请先选择村（社区）。</Text>
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

      {/* Step 3: what happened */}
      <Text className='section-title'>3. 说说具体情况</Text>
      <View className='card report__desc'>
        <TextArea
          className='report__textarea'
          value={r.description}
          onChange={r.changeDescription}
          placeholder='请描述您遇到的问题（500字以内）'
          maxLength={DESCRIPTION_MAX}
          showCount
          autoSize
          rows={5}
          status={r.errors.description ? 'error' : 'default'}
        />
      </View>
      {r.errors.description ? <Text className='error-text report__error'>{r.errors.description}</Text> : null}

      {r.errors.submit ? <Text className='error-text report__error'>{r.errors.submit}</Text> : null}
      <View className='actions'>
        <Button type='primary' size='xlarge' block loading={r.submitting} disabled={r.submitting} onClick={() => void r.submit()}>
          提交
        </Button>
      </View>
    </View>
  );
}
