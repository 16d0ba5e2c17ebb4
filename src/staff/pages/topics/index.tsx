import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { TOPIC_LIMITS } from '../../../../core/labels';
import { Chip, ChipRow } from '../../../components/chip';
import { PhotoPicker } from '../../../components/photo-picker';
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state';
import { TopicCard } from '../../../components/topic-card';
import { TopicTownSetting } from '../../../components/topic-town-setting';
import { useElderClass } from '../../../hooks/use-elder';
import { useTopicAdmin } from '../../../hooks/use-topic-admin';
import { PERIOD_DAYS } from '../../../services/topic-text';
import './index.scss';

export default function TopicAdminPage() {
  const elder = useElderClass();
  const a = useTopicAdmin();
  if ((a.me.loading && !a.me.data) || (a.topics.loading && !a.topics.data)) return <LoadingState />;
  if (a.topics.error || !a.topics.data) return <ErrorState message={a.topics.error ?? '没有取到议题，请点“重试”。'} onRetry={() => void a.topics.reload()} />;
  return (
    <View className={`page topic-admin${elder}`}>
      {a.places.length === 0 ? (
        <EmptyState text='您的账号不属于某个村（社区）或经济社的委员会，不能发起议题。' />
      ) : (
        <View className='card topic-admin__form'>
          <Text className='section-title'>发起议题</Text>
          <ChipRow>
            {a.places.map((p) => (
              <Chip key={p.id} selected={a.placeId === p.id} onTap={() => a.setPlaceId(p.id)}>
                {p.name}
              </Chip>
            ))}
          </ChipRow>
          <Input value={a.title} onChange={a.setTitle} placeholder='议题，例如：村口空地怎么用' maxLength={TOPIC_LIMITS.titleMax} />
          <TextArea value={a.background} onChange={a.setBackground} placeholder='背景介绍' maxLength={TOPIC_LIMITS.backgroundMax} autoSize />
          <PhotoPicker upload={a.photos} />
          <Text className='muted'>投票选项（不填则只讨论、不投票）</Text>
          {a.options.map((o, i) => (
            <Input key={i} value={o} onChange={(v) => a.setOption(i, v)} placeholder={`选项${i + 1}`} maxLength={TOPIC_LIMITS.optionMax} />
          ))}
          {a.options.length < TOPIC_LIMITS.optionsMax ? (
            <Button size='small' fill='outline' onClick={a.addOption}>
              再加一个选项
            </Button>
          ) : null}
          <ChipRow>
            {PERIOD_DAYS.map((d) => (
              <Chip key={d} selected={a.days === d} onTap={() => a.setDays(d)}>{`议事${d}天`}</Chip>
            ))}
          </ChipRow>
          <ChipRow>
            <Chip selected={a.requireVerified} onTap={() => a.setRequireVerified(!a.requireVerified)}>
              只限认证居民投票
            </Chip>
          </ChipRow>
          {a.actionError ? <Text className='error-text'>{a.actionError}</Text> : null}
          <Button type='primary' block disabled={a.title.trim() === ''} loading={a.busy === 'create'} onClick={() => void a.create()}>
            发起议题
          </Button>
          <Button block fill='outline' onClick={() => void a.openResidents(a.placeId ?? '')}>
            居民认证（户籍/常住）
          </Button>
        </View>
      )}
      {a.me.data?.role === 'admin' ? <TopicTownSetting /> : null}
      <Text className='section-title'>本委员会的议题</Text>
      {a.topics.data.items.length === 0 ? <EmptyState text='还没有议题。' /> : a.topics.data.items.map((t) => <TopicCard key={t.id} t={t} onTap={() => void a.open(t.id)} />)}
    </View>
  );
}
