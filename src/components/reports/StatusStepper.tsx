/**
 * The 已提交 → 受理 → 派单 → 处置中 → 办结 stepper. Each step says its state in words (not only by colour), the
 * current one carries aria-current="step", and a report that left the path says how, next to the steps.
 */
import type { PublicReport } from '../../lib/supabase/reports.ts';
import type { Translate } from './format.ts';
import { stepperFor } from './status.ts';

interface Props {
  t: Translate;
  report: PublicReport;
  reportHref: (code: string) => string;
}

export default function StatusStepper({ t, report, reportHref }: Props) {
  const stepper = stepperFor(
    report.status,
    report.updates.map((u) => u.to_status),
  );
  return (
    <div class="rp-status">
      <ol class="rp-stepper">
        {stepper.steps.map((step, i) => (
          <li
            key={step.stage}
            class={`rp-step rp-step--${step.state}`}
            aria-current={stepper.currentIndex === i ? 'step' : undefined}
          >
            <span class="rp-step__marker" aria-hidden="true">
              {step.state === 'done' ? '✓' : i + 1}
            </span>
            <span class="rp-step__label">{t(`reportPage.stage.${step.stage}`)}</span>
            <span class="visually-hidden">({t(`reportPage.stepState.${step.state}`)})</span>
          </li>
        ))}
      </ol>
      {stepper.outcome && (
        <div class={`rp-outcome rp-outcome--${stepper.outcome}`}>
          <p class="rp-outcome__title">{t(`reportPage.outcome.${stepper.outcome}`)}</p>
          {report.status === 'rejected' && report.reject_reason && (
            <p>
              {t('reportPage.outcome.reason')} {report.reject_reason}
            </p>
          )}
          {report.status === 'referred' && report.referred_to && (
            <p>
              {t('reportPage.outcome.referredTo')} {report.referred_to}
            </p>
          )}
          {report.status === 'duplicate' && report.duplicate_of_code && (
            <p>
              {t('reportPage.outcome.duplicateOf')}{' '}
              <a href={reportHref(report.duplicate_of_code)}>{report.duplicate_of_code}</a>
            </p>
          )}
        </div>
      )}
    </div>
  );
}
