// Test-only preload for a gateway child process (node --expose-gc --import ./test/helpers/gc-probe.mjs):
// on SIGUSR2 it collects garbage fully and prints the live heap, so a load test can compare the
// heap a request pattern leaves behind, free of GC timing.
process.on('SIGUSR2', () => {
  globalThis.gc()
  globalThis.gc()
  process.stdout.write(`gc-probe heapUsed=${process.memoryUsage().heapUsed}\n`)
})
