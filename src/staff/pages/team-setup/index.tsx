import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { Chip, ChipRow } from '../../../components/chip';
import { ErrorState, LoadingState } from '../../../components/page-state';
import { useElderClass } from '../../../hooks/use-elder';
import { useTeamSetup } from '../../../hooks/use-team-setup';
import { fullTime } from '../../../services/format';
import './index.scss';

/** 志愿队设置 (issue 19): the town admin creates a team for a village or cooperative and appoints its leaders. */
export default function TeamSetupPage() {
  const elder = useElderClass();
  const s = useTeamSetup();
  if (s.base.loading && !s.base.data) return <LoadingState text='正在读取志愿队…' />;
  if (s.base.error || !s.base.data) return <ErrorState message={s.base.error ?? '没有取到志愿队，请点“重试”。'} onRetry={() => void s.base.reload()} />;
  const { places, teams } = s.base.data;

  return (
    <View className={`page team-setup${elder}`}>
      <View className='card team-setup__form'>
        <Text className='team-setup__title'>新建志愿队</Text>
        <Text className='muted'>所属村（社区）或经济社</Text>
        <ChipRow>
          {places.map((p) => (
            <Chip key={p.id} selected={s.form.nodeId === p.id} onTap={() => s.setForm({ ...s.form, nodeId: p.id })}>
              {p.label}
            </Chip>
          ))}
        </ChipRow>
        <Input value={s.form.name} onChange={(v) => s.setForm({ ...s.form, name: v })} placeholder='队名' aria-label='队名' />
        <ChipRow>
          <Chip selected={s.form.kind === 'party_service'} onTap={() => s.setForm({ ...s.form, kind: 'party_service' })}>
            党群志愿服务队
          </Chip>
          <Chip selected={s.form.kind === 'neighbourhood'} onTap={() => s.setForm({ ...s.form, kind: 'neighbourhood' })}>
            街坊会
          </Chip>
        </ChipRow>
        <TextArea value={s.form.description} onChange={(v) => s.setForm({ ...s.form, description: v })} placeholder='简介（选填）' autoSize />
        <Button type='primary' block loading={s.busy === 'create'} disabled={!s.form.nodeId || !s.form.name} onClick={() => void s.create()}>
          新建志愿队
        </Button>
      </View>

      {s.actionError ? <Text className='error-text team-setup__error'>{s.actionError}</Text> : null}

      {teams.map((t) => {
        const saved = s.saved[t.id];
        if (t.archivedAt !== null) {
          return (
            <View className='card team-setup__team team-setup__team--archived' key={t.id}>
              <Text className='team-setup__title'>{t.name}</Text>
              <Text className='muted'>{`${t.placeName} · 于${fullTime(t.archivedAt)}撤销，服务记录保留`}</Text>
            </View>
          );
        }
        return (
          <View className='card team-setup__team' key={t.id}>
            <Text className='team-setup__title'>{t.name}</Text>
            <Text className='muted'>{t.placeName}</Text>
            {saved ? <Text className='team-setup__leaders'>{`队长：${saved.leaders.map((l) => l.name).join('、') || '未任命'}`}</Text> : null}
            <Input type='number' value={s.phones[t.id] ?? ''} onChange={(v) => s.setPhone(t.id, v)} placeholder='队长手机号（多人用逗号分开）' aria-label={`${t.name}的队长手机号`} />
            <Button type='default' size='small' loading={s.busy === `leaders:${t.id}`} onClick={() => void s.saveLeaders(t.id)}>
              {`任命${t.name}队长`}
            </Button>
            <Button type='default' size='small' loading={s.busy === `archive:${t.id}`} onClick={() => void s.archive(t.id, t.name)}>
              {`撤销${t.name}`}
            </Button>
          </View>
        );
      })}
    </View>
  );
}
