import { useCallback, useEffect, useState } from 'react';
import { hasLiveSourceAccess, requestLiveSourceAccess } from '@/lib/permissions/live-sources';

/**
 * Whether the browser lets Backstory reach Wikidata, Wikipedia and TVmaze (undefined until
 * checked), and a way to ask for it. Shared by the popup's and the options page's switch, so
 * both say the same thing when Firefox withholds the permission.
 */
export function useLiveSourceAccess(): { access: boolean | undefined; requestAccess: () => Promise<void> } {
  const [access, setAccess] = useState<boolean>();
  useEffect(() => {
    let live = true;
    void hasLiveSourceAccess().then((granted) => live && setAccess(granted));
    return () => {
      live = false;
    };
  }, []);
  // Must run straight from a click: browsers only show the permission prompt for a user gesture.
  const requestAccess = useCallback(async () => {
    setAccess(await requestLiveSourceAccess().catch(() => false));
  }, []);
  return { access, requestAccess };
}
