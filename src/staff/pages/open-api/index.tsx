import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { Chip, ChipRow } from '../../../components/chip';
import { ErrorState, LoadingState } from '../../../components/page-state';
import { useElderClass } from '../../../hooks/use-elder';
import { useOpenApi } from '../../../hooks/use-open-api';
import './index.scss';

const SOURCE_TEXT = { '12345': '12345热线平台', open311: '其他系统（Open311）' } as const;
const READS_TEXT = { own: '只读回自己提交的诉求', scope: '可读所辖镇街全部诉求' } as const;

/** 开放接口 (issue 19): the admin lists the town's Open311 clients, creates one (key shown once) and revokes one. */
export default function OpenApiPage() {
  const elder = useElderClass();
  const s = useOpenApi();
  if (s.base.loading && !s.base.data) return <LoadingState text='正在读取接口客户端…' />;
  if (s.base.error || !s.base.data) return <ErrorState message={s.base.error ?? '没有取到接口客户端，请点“重试”。'} onRetry={() => void s.base.reload()} />;
  const { towns, clients } = s.base.data;
  const townName = (id: string) => towns.find((t) => t.id === id)?.label ?? id;

  return (
    <View className={`page open-api${elder}`}>
      {s.newKey ? (
        <View className='card open-api__key'>
          <Text className='open-api__title'>{`“${s.newKey.name}”的密钥`}</Text>
          <Text className='open-api__secret' selectable>
            {s.newKey.key}
          </Text>
          <Text className='muted'>密钥只显示这一次，请立即复制并交给对方系统的管理员保管。遗失后只能吊销并重新新建。</Text>
          <Button type='default' size='small' onClick={() => void s.copyKey()}>
            复制密钥
          </Button>
        </View>
      ) : null}

      <View className='card open-api__form'>
        <Text className='open-api__title'>新建接口客户端</Text>
        <Input value={s.form.name} onChange={(v) => s.setForm({ ...s.form, name: v })} placeholder='名称，如：区12345热线平台' aria-label='名称' />
        <ChipRow>
          {(['open311', '12345'] as const).map((k) => (
            <Chip key={k} selected={s.form.source === k} onTap={() => s.setForm({ ...s.form, source: k })}>
              {SOURCE_TEXT[k]}
            </Chip>
          ))}
        </ChipRow>
        <ChipRow>
          {(['own', 'scope'] as const).map((k) => (
            <Chip key={k} selected={s.form.reads === k} onTap={() => s.setForm({ ...s.form, reads: k })}>
              {READS_TEXT[k]}
            </Chip>
          ))}
        </ChipRow>
        {towns.length > 1 ? (
          <>
            <Text className='muted'>服务的镇街</Text>
            <ChipRow>
              {towns.map((t) => (
                <Chip key={t.id} selected={s.form.townIds.includes(t.id)} onTap={() => s.toggleTown(t.id)}>
                  {t.label}
                </Chip>
              ))}
            </ChipRow>
          </>
        ) : null}
        <Text className='muted'>每分钟最多调用次数</Text>
        <Input type='number' value={s.form.requestsPerMinute} onChange={(v) => s.setForm({ ...s.form, requestsPerMinute: v })} placeholder='不填则用默认值' aria-label='每分钟最多调用次数' />
        <Text className='muted'>每小时最多提交诉求数</Text>
        <Input type='number' value={s.form.postsPerHour} onChange={(v) => s.setForm({ ...s.form, postsPerHour: v })} placeholder='不填则用默认值' aria-label='每小时最多提交诉求数' />
        <Button type='primary' block loading={s.busy === 'create'} disabled={!s.form.name} onClick={() => void s.create()}>
          新建
        </Button>
      </View>

      {s.actionError ? <Text className='error-text open-api__error'>{s.actionError}</Text> : null}

      {clients.length === 0 ? <Text className='muted open-api__empty'>还没有接口客户端。</Text> : null}
      {clients.map((c) => (
        <View className='card open-api__client' key={c.id}>
          <Text className='open-api__title'>{c.name}</Text>
          <Text className='muted'>{`${SOURCE_TEXT[c.source]} · ${READS_TEXT[c.reads]}`}</Text>
          <Text className='muted'>{`镇街：${c.townIds.map(townName).join('、')} · 每分钟 ${c.requestsPerMinute} 次 · 每小时 ${c.postsPerHour} 条`}</Text>
          {c.revokedAt ? (
            <Text className='open-api__revoked'>已吊销</Text>
          ) : (
            <Button type='default' size='small' loading={s.busy === `revoke:${c.id}`} onClick={() => void s.revoke(c.id, c.name)}>
              {`吊销${c.name}`}
            </Button>
          )}
        </View>
      ))}
    </View>
  );
}
