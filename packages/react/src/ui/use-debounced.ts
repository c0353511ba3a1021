'use client';

import { useEffect, useState } from 'react';

/** Debounces a value: the search box updates at once, the request waits for a pause in typing. */
export function useDebounced<T>(value: T, delay: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), delay);
    return () => clearTimeout(timer);
  }, [value, delay]);
  return debounced;
}
