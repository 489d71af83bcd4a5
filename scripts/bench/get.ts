// The benchmark's own GETs (meta, search index, scripts): bounded, and tried again when the socket fails —
// on a loaded machine a kept-alive connection can be closed by the server just as the next request goes out
// (undici's bare "fetch failed"). An HTTP error is not tried again: it is a finding.

const TRIES = 3;
const LIMIT_MS = 60_000;

export async function get(url: string | URL): Promise<Response> {
  for (let attempt = 1; ; attempt++) {
    let res: Response;
    try {
      res = await fetch(url, { signal: AbortSignal.timeout(LIMIT_MS) });
    } catch (e) {
      const why = (e as Error).cause instanceof Error ? `${(e as Error).message}: ${((e as Error).cause as Error).message}` : (e as Error).message;
      if (attempt >= TRIES) throw new Error(`GET ${url}: ${why} (${TRIES} tries)`, { cause: e });
      console.warn(`GET ${url}: ${why}; trying again`);
      continue;
    }
    if (!res.ok) throw new Error(`GET ${url}: HTTP ${res.status}`);
    return res;
  }
}
