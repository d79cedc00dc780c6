// Preloaded into a server under measurement (with --expose-gc): SIGUSR2 runs a full collection,
// so a heap reading taken right after counts live objects only, not garbage waiting to be swept.
process.on("SIGUSR2", () => {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (!gc) throw new Error("start the process with --expose-gc");
  gc();
  gc();
});
