/** The path of a request URL, without its query string. */
export function pathOf(url: string): string {
  const queryStart = url.indexOf("?");
  return queryStart === -1 ? url : url.slice(0, queryStart);
}

/** Whether a path belongs to the emulated ChatHub API (and is therefore counted and subject to faults). */
export function isApiPath(path: string): boolean {
  return path === "/api" || path.startsWith("/api/");
}

/** `POST /api/company/get-token`: the one /api route that takes no company token. */
export function isSignInPath(path: string): boolean {
  return path === "/api/company/get-token";
}
