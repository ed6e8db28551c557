import { useLocation, useNavigate } from '@solidjs/router';
import { createEffect } from 'solid-js';

/**
 * Replaces the address with the unit's real path when they disagree (a street code under the wrong
 * district, say), so breadcrumbs, the address bar and the back button tell the same story.
 */
export function useCanonicalPath(path: () => string | undefined) {
  const location = useLocation();
  const navigate = useNavigate();
  createEffect(() => {
    const canonical = path();
    if (canonical && location.pathname !== canonical) navigate(canonical, { replace: true });
  });
}
