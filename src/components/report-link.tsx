import { Text, View } from '@tarojs/components';
import { useContentReport, type ReportTarget } from '../hooks/use-content-report';
import './report-link.scss';

/** The per-item 举报 link of a published text someone else wrote: a concern's description, one message of its thread, or a board card's final reply. */
export function ReportLink({ concernId, messageId, finalReply, label }: { concernId: string; messageId?: string; finalReply?: true; label: string }) {
  const target: ReportTarget = messageId !== undefined ? { concernId, messageId } : finalReply ? { concernId, finalReply } : { concernId };
  const { busy, report } = useContentReport(target);
  return (
    <View className={`report-link${busy ? ' report-link--busy' : ''}`} role='button' aria-label={label} onClick={() => void report()}>
      <Text>举报</Text>
    </View>
  );
}
