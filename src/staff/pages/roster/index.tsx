import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Chip, ChipRow } from '../../../components/chip';
import { ErrorState, LoadingState } from '../../../components/page-state';
import { RosterImportCard } from '../../../components/roster-import-card';
import { useElderClass } from '../../../hooks/use-elder';
import { useRoster } from '../../../hooks/use-roster';
import { roleText } from '../../../services/status-text';
import './index.scss';

/** 人员名单 (issue 19): the town admin lists, searches, adds and removes the town's people. */
export default function RosterPage() {
  const elder = useElderClass();
  const r = useRoster();
  if (r.base.loading && !r.base.data) return <LoadingState text='正在读取人员名单…' />;
  if (r.base.error || !r.base.data) return <ErrorState message={r.base.error ?? '没有取到人员名单，请点“重试”。'} onRetry={() => void r.base.reload()} />;
  const { places, offices } = r.base.data;
  const view = r.roster.data;

  return (
    <View className={`page roster${elder}`}>
      <View className='card roster__search'>
        <Input value={r.query} onChange={r.setQuery} placeholder='按姓名、手机号或所在单位搜索' aria-label='搜索人员' clearable />
        <Button type='default' onClick={r.search}>
          搜索
        </Button>
      </View>

      {r.removal ? (
        <View className='card roster__removal'>
          <Text className='roster__title'>{`已移除：${r.removal.removed.name}（${r.removal.removed.nodeName}）`}</Text>
          <Text className='muted'>{r.removal.othersRemain ? '该单位还有其他工作人员，待办诉求由他们继续办理。' : '该单位已没有工作人员，以下诉求暂无人办理，请尽快添加接替人员。'}</Text>
          {r.removal.openConcerns.map((c) => (
            <Text className='roster__line' key={c.id}>{`${c.categoryName} · ${c.placeName}`}</Text>
          ))}
        </View>
      ) : null}

      {r.actionError ? <Text className='error-text roster__error'>{r.actionError}</Text> : null}

      <View className='roster__table'>
        {(view?.items ?? []).map((m) => (
          <View className='card roster__row' key={m.openid}>
            <Text className='roster__name'>{m.name}</Text>
            <Text className='roster__cell'>{roleText(m.role)}</Text>
            <Text className='roster__cell'>{m.nodeName}</Text>
            <Text className='roster__cell muted'>{m.phone ?? '—'}</Text>
            {m.self ? (
              <Text className='roster__cell muted'>本人</Text>
            ) : (
              <Button type='default' size='small' loading={r.busy === `remove:${m.openid}`} onClick={() => void r.remove(m.openid, m.name)}>
                {`移除${m.name}`}
              </Button>
            )}
          </View>
        ))}
      </View>

      {(view?.pending ?? []).length > 0 ? (
        <View className='card'>
          <Text className='roster__title'>待本人登录绑定</Text>
          {view!.pending.map((p) => (
            <View className='roster__row' key={p.phone}>
              <Text className='roster__name'>{p.name}</Text>
              <Text className='roster__cell'>{`${roleText(p.role)} · ${p.nodeName} · ${p.phone}`}</Text>
              <Button type='default' size='small' onClick={() => void r.dropPending(p.phone)}>
                {`撤销${p.name}`}
              </Button>
            </View>
          ))}
        </View>
      ) : null}

      <View className='card roster__form'>
        <Text className='roster__title'>添加人员</Text>
        <Text className='muted'>按手机号添加：对方用这个手机号登录小程序后即成为工作人员。</Text>
        <Input value={r.form.name} onChange={(v) => r.setForm({ ...r.form, name: v })} placeholder='姓名' aria-label='姓名' />
        <Input type='number' value={r.form.phone} onChange={(v) => r.setForm({ ...r.form, phone: v })} placeholder='手机号' aria-label='手机号' />
        <ChipRow>
          {(['staff', 'office', 'admin'] as const).map((role) => (
            <Chip key={role} selected={r.form.role === role} onTap={() => r.setForm({ ...r.form, role, nodeId: (role === 'office') === (r.form.role === 'office') ? r.form.nodeId : '' })}>
              {roleText(role)}
            </Chip>
          ))}
        </ChipRow>
        <Text className='muted'>{r.form.role === 'office' ? '所在职能办' : '所在单位'}</Text>
        <ChipRow>
          {(r.form.role === 'office' ? offices : places).map((p) => (
            <Chip key={p.id} selected={r.form.nodeId === p.id} onTap={() => r.setForm({ ...r.form, nodeId: p.id })}>
              {p.label}
            </Chip>
          ))}
        </ChipRow>
        {r.form.role === 'office' && offices.length === 0 ? <Text className='muted'>本镇街还没有职能办，暂不能添加职能办人员。</Text> : null}
        <Button type='primary' block loading={r.busy === 'save'} disabled={!r.form.name || !r.form.phone || !r.form.nodeId} onClick={() => void r.save()}>
          保存人员
        </Button>
      </View>

      <RosterImportCard onApplied={r.roster.reload} />

      {(view?.departed ?? []).length > 0 ? (
        <View className='card'>
          <Text className='roster__title'>已移除（办理记录保留）</Text>
          {view!.departed.map((d) => (
            <Text className='roster__line muted' key={`${d.openid}${d.removedAt}`}>{`${d.name} · ${d.nodeName}`}</Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}
