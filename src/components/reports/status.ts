/**
 * How a report's status reads in public: its tone (colour group), and the five-stage stepper of the 12345
 * hotline style, 已提交 → 受理 → 派单 → 处置中 → 办结, with the ways a report can leave it.
 */
import type { ReportStatus } from '../../lib/supabase/reports.ts';

export const STAGES = ['submitted', 'accepted', 'assigned', 'in_progress', 'resolved'] as const;
export type Stage = (typeof STAGES)[number];

/** Still being handled: the city owes an answer and the deadline runs. */
export const OPEN_STATUSES: readonly ReportStatus[] = [
  'submitted',
  'accepted',
  'assigned',
  'in_progress',
  'reopened',
];

export function isOpen(status: ReportStatus): boolean {
  return OPEN_STATUSES.includes(status);
}

/** open: being handled; done: resolved or closed; stopped: rejected, duplicate or referred elsewhere. */
export type StatusTone = 'open' | 'done' | 'stopped';

export function statusTone(status: ReportStatus): StatusTone {
  if (status === 'resolved' || status === 'closed') return 'done';
  if (status === 'rejected' || status === 'duplicate' || status === 'referred') return 'stopped';
  return 'open';
}

export type StepState = 'done' | 'current' | 'todo';

export interface Stepper {
  steps: { stage: Stage; state: StepState }[];
  /** The step to mark aria-current, if any. */
  currentIndex: number | null;
  /** Set when the report left the normal path (or finished it): shown next to the stepper. */
  outcome: 'closed' | 'rejected' | 'duplicate' | 'referred' | 'reopened' | null;
}

const stageIndex = (status: ReportStatus): number => {
  if (status === 'closed') return 4;
  return (STAGES as readonly string[]).indexOf(status);
};

/**
 * The stepper for a status and the statuses it went through (its public history, oldest first).
 * Stages before the current one count as done even when skipped (accepted → in_progress skips 派单).
 */
export function stepperFor(status: ReportStatus, history: readonly ReportStatus[]): Stepper {
  const steps = (current: number, finished: boolean) =>
    STAGES.map((stage, i) => ({
      stage,
      state: (i < current || (finished && i === current)
        ? 'done'
        : i === current
          ? 'current'
          : 'todo') as StepState,
    }));

  if (status === 'reopened') {
    // Back to the start of handling: it waits to be accepted again.
    return { steps: steps(1, false), currentIndex: 1, outcome: 'reopened' };
  }
  if (status === 'rejected' || status === 'duplicate' || status === 'referred') {
    // Stopped where it had got to: those stages stay done, nothing is current.
    const reached = Math.max(0, ...history.map(stageIndex).filter((i) => i >= 0 && i < 4));
    return {
      steps: STAGES.map((stage, i) => ({ stage, state: i <= reached ? 'done' : 'todo' })),
      currentIndex: null,
      outcome: status,
    };
  }
  const index = stageIndex(status);
  const finished = status === 'resolved' || status === 'closed';
  return {
    steps: steps(index, finished),
    currentIndex: index,
    outcome: status === 'closed' ? 'closed' : null,
  };
}
