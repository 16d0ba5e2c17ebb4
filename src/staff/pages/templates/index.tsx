import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import { Chip, ChipRow } from '../../../components/chip';
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state';
import { TEMPLATE_MAX, TEMPLATES_MAX, useTemplates } from '../../../hooks/use-templates';
import { useElderClass } from '../../../hooks/use-elder';
import './index.scss';

/** The town admin edits the quick replies (常用回复) staff tap on the handling page, per category. */
export default function TemplatesPage() {
  const elder = useElderClass();
  const t = useTemplates();

  if (t.town.loading && !t.town.data) return <LoadingState text='正在读取常用回复…' />;
  if (t.town.error || !t.town.data) {
    return <ErrorState message={t.town.error ?? '没有取到本镇的常用回复，请点“重试”。'} onRetry={() => void t.town.reload()} />;
  }
  if (t.categories.length === 0) return <EmptyState text='本镇还没有设置问题类别，请先在后台导入类别，再来设置常用回复。' />;

  return (
    <View className={`page templates${elder}`}>
      <View className='card'>
        <Text className='templates__title'>选择问题类别</Text>
        <ChipRow>
          {t.categories.map((c) => (
            <Chip key={c.code} selected={t.category === c.code} onTap={() => t.pick(c.code)}>
              {c.name}
            </Chip>
          ))}
        </ChipRow>
      </View>

      <View className='card'>
        <Text className='templates__title'>常用回复</Text>
        <Text className='muted templates__hint'>{`办理人员在签收后的回复框下点一下即可填入。每类最多 ${TEMPLATES_MAX} 条，每条 ${TEMPLATE_MAX} 字以内。`}</Text>
        {t.draft.length === 0 ? <Text className='muted templates__none'>这一类还没有常用回复，点“添加一条”开始。</Text> : null}
        {t.draft.map((text, i) => (
          <View className='templates__row' key={i}>
            <TextArea
              value={text}
              onChange={(v) => t.edit(i, v)}
              placeholder={`第 ${i + 1} 条常用回复`}
              maxLength={TEMPLATE_MAX}
              autoSize
            />
            <Button type='default' size='small' onClick={() => t.remove(i)}>
              {`删除第 ${i + 1} 条`}
            </Button>
          </View>
        ))}
        {t.canAdd ? (
          <Button type='default' fill='outline' block onClick={t.add}>
            添加一条
          </Button>
        ) : (
          <Text className='muted'>{`已达 ${TEMPLATES_MAX} 条上限，删掉一条才能再添加。`}</Text>
        )}
      </View>

      {t.error ? <Text className='error-text templates__error'>{t.error}</Text> : null}
      <Button type='primary' size='large' block loading={t.saving} disabled={t.saving} onClick={() => void t.save()}>
        保存这一类
      </Button>
    </View>
  );
}
