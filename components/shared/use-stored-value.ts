import { useEffect, useState } from 'react';
import type { WxtStorageItem } from 'wxt/utils/storage';

/**
 * A value kept in extension storage, kept current when any tab or page changes it; undefined
 * until it has been read.
 */
export function useStoredValue<T>(item: WxtStorageItem<T, Record<string, unknown>>): T | undefined {
  const [value, setValue] = useState<T>();
  useEffect(() => {
    let live = true;
    void item.getValue().then((stored) => live && setValue(stored));
    const unwatch = item.watch((changed) => setValue(changed));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);
  return value;
}
