"use client";

import {
  createContext,
  type ReactNode,
  type RefObject,
  useContext,
  useEffect,
  useRef,
  useState,
} from "react";
import { usePlayground } from "@/lib/store";

interface Registry {
  enabled: boolean;
  register: (element: HTMLElement) => () => void;
}

/**
 * The columns' scroll boxes, kept at the same place in their answers while "Sync scroll" is on:
 * scrolling one moves the others to the same fraction of their length (answers differ in
 * length, so a fraction lines up what is comparable better than pixels do).
 */
function createRegistry(): Registry {
  const elements = new Set<HTMLElement>();
  /** Boxes this registry scrolled: their next scroll event is its own, not the person's. */
  const moved = new WeakSet<HTMLElement>();
  const registry: Registry = {
    enabled: false,
    register: (element) => {
      const onScroll = () => {
        if (moved.has(element)) {
          moved.delete(element);
          return;
        }
        if (!registry.enabled) return;
        const range = element.scrollHeight - element.clientHeight;
        const fraction = range > 0 ? element.scrollTop / range : 0;
        for (const other of elements) {
          if (other === element) continue;
          const top = Math.round(fraction * (other.scrollHeight - other.clientHeight));
          if (Math.abs(other.scrollTop - top) < 1) continue;
          moved.add(other);
          other.scrollTop = top;
        }
      };
      elements.add(element);
      element.addEventListener("scroll", onScroll, { passive: true });
      return () => {
        elements.delete(element);
        element.removeEventListener("scroll", onScroll);
      };
    },
  };
  return registry;
}

const SyncScrollContext = createContext<Registry | null>(null);

export function SyncScrollProvider({ children }: { children: ReactNode }) {
  const [registry] = useState(createRegistry);
  registry.enabled = usePlayground((s) => s.syncScroll);
  return <SyncScrollContext value={registry}>{children}</SyncScrollContext>;
}

/** Scrolls `ref`'s box with the other columns' while sync scroll is on. */
export function useSyncScroll(ref: RefObject<HTMLElement | null>): void {
  const registry = useContext(SyncScrollContext);
  const registered = useRef<HTMLElement | null>(null);
  useEffect(() => {
    const element = ref.current;
    if (!registry || !element || registered.current === element) return;
    registered.current = element;
    const unregister = registry.register(element);
    return () => {
      registered.current = null;
      unregister();
    };
  }, [registry, ref]);
}
