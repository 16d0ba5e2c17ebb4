import { Tag } from '@nutui/nutui-react-taro';
import type { ConcernSummary } from '../../core/views';
import { statusTagType, statusText } from '../services/status-text';

/** A concern's tags in a list or the desk table: 超期 (when deadlines are shown), 已转出, and its status. */
export function ConcernTags({ item, showDue }: { item: ConcernSummary; showDue: boolean }) {
  return (
    <>
      {showDue && item.sla.overdue ? (
        <Tag type='danger' round>
          超期
        </Tag>
      ) : null}
      {item.passedOn ? (
        <Tag type='default' round>
          已转出
        </Tag>
      ) : null}
      <Tag type={statusTagType(item.status)} round>
        {statusText(item.status)}
      </Tag>
    </>
  );
}
