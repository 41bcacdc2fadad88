/** @jsxImportSource react */
/** Inserts a ready-made public note for this status change (and category) in the page's language. */
import { useState } from 'react';
import type { ReportStatus } from '../../lib/supabase/reports.ts';
import { useWords } from './context.ts';
import { useTemplates } from './data.ts';

interface Props {
  id: string;
  toStatus: ReportStatus;
  category: string | null;
  onInsert: (text: string) => void;
}

export default function TemplatePicker({ id, toStatus, category, onInsert }: Props) {
  const { t, locale } = useWords();
  const templates = useTemplates().filter(
    (x) => x.to_status === toStatus && (x.category_code === null || x.category_code === category),
  );
  const [chosen, setChosen] = useState('');
  if (templates.length === 0) return null;
  const insert = () => {
    const template = templates.find((x) => x.id === (chosen || templates[0]?.id));
    if (template) onInsert(locale === 'en' ? template.body_en : template.body_zh);
  };
  return (
    <div className="c-template">
      <label className="c-label" htmlFor={id}>
        {t('console.template.label')}
      </label>
      <div className="c-inline">
        <select id={id} className="c-select" value={chosen} onChange={(e) => setChosen(e.target.value)}>
          {templates.map((x) => (
            <option key={x.id} value={x.id}>
              {locale === 'en' ? x.title_en : x.title_zh}
            </option>
          ))}
        </select>
        <button type="button" className="button c-button--secondary" onClick={insert}>
          {t('console.template.insert')}
        </button>
      </div>
    </div>
  );
}
