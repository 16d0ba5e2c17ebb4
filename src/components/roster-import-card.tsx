import { Text, View } from '@tarojs/components';
import { Button, TextArea } from '@nutui/nutui-react-taro';
import type { RosterChangeView } from '../../core/directory/roster-views';
import { useRosterImport } from '../hooks/use-roster-import';
import { roleText } from '../services/status-text';
import './roster-import-card.scss';

const who = (c: RosterChangeView) => `${c.name} · ${roleText(c.role)} · ${c.nodeName}${c.pending ? '（待本人登录绑定）' : ''}`;
const was = (c: RosterChangeView) => (c.before ? `原为：${c.before.name} · ${roleText(c.before.role)} · ${c.before.nodeName}` : '');

function Group({ title, items, detail }: { title: string; items: RosterChangeView[]; detail?: (c: RosterChangeView) => string }) {
  if (items.length === 0) return null;
  return (
    <View className='roster-import__group'>
      <Text className='roster-import__group-title'>{`${title}（${items.length} 人）`}</Text>
      {items.map((c) => (
        <View className='roster-import__item' key={`${c.openid ?? ''}:${c.phone ?? ''}`}>
          <Text>{who(c)}</Text>
          {detail ? <Text className='muted'>{detail(c)}</Text> : null}
        </View>
      ))}
    </View>
  );
}

/** 批量导入 on the roster page (issue 19, item 1): paste the file, see its changes, then 确认导入. */
export function RosterImportCard({ onApplied }: { onApplied: () => Promise<void> }) {
  const imp = useRosterImport(onApplied);
  const p = imp.preview;
  return (
    <View className='card roster-import'>
      <Text className='roster-import__title'>批量导入</Text>
      <Text className='muted'>粘贴名单文件（CSV，表头 openid,phone,name,role,node），先预览变化，确认后再导入。</Text>
      <TextArea value={imp.csv} onChange={imp.setCsv} placeholder='在此粘贴名单 CSV' aria-label='名单 CSV' maxLength={-1} rows={5} />
      <View className='roster-import__whole' onClick={imp.toggleWhole} role='checkbox' aria-checked={imp.whole ? 'true' : 'false'} aria-label='这是完整名单'>
        <View className={`roster-import__box${imp.whole ? ' roster-import__box--on' : ''}`}>{imp.whole ? <Text>✓</Text> : null}</View>
        <Text>这是完整名单：文件中没有的本镇人员将被移除</Text>
      </View>
      {imp.whole ? <Text className='muted'>先写入文件中的人员，再逐一移除其余人员；如中途中断，再次导入同一文件即可完成移除。</Text> : null}
      <Button type='default' loading={imp.busy === 'preview'} disabled={imp.csv.trim() === ''} onClick={() => void imp.runPreview()}>
        预览变化
      </Button>
      {imp.error ? <Text className='error-text'>{imp.error}</Text> : null}
      {imp.problems.map((line) => (
        <Text className='error-text roster-import__problem' key={line}>
          {line}
        </Text>
      ))}
      {p ? (
        <View className='roster-import__preview'>
          <Text className='roster-import__summary'>{`导入后：新增 ${p.added.length} 人，变更 ${p.changed.length} 人，移除 ${p.removed.length} 人`}</Text>
          <Group title='新增' items={p.added} />
          <Group title='变更' items={p.changed} detail={was} />
          <Group title='移除' items={p.removed} detail={() => '移除后其下一次操作起即不能再办理诉求，办理记录保留。'} />
          {imp.nothingToDo ? <Text className='muted'>名单与现有人员一致，无需导入。</Text> : null}
          {p.whole && p.removed.length > 0 && p.added.length + p.changed.length === 0 ? (
            <Text className='muted'>{`文件中的人员均已导入，尚待移除 ${p.removed.length} 人（如上次导入中断，确认导入即可完成）。`}</Text>
          ) : null}
          <Button type='primary' block loading={imp.busy === 'apply'} disabled={imp.nothingToDo} onClick={() => void imp.apply()}>
            确认导入
          </Button>
        </View>
      ) : null}
      {imp.done ? <Text className='roster-import__done'>{imp.done}</Text> : null}
    </View>
  );
}
