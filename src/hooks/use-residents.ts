import { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import type { VerificationKind } from '../../core/topics/topic-model';
import { call } from '../services/api';
import { useOneAction } from './use-one-action';
import { useResource } from './use-resource';

/** 居民认证: a committee's roster of the residents who stated its place; it marks them 户籍 or 常住. */
export function useResidents() {
  const placeId = useRouter().params.placeId ?? '';
  const [query, setQuery] = useState('');
  const [asked, setAsked] = useState('');
  const list = useResource(() => call('resident/list', { placeId, ...(asked ? { query: asked } : {}) }), { key: `${placeId}|${asked}`, skip: placeId === '' });
  const action = useOneAction();
  const verify = (openid: string, kind: VerificationKind | 'none') =>
    action.run(`${openid}:${kind}`, async () => {
      await call('resident/verify', { openid, kind });
      await list.reload();
    });
  return { placeId, list, query, setQuery, search: () => setAsked(query.trim()), verify, ...action };
}
