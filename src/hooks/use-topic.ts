import Taro, { usePullDownRefresh, useRouter, useShareAppMessage } from '@tarojs/taro';
import { useState } from 'react';
import { call } from '../services/api';
import { deadlineIn } from '../services/topic-text';
import { useOneAction } from './use-one-action';
import { useResource } from './use-resource';

/** One topic: its discussion, vote, supports and result; the committee's answer and decision. */
export function useTopic() {
  const id = useRouter().params.id ?? '';
  const topic = useResource(() => call('topic/get', { id }), { key: id });
  const town = topic.data?.townId ?? '';
  const categories = useResource(() => call('category/list', { townId: town }), { key: town, skip: !topic.data?.canManage });
  const action = useOneAction();
  const [comment, setComment] = useState('');
  const [replyTo, setReplyTo] = useState<{ id: string; name: string } | null>(null);
  const [reason, setReason] = useState('');
  const [options, setOptions] = useState('');
  const [days, setDays] = useState(7);
  const [decision, setDecision] = useState('');
  const [reasons, setReasons] = useState('');
  const [category, setCategory] = useState<string | null>(null);
  const [concern, setConcern] = useState('');
  const [teamId, setTeamId] = useState<string | null>(null);
  usePullDownRefresh(() => {
    void topic.reload().finally(() => Taro.stopPullDownRefresh());
  });
  useShareAppMessage(() => ({ title: topic.data ? `街坊议事：${topic.data.title}` : '街坊议事', path: `/yishi/pages/topic/index?id=${encodeURIComponent(id)}` }));

  const then = (key: string, send: () => Promise<unknown>) => action.run(key, async () => {
    await send();
    await topic.reload();
  });
  return {
    topic,
    categories,
    ...action,
    comment, setComment, replyTo, setReplyTo,
    reason, setReason, options, setOptions, days, setDays,
    decision, setDecision, reasons, setReasons, category, setCategory, concern, setConcern, teamId, setTeamId,
    goPlace: () => Taro.navigateTo({ url: '/yishi/pages/topics/index' }),
    vote: (optionId: string) => then('vote', () => call('topic/vote', { id, optionId })),
    support: () => then('support', () => call('topic/support', { id })),
    send: () =>
      then('comment', async () => {
        await call('topic/comment', { id, text: comment, ...(replyTo ? { parentId: replyTo.id } : {}) });
        setComment('');
        setReplyTo(null);
      }),
    answer: (accept: boolean) =>
      then(accept ? 'accept' : 'decline', () => {
        const labels = options.split('\n').map((s) => s.trim()).filter((s) => s !== '');
        return call('topic/answerProposal', { id, accept, reason, ...(accept ? { deadline: deadlineIn(days), options: labels } : {}) });
      }),
    decide: () =>
      then('decide', () => call('topic/decide', { id, decision, reasons, ...(category && concern.trim() ? { concerns: [{ category, description: concern, ...(teamId ? { teamId } : {}) }] } : {}) })),
  };
}
