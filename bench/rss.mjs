// Preloaded into a CLI the bench times: reports the process's peak resident memory on exit.
import { writeSync } from 'node:fs';

process.on('exit', () => {
  writeSync(2, `\nbench-rss-kb ${process.resourceUsage().maxRSS}\n`);
});
