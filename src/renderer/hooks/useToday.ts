/** Today on the user's own calendar (todayLocal), moving on at local midnight while a screen stays open. */
import { useEffect, useState } from 'react';
import { todayLocal } from '../../core/rules/rules';

export function useToday(): string {
  const [today, setToday] = useState(() => todayLocal());
  useEffect(() => {
    const now = new Date();
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1);
    // A second past midnight, so the new day has surely begun; a sleeping machine simply fires late.
    const timer = setTimeout(() => setToday(todayLocal()), midnight.getTime() - now.getTime() + 1000);
    return () => clearTimeout(timer);
  }, [today]);
  return today;
}
