/**
 * Supabase Realtime for a report page: a public broadcast topic per report ("report:QS-XXXX-XXXX") that the
 * database announces status changes on (migration 20261130160100, only where Realtime is installed). The
 * message carries nothing private; the page re-reads the report through report_by_code.
 */
import { getSupabase } from '../../lib/supabase/client.ts';

export function subscribeToReport(code: string, onChange: () => void): () => void {
  const client = getSupabase();
  const channel = client
    .channel(`report:${code}`)
    .on('broadcast', { event: 'changed' }, () => onChange())
    .subscribe();
  return () => {
    void client.removeChannel(channel);
  };
}
