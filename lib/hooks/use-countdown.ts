"use client";

import { useEffect, useState } from "react";

/** Whole seconds left until `deadline` (epoch ms), re-rendering as it ticks; 0 once passed. */
export function useCountdown(deadline: number | undefined): number {
  const [now, setNow] = useState(() => Date.now());

  useEffect(() => {
    if (deadline === undefined) return;
    setNow(Date.now());
    const timer = setInterval(() => {
      const t = Date.now();
      setNow(t);
      if (t >= deadline) clearInterval(timer);
    }, 250);
    return () => clearInterval(timer);
  }, [deadline]);

  return deadline === undefined ? 0 : Math.max(0, Math.ceil((deadline - now) / 1000));
}
