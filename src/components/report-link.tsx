import { Text, View } from '@tarojs/components';
import { useContentReport, type ReportTarget } from '../hooks/use-content-report';
import './report-link.scss';

type Props = { label: string } & ({ concernId: string; messageId?: string; finalReply?: true } | { eventId: string } | { topicCommentId: string });

/** The per-item 举报 link of a published text someone else wrote: a concern's description, one message of its thread, a board card's final reply, or a volunteer event's title and description. */
export function ReportLink(props: Props) {
  const { label } = props;
  const target: ReportTarget =
    'eventId' in props
      ? { eventId: props.eventId }
      : 'topicCommentId' in props
        ? { topicCommentId: props.topicCommentId }
      : props.messageId !== undefined
        ? { concernId: props.concernId, messageId: props.messageId }
        : props.finalReply
          ? { concernId: props.concernId, finalReply: props.finalReply }
          : { concernId: props.concernId };
  const { busy, report } = useContentReport(target);
  return (
    <View className={`report-link${busy ? ' report-link--busy' : ''}`} role='button' aria-label={label} onClick={() => void report()}>
      <Text>举报</Text>
    </View>
  );
}
