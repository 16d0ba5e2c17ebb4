import { Picker, Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import { useState } from 'react';
import type { AuditPersonView } from '../../core/views';
import type { AuditFilters } from '../hooks/use-audit';
import { AUDIT_ACTION_TEXT, auditActionText } from '../services/admin-text';
import { beijingDay } from '../services/format';
import { Chip, ChipRow } from './chip';

/** The moves a town admin looks for most; the rest behind 全部操作类型. */
const COMMON_ACTIONS = ['concern/accept', 'concern/reply', 'concern/resolve', 'concern/dispatch', 'concern/transfer', 'concern/return', 'concern/escalate', 'moderation/decide'];

export interface AuditFilterBarProps {
  filters: AuditFilters;
  people: AuditPersonView[];
  filtered: boolean;
  pickActor: (openid: string | null) => void;
  pickAction: (action: string | null) => void;
  pickDay: (day: string | null) => void;
  clear: () => void;
}

/** 操作记录's filters by person, action and day (issue 16, item 8); tapping the chosen one again clears it. */
export function AuditFilterBar(p: AuditFilterBarProps) {
  const [allActions, setAllActions] = useState(false);
  const now = new Date();
  const today = beijingDay(now);
  const yesterday = beijingDay(new Date(now.getTime() - 86_400_000));
  const actions = allActions ? Object.keys(AUDIT_ACTION_TEXT) : COMMON_ACTIONS;
  const picked = p.filters.action;
  return (
    <View className='card audit-filters' aria-label='筛选操作记录'>
      <Text className='audit-filters__label'>人员</Text>
      <ChipRow>
        {p.people.map((person) => (
          <Chip key={person.openid} selected={p.filters.actor === person.openid} onTap={() => p.pickActor(person.openid)}>
            {person.name}
          </Chip>
        ))}
      </ChipRow>
      <Text className='audit-filters__label'>操作</Text>
      <ChipRow>
        {(picked && !actions.includes(picked) ? [picked, ...actions] : actions).map((a) => (
          <Chip key={a} selected={picked === a} onTap={() => p.pickAction(a)}>
            {auditActionText(a)}
          </Chip>
        ))}
        <Chip selected={false} onTap={() => setAllActions((v) => !v)}>
          {allActions ? '只看常用操作' : '全部操作类型'}
        </Chip>
      </ChipRow>
      <Text className='audit-filters__label'>日期</Text>
      <ChipRow>
        <Chip selected={p.filters.day === today} onTap={() => p.pickDay(today)}>
          今天
        </Chip>
        <Chip selected={p.filters.day === yesterday} onTap={() => p.pickDay(yesterday)}>
          昨天
        </Chip>
        <Picker mode='date' value={p.filters.day ?? today} end={today} onChange={(e) => p.pickDay(String(e.detail.value))}>
          <Chip selected={p.filters.day !== null && p.filters.day !== today && p.filters.day !== yesterday} onTap={() => undefined}>
            {p.filters.day && p.filters.day !== today && p.filters.day !== yesterday ? p.filters.day : '选择日期'}
          </Chip>
        </Picker>
      </ChipRow>
      {p.filtered ? (
        <Button size='small' fill='outline' onClick={p.clear}>
          清除筛选
        </Button>
      ) : null}
    </View>
  );
}
