import type { ReactNode } from 'react';

import { navigate } from '../router';

/** A link to another page of the workbench: a real `<a>` that navigates in place on a plain click. */
export function Link({ to, children }: { readonly to: string; readonly children: ReactNode }) {
  return (
    <a
      href={to}
      onClick={(e) => {
        if (e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
        e.preventDefault();
        navigate(to);
      }}
    >
      {children}
    </a>
  );
}
