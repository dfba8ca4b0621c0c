/** How a long job (building and saving documents) stands: progress while it runs, then what came of it. */
export type JobStatus =
  | { phase: 'idle' }
  | { phase: 'working'; done: number; total: number; label: string }
  | { phase: 'done'; message: string }
  | { phase: 'failed'; message: string };

export function JobStatusView({ status, doneTestId }: { status: JobStatus; doneTestId?: string }) {
  switch (status.phase) {
    case 'working':
      return (
        <div className="notice" role="status">
          <label>
            {status.label}
            <progress max={status.total || 1} value={status.done} />
          </label>
        </div>
      );
    case 'done':
      return (
        <p className="notice success" role="status" data-testid={doneTestId}>
          {status.message}
        </p>
      );
    case 'failed':
      return (
        <p className="notice error" role="alert">
          {status.message}
        </p>
      );
    default:
      return null;
  }
}
