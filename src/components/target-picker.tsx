import { Text, View } from '@tarojs/components';
import { Button, Cascader, Input } from '@nutui/nutui-react-taro';
import type { TargetLeaf, TargetOption } from '../services/target-tree';
import { Chip, ChipRow } from './chip';
import './target-picker.scss';

export interface TargetPickerProps {
  options: TargetOption[];
  loading: boolean;
  error: string | null;
  onRetry: () => void;
  query: string;
  onQuery: (q: string) => void;
  results: TargetLeaf[];
  label: string | null;
  open: boolean;
  onOpen: () => void;
  onClose: () => void;
  onPick: (id: string) => void;
  /** The words, where they differ from the staff's 承办单位 (the resident's report page). */
  texts?: Partial<typeof STAFF_TEXTS>;
}

const STAFF_TEXTS = {
  search: '搜索村（社区）、经济社或网格',
  picked: '承办单位：',
  none: '还没有选择承办单位',
  walk: '按村（社区）逐级选择',
  title: '选择承办单位',
  missing: '本镇的村（社区）名单没有取到，点此重试。',
};

/**
 * Where a concern goes (转派 / 派单): search by name, or walk the town's village → cooperative → grid tree
 * in a NutUI Cascader. The node that holds the concern now is not offered.
 */
export function TargetPicker(p: TargetPickerProps) {
  const t = { ...STAFF_TEXTS, ...p.texts };
  if (p.error) {
    return (
      <View className='handle__quick-error' role='button' onClick={p.onRetry}>
        <Text>{t.missing}</Text>
      </View>
    );
  }
  if (p.loading && p.options.length === 0) return <Text className='muted'>正在读取本镇村（社区）名单…</Text>;
  return (
    <View className='target-picker'>
      <Input className='target-picker__search' value={p.query} onChange={p.onQuery} placeholder={t.search} clearable />
      {p.query.trim() && p.results.length === 0 ? <Text className='muted'>没有找到名称含“{p.query.trim()}”的单位。</Text> : null}
      {p.results.length > 0 ? (
        <ChipRow>
          {p.results.map((r) => (
            <Chip key={r.id} selected={false} onTap={() => p.onPick(r.id)}>
              {r.label}
            </Chip>
          ))}
        </ChipRow>
      ) : null}
      <View className='target-picker__row'>
        <Text className={p.label ? 'target-picker__picked' : 'muted'}>{p.label ? `${t.picked}${p.label}` : t.none}</Text>
        <Button size='small' fill='outline' onClick={p.onOpen}>
          {p.label ? '重新选择' : t.walk}
        </Button>
      </View>
      <Cascader
        visible={p.open}
        title={t.title}
        options={p.options}
        closeable
        onClose={p.onClose}
        onChange={(value) => {
          const id = value[value.length - 1];
          if (id !== undefined) p.onPick(String(id));
        }}
      />
    </View>
  );
}
