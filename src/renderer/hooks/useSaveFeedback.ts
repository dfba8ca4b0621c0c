/** Runs a change and keeps what the user should read afterwards: the error that stopped it, or a done message. */
import { useCallback, useState } from 'react';
import { WorkbookError } from '../db/errors';

export function useSaveFeedback(fallback = 'The change was not saved.') {
  const [error, setError] = useState('');
  const [message, setMessage] = useState('');
  const run = useCallback(
    async (work: () => Promise<unknown>, done = ''): Promise<boolean> => {
      try {
        await work();
        setError('');
        setMessage(done);
        return true;
      } catch (e) {
        setError(e instanceof WorkbookError ? e.message : fallback);
        setMessage('');
        return false;
      }
    },
    [fallback],
  );
  return { error, message, run, setError };
}
