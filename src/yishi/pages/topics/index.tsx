import { Text, View } from '@tarojs/components';
import { Button, Input, TextArea } from '@nutui/nutui-react-taro';
import { TOPIC_LIMITS } from '../../../../core/labels';
import { Chip, ChipRow } from '../../../components/chip';
import { PhotoPicker } from '../../../components/photo-picker';
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state';
import { TopicCard } from '../../../components/topic-card';
import { useElderClass } from '../../../hooks/use-elder';
import { useTopics } from '../../../hooks/use-topics';
import { shortTime } from '../../../services/format';
import './index.scss';

export default function TopicsPage() {
  const elder = useElderClass();
  const p = useTopics();
  const data = p.topics.data;
  if (p.topics.loading && !data) return <LoadingState text='正在读取议题…' />;
  if (p.topics.error || !data) return <ErrorState message={p.topics.error ?? '没有取到议题，请点“重试”。'} onRetry={() => void p.topics.reload()} />;
  const choosing = p.picking || !data.place;
  return (
    <View className={`page topics${elder}`}>
      <View className='card'>
        {data.place ? (
          <>
            <Text className='topics__place'>{`我住在：${data.place.placeName}`}</Text>
            <Text className='muted'>{`居住地每90天可修改一次（${shortTime(data.place.changeableFrom)}后可改）`}</Text>
            {!p.picking ? (
              <Button size='small' fill='outline' onClick={() => p.setPicking(true)}>
                修改居住地
              </Button>
            ) : null}
          </>
        ) : (
          <Text className='topics__place'>参与议事前，请先选择您居住的村（社区）和经济社。</Text>
        )}
      </View>
      {choosing ? (
        <View className='card'>
          {p.towns.map((t) => (
            <View key={t.townId}>
              <Text className='section-title'>{t.townName}</Text>
              <ChipRow>
                {t.villages.map((v) => (
                  <Chip key={v.id} selected={p.villageId === v.id} onTap={() => p.setVillageId(v.id)}>
                    {v.name}
                  </Chip>
                ))}
              </ChipRow>
            </View>
          ))}
          {p.village ? (
            <>
              <Text className='section-title'>{`${p.village.name}：选择经济社，或直接确认`}</Text>
              <ChipRow>
                {p.village.cooperatives.map((c) => (
                  <Chip key={c.id} selected={false} onTap={() => void p.setPlace(c.id)}>
                    {c.name}
                  </Chip>
                ))}
              </ChipRow>
              <Button type='primary' block loading={p.busy === 'place'} onClick={() => void p.setPlace(p.village!.id)}>
                {`我住在${p.village.name}`}
              </Button>
            </>
          ) : null}
        </View>
      ) : null}
      {p.actionError ? <Text className='error-text'>{p.actionError}</Text> : null}

      <Text className='section-title'>本村（社）议题</Text>
      {data.items.length === 0 ? <EmptyState text='暂时还没有议题。您可以在下面提出一个。' /> : data.items.map((t) => <TopicCard key={t.id} t={t} onTap={() => void p.open(t.id)} />)}

      {data.place ? (
        <View className='card topics__form'>
          <Text className='section-title'>我有一个提议</Text>
          <Text className='muted'>提议得到足够街坊支持后，村居委员会将在限期内答复是否纳入议事。</Text>
          <Input value={p.title} onChange={p.setTitle} placeholder='提议的事，例如：祠堂前增设路灯' maxLength={TOPIC_LIMITS.titleMax} />
          <TextArea value={p.background} onChange={p.setBackground} placeholder='为什么提、怎么做（可不填）' maxLength={TOPIC_LIMITS.backgroundMax} autoSize />
          <PhotoPicker upload={p.photos} />
          <Button type='primary' block disabled={p.title.trim() === ''} loading={p.busy === 'propose'} onClick={() => void p.propose()}>
            提交提议
          </Button>
        </View>
      ) : null}
    </View>
  );
}
