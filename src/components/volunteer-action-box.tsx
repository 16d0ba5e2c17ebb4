import { Text, View } from '@tarojs/components';
import { Button } from '@nutui/nutui-react-taro';
import type { ConcernDetail } from '../../core/views';
import { useVolunteerAction } from '../hooks/use-volunteer-action';
import { Chip, ChipRow } from './chip';

const STEP_TEXT = { draft: '待队长安排时间', scheduled: '已安排志愿活动', reported: '志愿服务队已反馈结果', resolved: '已据此办结', cancelled: '志愿行动已取消' } as const;

/**
 * The handling page's volunteer-action card (issue 20): hand the concern to a volunteer team of its place,
 * follow the action, and resolve with the team's result in one step. The handler stays accountable: the
 * concern's clocks keep running while the team works.
 */
export function VolunteerActionBox({ concern, canResolve, onChanged }: { concern: ConcernDetail; canResolve: boolean; onChanged: () => void }) {
  const v = useVolunteerAction(concern.id, concern.placeId, onChanged);
  // A concern served before actions existed carries no field: no action.
  const a = concern.volunteerAction ?? null;
  const open = a !== null && (a.status === 'draft' || a.status === 'scheduled' || a.status === 'reported');
  if (!canResolve && !open) return null;
  return (
    <View className='card reply-box' aria-label='志愿行动'>
      <Text className='reply-box__title'>志愿行动</Text>
      {a ? <Text>{`已交由${a.teamName}处理：${STEP_TEXT[a.status]}`}</Text> : null}
      {a?.status === 'reported' && canResolve ? (
        <Button type='primary' block loading={v.busy === 'resolve'} disabled={v.busy !== null} onClick={() => void v.resolve(a.id)}>
          据志愿行动结果办结
        </Button>
      ) : null}
      {!open && canResolve ? (
        v.teams === null ? (
          <Button type='default' block loading={v.busy === 'teams'} disabled={v.busy !== null} onClick={() => void v.openPicker()}>
            发起志愿行动
          </Button>
        ) : (
          <View>
            <Text>{v.teams.length === 0 ? '本村居、经济社暂无志愿服务队。' : '请选择志愿服务队（办理时限照常计算）：'}</Text>
            <ChipRow>
              {v.teams.map((t) => (
                <Chip key={t.id} selected={v.teamId === t.id} onTap={() => v.setTeamId(t.id)}>
                  {t.name}
                </Chip>
              ))}
            </ChipRow>
            <Button type='primary' block loading={v.busy === 'start'} disabled={v.busy !== null || v.teamId === null} onClick={() => void v.start()}>
              交由该队处理
            </Button>
          </View>
        )
      ) : null}
      {v.actionError ? <Text className='error-text'>{v.actionError}</Text> : null}
    </View>
  );
}
