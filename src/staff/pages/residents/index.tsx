import { Text, View } from '@tarojs/components';
import { Button, Input, Tag } from '@nutui/nutui-react-taro';
import { EmptyState, ErrorState, LoadingState } from '../../../components/page-state';
import { useElderClass } from '../../../hooks/use-elder';
import { useResidents } from '../../../hooks/use-residents';
import { shortTime } from '../../../services/format';
import { VERIFIED_TEXT } from '../../../services/topic-text';
import './index.scss';

export default function ResidentsPage() {
  const elder = useElderClass();
  const r = useResidents();
  const items = r.list.data?.items ?? [];
  return (
    <View className={`page residents${elder}`}>
      <View className='card residents__search'>
        <Text className='muted'>这里列出在“街坊议事”里选择了本村（社）为居住地的居民。核实户籍或常住后点认证，只限认证居民投票的议题他们才能投票。</Text>
        <Input value={r.query} onChange={r.setQuery} placeholder='按姓名或经济社查找' maxLength={32} />
        <Button block onClick={r.search}>
          查找
        </Button>
      </View>
      {r.actionError ? <Text className='error-text'>{r.actionError}</Text> : null}
      {r.list.loading && !r.list.data ? <LoadingState /> : null}
      {r.list.error ? <ErrorState message={r.list.error} onRetry={() => void r.list.reload()} /> : null}
      {r.list.data && items.length === 0 ? <EmptyState text='没有找到居民。' /> : null}
      {items.map((x) => (
        <View key={x.openid} className='card residents__row'>
          <Text>{x.name || '（未留姓名）'}</Text>
          <Text className='muted'>{x.placeName}</Text>
          {x.verified ? <Tag type='success'>{`已认证：${VERIFIED_TEXT[x.verified]}`}</Tag> : <Tag type='default'>未认证</Tag>}
          {x.verifyRequestedAt ? <Tag type='warning'>{`${shortTime(x.verifyRequestedAt)} 申请认证`}</Tag> : null}
          {x.verified !== 'huji' ? (
            <Button size='small' type='primary' loading={r.busy === `${x.openid}:huji`} onClick={() => void r.verify(x.openid, 'huji')}>
              认证为户籍居民
            </Button>
          ) : null}
          {x.verified !== 'changzhu' ? (
            <Button size='small' loading={r.busy === `${x.openid}:changzhu`} onClick={() => void r.verify(x.openid, 'changzhu')}>
              认证为常住居民
            </Button>
          ) : null}
          {x.verified ? (
            <Button size='small' fill='none' loading={r.busy === `${x.openid}:none`} onClick={() => void r.verify(x.openid, 'none')}>
              取消认证
            </Button>
          ) : null}
        </View>
      ))}
    </View>
  );
}
