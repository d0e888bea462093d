/** Who is using the playground: the name they gave at sign-in, or their proxy's. */
export interface Person {
  name: string;
  /** How they were let in: an access code (they can sign out) or a trusted proxy's header. */
  via: "code" | "proxy";
}

/** A name longer than this is refused at sign-in. */
export const MAX_NAME_LENGTH = 60;

/** The author of what is saved on a server with no gate: it answers one machine only. */
export const LOCAL_NAME = "Local user";
