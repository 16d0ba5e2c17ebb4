import { Text, View } from '@tarojs/components';
import { Button, Input } from '@nutui/nutui-react-taro';
import { ErrorState, LoadingState } from '../../../components/page-state';
import { useElderClass } from '../../../hooks/use-elder';
import { useTowns } from '../../../hooks/use-towns';
import './index.scss';

/** 镇街管理 (issue 19): the district admin creates and renames towns and appoints or removes each town's admins. */
export default function TownsPage() {
  const elder = useElderClass();
  const s = useTowns();
  if (s.base.loading && !s.base.data) return <LoadingState text='正在读取镇街…' />;
  if (s.base.error || !s.base.data) return <ErrorState message={s.base.error ?? '没有取到镇街，请点“重试”。'} onRetry={() => void s.base.reload()} />;
  const { district, towns } = s.base.data;

  return (
    <View className={`page towns${elder}`}>
      {district ? (
        <View className='card towns__form'>
          <Text className='towns__title'>新建镇街</Text>
          <Input value={s.form.name} onChange={(v) => s.setForm({ ...s.form, name: v })} placeholder='镇街名称' aria-label='镇街名称' />
          <Input value={s.form.code} onChange={(v) => s.setForm({ ...s.form, code: v })} placeholder='编码（选填，如 shishan）' aria-label='镇街编码' />
          <Button type='primary' block loading={s.busy === 'create'} disabled={s.form.name.trim() === ''} onClick={() => void s.create()}>
            新建镇街
          </Button>
        </View>
      ) : (
        <Text className='muted towns__line'>镇街的新建和管理员任免由区级管理员负责。</Text>
      )}

      {s.notice ? <Text className='towns__line'>{s.notice}</Text> : null}
      {s.actionError ? <Text className='error-text towns__line'>{s.actionError}</Text> : null}

      {towns.map((t) => {
        const a = s.appoint[t.id] ?? { phone: '', name: '' };
        return (
          <View className='card towns__town' key={t.id}>
            <View className='towns__cell'>
              <Text className='towns__title'>{t.name}</Text>
              <Text className='muted'>{`${t.code ? `编码 ${t.code} · ` : ''}${t.villages} 个村（社区）${t.hasBoundary ? '' : ' · 未导入边界'}${t.retiredAt ? ' · 已撤销' : ''}`}</Text>
            </View>
            <View className='towns__cell'>
              <Text className='towns__line'>{`管理员：${t.admins.map((x) => `${x.name}${x.pending ? '（待本人登录）' : ''}`).join('、') || '未任命'}`}</Text>
              {district
                ? t.admins
                    .filter((x) => x.phone !== null)
                    .map((x) => (
                      <Button key={x.phone ?? x.name} size='small' type='default' fill='outline' loading={s.busy === `admins:${t.id}`} onClick={() => void s.removeAdmin(t, x.phone as string, x.name)}>
                        {`免去${x.name}`}
                      </Button>
                    ))
                : null}
            </View>
            {district ? (
              <View className='towns__cell'>
                <Input value={s.names[t.id] ?? t.name} onChange={(v) => s.setName(t.id, v)} placeholder='镇街名称' aria-label={`${t.name}的名称`} />
                <Button size='small' type='default' loading={s.busy === `rename:${t.id}`} onClick={() => void s.rename(t)}>
                  {`保存${t.name}名称`}
                </Button>
                <Input type='number' value={a.phone} onChange={(v) => s.setAppoint(t.id, { ...a, phone: v })} placeholder='管理员手机号' aria-label={`${t.name}管理员手机号`} />
                <Input value={a.name} onChange={(v) => s.setAppoint(t.id, { ...a, name: v })} placeholder='管理员姓名' aria-label={`${t.name}管理员姓名`} />
                <Button size='small' type='primary' loading={s.busy === `admins:${t.id}`} disabled={a.phone.trim() === '' || a.name.trim() === ''} onClick={() => void s.addAdmin(t)}>
                  {`任命${t.name}管理员`}
                </Button>
              </View>
            ) : null}
          </View>
        );
      })}
    </View>
  );
}
