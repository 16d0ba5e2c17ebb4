/** For tests: how a call ended — 'ok', or the error code it was refused with (the message when it has none). */
export const codeOf = (p: Promise<unknown>): Promise<string> =>
  p.then(
    () => 'ok',
    (e: unknown) => (e as { code?: string }).code ?? String(e),
  );
