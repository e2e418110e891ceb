import { Link } from "@remix-run/react";
import type { ReactNode } from "react";

/** The way back to the page above, at the top of a page. */
export function BackLink({ to, children }: { to: string; children: ReactNode }) {
  return (
    <p className="mb-2">
      <Link to={to} className="link">
        {children}
      </Link>
    </p>
  );
}
