import type { SaveState } from '../hooks/useAutosave';

export function SaveIndicator({ state }: { state: SaveState }) {
  switch (state.phase) {
    case 'idle':
      return <span className="save-state">All changes saved</span>;
    case 'saving':
      return <span className="save-state">Saving…</span>;
    case 'saved':
      return <span className="save-state ok">Saved</span>;
    case 'error':
      // The message is a whole sentence that already says the change was not saved.
      return (
        <span className="save-state error-text" role="alert">
          {state.message}
        </span>
      );
  }
}
