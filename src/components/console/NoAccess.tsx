/** @jsxImportSource react */
/** A signed-in account without a console role: say so politely, and how to get one. */
import { useState } from 'react';
import { currentIdentity, signOut, type StaffIdentity } from '../../lib/supabase/console.ts';
import { useWords } from './context.ts';
import { Notice } from './Form.tsx';

interface Props {
  identity: StaffIdentity;
  onChange: (identity: StaffIdentity | null) => void;
}

export default function NoAccess({ identity, onChange }: Props) {
  const { t } = useWords();
  const [stillNone, setStillNone] = useState(false);

  const checkAgain = async () => {
    // A role granted meanwhile reaches this session with a fresh token.
    const refreshed = await currentIdentity(true);
    if (refreshed?.role) onChange(refreshed);
    else setStillNone(true);
  };

  return (
    <section className="c-narrow">
      <h1 tabIndex={-1}>{t('console.noAccess.title')}</h1>
      <p>{t('console.noAccess.body', { email: identity.email })}</p>
      <p>{t('console.noAccess.how')}</p>
      {stillNone && <Notice kind="error" message={t('console.noAccess.stillNone')} />}
      <div className="c-actions">
        <button type="button" className="button" onClick={() => void checkAgain()}>
          {t('console.noAccess.checkAgain')}
        </button>
        <button
          type="button"
          className="button c-button--secondary"
          onClick={() => void signOut().then(() => onChange(null))}
        >
          {t('console.signOut')}
        </button>
      </div>
    </section>
  );
}
