/**
 * Runs once as the server starts, before it answers anyone: every request gets its peer address
 * stamped (the limits and the access rule read it), and a server with no access code refuses to
 * listen beyond this machine. It also starts following the background runs nobody follows.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { stampPeerAddresses } = await import("@/lib/http/client-address");
  const { bindRefusal, requestedHost } = await import("@/lib/auth/server/bind-rule");
  const { isGated } = await import("@/lib/auth/server/gate");
  const { serverEnv } = await import("@/lib/env");
  stampPeerAddresses();
  const refusal = bindRefusal(
    requestedHost(process.argv, { HOSTNAME: process.env.HOSTNAME }),
    isGated(serverEnv()),
  );
  if (refusal) {
    console.error(refusal);
    process.exit(1);
  }
  // Background runs left by a server that stopped are taken up again, with nobody waiting.
  const { startFollowing } = await import("@/lib/background/server/follower");
  startFollowing();
}
