import { ACTION_FUNCTION, type ActionName } from '../../core/actions';
import { ACTION_POLICY } from '../../core/policy';
import { AUDIT_ACTION_TEXT, auditActionText, auditOutcomeText, heldKindText, subjectLink } from './admin-text';

describe('held content labels', () => {
  it.each([
    ['concern', '诉求内容'],
    ['message', '诉求留言'],
    ['event', '志愿活动'],
    ['cancelReason', '活动取消原因'],
    ['application', '入队申请留言'],
    ['somethingNew', '其他内容'],
  ])('names kind %s 「%s」', (kind, text) => {
    expect(heldKindText(kind)).toBe(text);
  });

  it.each([
    [{ kind: 'concern', id: 'c-1' }, '/pages/concern/index?id=c-1', '查看所属诉求'],
    [{ kind: 'event', id: 'e 2' }, '/volunteer/pages/event/index?id=e%202', '查看所属活动'],
    [{ kind: 'team', id: 't-3' }, '/volunteer/pages/team/index?id=t-3', '查看所属队伍'],
  ] as const)('links a held text of %j to the page that shows it', (subject, url, label) => {
    expect(subjectLink(subject)).toEqual({ url, label });
  });
});

describe('audit log labels', () => {
  it('has a Chinese label for every action the audit log can record (every write)', () => {
    const audited = (Object.keys(ACTION_FUNCTION) as ActionName[]).filter((a) => ACTION_POLICY[a].write);
    expect(audited.filter((a) => !AUDIT_ACTION_TEXT[a])).toEqual([]);
  });

  it('shows an unknown action under its raw name', () => {
    expect(auditActionText('concern/accept')).toBe('签收诉求');
    expect(auditActionText('future/thing')).toBe('future/thing');
  });

  it.each([
    ['ok', '成功'],
    ['AUTH.FORBIDDEN', '被拒绝（AUTH.FORBIDDEN）'],
    ['CONCERN.NOT_FOUND', '被拒绝（CONCERN.NOT_FOUND）'],
    ['CONCERN.CONFLICT', '未成功（CONCERN.CONFLICT）'],
  ])('says outcome %s as 「%s」', (outcome, text) => {
    expect(auditOutcomeText(outcome)).toBe(text);
  });
});
