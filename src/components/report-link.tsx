import { Text, View } from '@tarojs/components';
import { useContentReport } from '../hooks/use-content-report';
import './report-link.scss';

/** The per-item 举报 link of a published text someone else wrote: a concern's description, or one message of its thread. */
export function ReportLink({ concernId, messageId, label }: { concernId: string; messageId?: string; label: string }) {
  const { busy, report } = useContentReport(messageId === undefined ? { concernId } : { concernId, messageId });
  return (
    <View className={`report-link${busy ? ' report-link--busy' : ''}`} role='button' aria-label={label} onClick={() => void report()}>
      <Text>举报</Text>
    </View>
  );
}
