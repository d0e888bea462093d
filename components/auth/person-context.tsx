"use client";

import { createContext, type ReactNode, useContext } from "react";
import type { Person } from "@/lib/auth/person";

const PersonContext = createContext<Person | null>(null);

/** Who the page was rendered for (null on a server without a gate); read by the headers. */
export function PersonProvider({
  person,
  children,
}: {
  person: Person | null;
  children: ReactNode;
}) {
  return <PersonContext.Provider value={person}>{children}</PersonContext.Provider>;
}

export function usePerson(): Person | null {
  return useContext(PersonContext);
}
