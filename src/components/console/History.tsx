/** @jsxImportSource react */
/** Every status change with its public and internal notes and who made it, oldest first. */
import type { ConsoleReport } from '../../lib/supabase/console.ts';
import { statusLabel, useConsole } from './context.ts';
import { dynamicKey } from './messages.ts';
import { when } from './format.ts';

export default function History({ report }: { report: ConsoleReport }) {
  const { t, messages, locale } = useConsole();
  return (
    <ol className="c-history">
      {report.updates.map((u) => (
        <li key={u.id}>
          <p className="c-history__what">
            <strong>
              {u.from_status
                ? t('console.history.change', {
                    from: statusLabel(t, messages, u.from_status),
                    to: statusLabel(t, messages, u.to_status),
                  })
                : t('console.history.submitted')}
            </strong>
          </p>
          <p className="meta">
            <time dateTime={u.created_at}>{when(locale, u.created_at)}</time> ·{' '}
            {u.actor_email ?? t(dynamicKey(messages, `console.role.${u.actor_role}`, 'console.role.system'))}
          </p>
          {u.public_note && (
            <p>
              <span className="c-note-label">{t('console.history.publicNote')}</span> {u.public_note}
            </p>
          )}
          {u.internal_note && (
            <p className="c-internal">
              <span className="c-note-label">{t('console.history.internalNote')}</span> {u.internal_note}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
